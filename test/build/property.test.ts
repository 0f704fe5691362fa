// Property: whatever a site folder holds — random bytes, random markdown, random YAML as
// posts, logs and config — `pm build` and `pm check` (the installed CLI) exit 0 or 1 (never
// 70 or a crash), every error names a file of the site, `pm check` finds every error the
// build found, and nothing is written outside dist/ and the cache folders.
// PM_FUZZ_RUNS=500 runs more; PM_FUZZ_SEED replays a failure.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CLI as BUILT, ensureCompiled } from './cli-helpers.js';

const CLI = process.env['PM_FUZZ_CLI'] ?? BUILT;

const RUNS = Number(process.env['PM_FUZZ_RUNS'] ?? 15);
const SEED = process.env['PM_FUZZ_SEED'] === undefined ? undefined : Number(process.env['PM_FUZZ_SEED']);

// Markdown made of what posts are made of and of every character that opens or closes a construct.
const token = fc.constantFrom(
  'disk',
  'db-01',
  'é',
  '😀',
  ' ',
  ' ',
  '\n',
  '\n',
  '\n\n',
  '*',
  '**',
  '_',
  '`',
  '```',
  '~~',
  '[',
  ']',
  '](',
  '(',
  ')',
  '<',
  '>',
  '> ',
  '- ',
  '1. ',
  '# ',
  '## Timeline\n',
  '## Action items\n',
  '- [ ] ',
  '- [x] ',
  '|',
  '| a | b |\n|---|---|\n',
  '\\',
  '&amp;',
  '&#0;',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![i](../../x.png)',
  '[^1]',
  '[^1]: n\n',
  '- 10:00 ',
  '- 2024-03-11 10:00 [T0] ',
  '[internal] ',
  '[resolved] ',
  '(T-0) ',
  '(+5m) ',
  '---\n',
  '\t',
  '\r',
  '\r\n',
  '\u0000',
  '\u202e',
);
const markdown = fc.oneof(
  { weight: 4, arbitrary: fc.array(token, { maxLength: 60 }).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  // one construct repeated past the nesting limit, or long enough to be slow
  { weight: 1, arbitrary: fc.tuple(token, fc.integer({ min: 50, max: 2500 })).map(([t, n]) => t.repeat(n)) },
);
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2024-03-11', '2024-03-11T10:00:00Z', '10:00', '0999-01-01', '2024-02-30', 'Europe/Paris', 'Mars/Base', '../x', ':slug/'),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }));
const source = fc.oneof(
  fc.constantFrom('app.log', 'app.ndjson', 'missing.log', '../outside.log', 'logs', '.'),
  fc.record(
    {
      path: fc.constantFrom('app.log', 'app.ndjson'),
      format: fc.constantFrom('json', 'syslog', 'csv', 'clf', 'text', 'x'),
      label: fc.string({ maxLength: 8 }),
    },
    { requiredKeys: ['path'] },
  ),
);
const fields = fc.record(
  {
    title: value,
    date: value,
    t0: value,
    timezone: value,
    tags: value,
    slug: value,
    draft: value,
    authors: value,
    severity: value,
    status: value,
    summary: value,
    sources: fc.oneof(value, fc.array(source, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);
// Random YAML: generated mappings, any JSON value, or YAML-looking text that rarely parses.
const yamlText = fc.oneof(
  fields.map((f) => stringify(f)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => stringify(v)),
  fc
    .array(fc.constantFrom('a: ', 'b:\n', '  - ', '- ', '[', ']', '{', '}', '&x ', '*x', '!!binary ', '|\n', '"', "'", '\n', 'title: T\n', '<<: *x\n'), {
      maxLength: 20,
    })
    .map((t) => t.join('')),
);
const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b));
const post = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(yamlText, markdown).map(([y, m]) => `---\n${y}---\n\n${m}`) },
  { weight: 1, arbitrary: bytes },
  { weight: 1, arbitrary: markdown },
);
const logLine = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.tuple(fc.constantFrom('2024-03-11T10:00:00Z', 'Mar 11 10:00:00', '10:00', ''), fc.string({ maxLength: 30 })).map(([t, s]) => `${t} ${s}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const log = fc.oneof(
  fc.array(logLine, { maxLength: 8 }).map((l) => l.join('\n')),
  bytes,
);
const name = fc.constantFrom('2024-03-11-disk.md', 'x.md', 'ünïcødé.md', '事故.md', 'a b.md', 'index.md', '2024-03-11-disk.markdown', '-.md');
const config = fc
  .record(
    {
      title: value,
      description: value,
      base_url: fc.oneof(value, fc.constantFrom('https://e.example/pm', 'javascript:x')),
      language: value,
      timezone: value,
      display_timezone: value,
      theme: fc.oneof(value, fc.constant('default')),
      drafts: value,
      public: value,
      urls: fc.oneof(
        value,
        fc.record({ incident: fc.constantFrom('incidents/:slug/', 'p/:year/:slug.html', ':slug'), tag: fc.constantFrom('tags/:tag/', 't/:tag.html') }),
      ),
      required_sections: value,
      offset_format: value,
      unknown: value,
    },
    { requiredKeys: [] },
  )
  .map((c) => stringify(c));
const site = fc.record({
  posts: fc.array(fc.tuple(name, post), { minLength: 1, maxLength: 3 }),
  bundle: fc.option(post, { nil: undefined }),
  logs: fc.record({ log: log, ndjson: log }),
  config: fc.option(
    fc.oneof(
      config,
      yamlText,
      bytes.map((b) => b.toString('latin1')),
    ),
    { nil: undefined },
  ),
});

let parent: string;
beforeAll(() => {
  ensureCompiled();
  parent = mkdtempSync(path.join(tmpdir(), 'pm-property-'));
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Every path under `dir` with a digest of its contents (or its kind), for a before/after diff. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const rel = `${prefix}${entry}`;
    const st = lstatSync(full);
    if (st.isDirectory()) {
      out.set(`${rel}/`, 'dir');
      for (const [k, v] of snapshot(full, `${rel}/`)) out.set(k, v);
    } else out.set(rel, st.isFile() ? createHash('sha256').update(readFileSync(full)).digest('hex') : 'other');
  }
  return out;
}

const DIAGNOSTIC = /^(.*?):(\d+):(\d+): (error|warning|info): (\S+): /;

function pm(cwd: string, args: string[]): { code: number | null; stderr: string; stdout: string; how: string } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, XDG_CACHE_HOME: path.join(cwd, 'cache'), PM_INCIDENT_TIMEOUT: '10', NO_COLOR: '1' },
  });
  const how = `pm ${args[0]}: exit ${r.status}, signal ${r.signal}, ${Date.now() - started} ms${r.error ? `, ${r.error.message}` : ''}`;
  return { code: r.status, stderr: r.stderr, stdout: r.stdout, how };
}

describe('a site folder of random content', () => {
  it(
    'builds and checks with exit 0 or 1, errors naming site files, writing only dist/ and caches',
    () => {
      let n = 0;
      fc.assert(
        fc.property(site, (s) => {
          const work = path.join(parent, `run-${n++}`);
          const root = path.join(work, 'site');
          const write = (rel: string, data: string | Buffer): void => {
            mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
            writeFileSync(path.join(root, rel), data);
          };
          mkdirSync(path.join(root, 'posts', 'logs'), { recursive: true });
          writeFileSync(path.join(work, 'outside.log'), '2024-03-11T10:00:00Z outside the site\n');
          for (const [file, text] of s.posts) write(`posts/${file}`, text);
          if (s.bundle !== undefined) write('posts/bundle/index.md', s.bundle);
          write('posts/app.log', s.logs.log);
          write('posts/app.ndjson', s.logs.ndjson);
          if (s.config !== undefined) write('pm.config.yaml', s.config);
          const before = snapshot(work);

          const build = pm(work, ['build', '--root', 'site']);
          const check = pm(work, ['check', '--root', 'site', '--format', 'json']);
          try {
            for (const r of [build, check]) {
              expect(r.code === 0 || r.code === 1, `${r.how}\n${r.stderr}`).toBe(true);
              expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
            }
            // Every line of the build's report is a diagnostic naming a file of the site, or its summary line.
            const buildErrors = new Set<string>();
            for (const line of build.stderr.split('\n').filter(Boolean)) {
              if (line.startsWith('pm build: ')) continue;
              const m = DIAGNOSTIC.exec(line);
              expect(m, `not a diagnostic: ${line}`).not.toBeNull();
              const file = m![1]!;
              expect(file === '' || file.startsWith('..') || path.isAbsolute(file), `file "${file}"`).toBe(false);
              if (m![4] === 'error') buildErrors.add(`${file}:${m![2]}:${m![3]}: ${m![5]}`);
            }
            expect(build.code).toBe(buildErrors.size ? 1 : 0);
            const checked = JSON.parse(check.stdout) as Array<{ level: string; file: string; line: number; column: number; rule: string }>;
            for (const d of checked) expect(typeof d.file === 'string' && d.file !== '' && !d.file.startsWith('..')).toBe(true);
            const checkErrors = new Set(checked.filter((d) => d.level === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.rule}`));
            // (a time limit depends on the machine's load, not on the site: not compared)
            for (const e of buildErrors) if (!e.endsWith('limits/time')) expect(checkErrors, `pm check missed ${e}`).toContain(e);

            const after = snapshot(work);
            const allowed = (p: string): boolean => /^(site\/dist\/|site\/dist\/?$|site\/\.pm-cache\/|cache\/)/.test(p);
            const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
            expect(changed.filter((p) => !allowed(p))).toEqual([]);
          } finally {
            rmSync(work, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
      );
    },
    Math.max(600_000, RUNS * 10_000),
  );
});
