import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkSite } from '../../src/check/site.js';
import { captureIO, tempDir } from './helpers.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (): string => {
  const d = tempDir('pm-init-');
  made.push(d);
  return d;
};

async function init(cwd: string, args: string[], env: Record<string, string> = {}) {
  const io = captureIO();
  io.env = env;
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['init', ...args], io);
    return { code, out: io.stdout, err: io.stderrText };
  } finally {
    process.chdir(before);
  }
}

const FILES = ['pm.config.yaml', 'posts/2026-01-15-example-expired-certificate.md', '.gitignore', '.github/workflows/postmortems.yml', 'static/_headers'];

describe('pm init', () => {
  it('scaffolds a site in a new folder that pm check passes and pm build builds', async () => {
    const cwd = temp();
    const r = await init(cwd, ['my-postmortems']);
    expect(r.code).toBe(0);
    const root = path.join(cwd, 'my-postmortems');
    for (const f of FILES) expect(existsSync(path.join(root, f)), f).toBe(true);
    expect(r.out.split('\n').filter((l) => l.startsWith('created '))).toHaveLength(FILES.length);
    // the three next commands, in order
    expect(r.out).toMatch(/Next:\n {2}cd my-postmortems\n {2}pm new incident "What happened"\n {2}pm serve\n$/);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['dist/', '.pm-cache/']));
    const checked = await checkSite({ root, drafts: true, today: null });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.incidents).toBe(1);
    const io = captureIO();
    expect(await main(['build', '--root', root, '--out', path.join(root, 'dist')], io)).toBe(0);
    expect(io.stderrText).toMatch(/^pm build: 1 incident, \d+ files/m);
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('Example: the API certificate expired');
  });

  it('never overwrites: existing files, a dangling symlink and another config file are kept byte for byte', async () => {
    const root = temp();
    mkdirSync(path.join(root, 'posts'));
    writeFileSync(path.join(root, 'posts', '2020-01-01-mine.md'), 'mine');
    writeFileSync(path.join(root, '.gitignore'), 'node_modules\n');
    writeFileSync(path.join(root, 'pm.config.json'), '{"title":"Mine"}');
    mkdirSync(path.join(root, 'static'));
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'static', '_headers'));
    const r = await init(root, []);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('node_modules\n');
    expect(readFileSync(path.join(root, 'pm.config.json'), 'utf8')).toBe('{"title":"Mine"}');
    expect(existsSync(path.join(root, 'pm.config.yaml'))).toBe(false);
    expect(existsSync(path.join(root, 'posts', '2026-01-15-example-expired-certificate.md'))).toBe(false);
    expect(existsSync(path.join(root, 'nowhere'))).toBe(false);
    expect(r.out).toContain('kept    pm.config.yaml (the site already has pm.config.json)');
    expect(r.out).toContain('kept    posts/2026-01-15-example-expired-certificate.md (posts/ already holds incidents)');
    expect(r.out).toContain('kept    static/_headers (already exists)');
    expect(r.out).toContain('created .github/workflows/postmortems.yml');
    // in the current folder: no cd, and the build comes third
    expect(r.out).toMatch(/Next:\n {2}pm new incident "What happened"\n {2}pm serve\n {2}pm build\n$/);
    const again = await init(root, []);
    expect(again.out).not.toContain('created');
  });

  it('run through npx, prints commands that work without a global pm', async () => {
    const r = await init(temp(), ['a site'], { npm_command: 'exec' });
    expect(r.out).toContain('  cd \'a site\'\n  npx postmortem-site new incident "What happened"\n  npx postmortem-site serve\n');
  });

  it('--title sets the site title', async () => {
    const root = temp();
    await init(root, ['--title', 'Acme: outages "and" more']);
    const io = captureIO();
    expect(await main(['build', '--root', root, '--out', path.join(root, 'dist')], io)).toBe(0);
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('<title>Acme: outages &quot;and&quot; more');
  });

  it('has --help and rejects unknown flags with a hint, and a second folder', async () => {
    const help = await init(temp(), ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: pm init \[DIR\]/);
    const typo = await init(temp(), ['--titel', 'x']);
    expect(typo).toMatchObject({ code: 2, err: 'pm init: unknown option --titel; did you mean --title?\nRun pm init --help for usage.\n' });
    const two = await init(temp(), ['a', 'b']);
    expect(two.code).toBe(2);
    expect(two.err).toContain('one folder at most');
  });
});
