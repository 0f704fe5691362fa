import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { KNOWN_KEYS, loadConfig, resolveConfig } from '../../src/config/resolve.js';
import { scaffold, scaffoldFiles } from '../../src/init/scaffold.js';
import { headersFor, readHeadersFile } from './headers-rules.js';

const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'pm-scaffold-'));
  made.push(d);
  return d;
};
const text = (p: string): string => scaffoldFiles().find((f) => f.path === p)?.text ?? '';

describe('the pm.config.yaml pm init writes', () => {
  it('as written, configures nothing: the site gets every default', () => {
    const root = temp();
    writeFileSync(path.join(root, 'pm.config.yaml'), text('pm.config.yaml'));
    const loaded = loadConfig(root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config).toEqual({});
  });

  it('documents every key pm reads: uncommented, each one loads without a diagnostic', () => {
    const root = temp();
    const uncommented = text('pm.config.yaml').replace(/^# ((?:[a-z_]+:)|(?: {2}[a-z]+:))/gm, '$1');
    writeFileSync(path.join(root, 'pm.config.yaml'), uncommented);
    const loaded = loadConfig(root);
    expect(loaded.diagnostics).toEqual([]);
    expect(Object.keys(loaded.config).sort()).toEqual([...KNOWN_KEYS].sort());
    // the commented values are the defaults (base_url is an example: there is no default)
    const { baseUrl: _b, configFile: _c, ...withValues } = resolveConfig(loaded.config, { root });
    const { baseUrl: _b2, configFile: _c2, ...defaults } = resolveConfig({}, { root });
    expect(withValues).toEqual({ ...defaults, displayTimezone: 'UTC' });
  });
});

describe('the GitHub Actions workflow pm init writes', () => {
  const wf = parse(text('.github/workflows/postmortems.yml')) as {
    env: Record<string, string>;
    jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[]; permissions?: Record<string, string> }>;
  };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps);

  it('runs this release of pm: the package name and version of package.json', () => {
    expect(wf.env['PM_PACKAGE']).toBe(`${pkg.name}@${pkg.version}`);
  });

  it('checks with GitHub annotations, builds with .pm-cache restored, deploys dist/ to Pages', () => {
    const runs = steps.map((s) => s.run ?? '');
    const check = runs.findIndex((r) => /\bpm check --format github\b/.test(r));
    const build = runs.findIndex((r) => /\bpm build\b/.test(r));
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@') && s.with?.['path'] === '.pm-cache');
    expect(check).toBeGreaterThanOrEqual(0);
    expect(cache).toBeGreaterThan(check);
    expect(build).toBeGreaterThan(cache);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.['path']).toBe('dist');
    expect(steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(wf.jobs['deploy']?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

describe('static/_headers', () => {
  it('opens every JSON file and the embed script of a built site to other origins, and nothing else', async () => {
    const root = temp();
    scaffold(root);
    const { pages } = await buildSite({ root, write: false });
    const rules = readHeadersFile(text('static/_headers'));
    const open = (url: string): boolean => headersFor(rules, url).some(([k, v]) => k === 'Access-Control-Allow-Origin' && v === '*');
    const urls = pages.map((p) => `/${p.path}`);
    // the search index (pagefind/) is the site's own, not data for other origins
    const wanted = urls.filter((u) => (u.endsWith('.json') && !u.startsWith('/pagefind/')) || u === '/embed/pm-timeline.js');
    expect(wanted).toEqual(
      expect.arrayContaining(['/incidents.json', '/embed/pm-timeline.js', '/incidents/2026-01-15-example-expired-certificate/timeline.json']),
    );
    for (const u of wanted) expect(open(u), u).toBe(true);
    for (const u of urls.filter((x) => x.endsWith('.html'))) expect(open(u), u).toBe(false);
    expect(readdirSync(path.join(root, 'static'))).toEqual(['_headers']);
  });
});
