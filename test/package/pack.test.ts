/**
 * The package as a stranger gets it: pack a copy of this checkout (`npm pack` runs prepack,
 * which builds from nothing), install the tarball (dependencies from the registry) globally
 * into a temp prefix and into an empty project, then use it: pm init,
 * pm new incident, pm build (piped), pm check, npx <package name>, and a
 * strict TypeScript program compiled against the packed types without skipLibCheck.
 * Slow (a full compile and two npm installs): a minute or two.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, REPO, run } from './stranger.js';

const SLOW = 600_000;
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const typesNode = (JSON.parse(readFileSync(path.join(REPO, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string }).version;
let work = '';
let tarball = '';
let contents: string[] = [];
let project = '';
let installErr = '';
let prefix = '';
/** A command of the package as `npm i -g` installed it (into a temp prefix), or of the project. */
const globalBin = (name: string): string => path.join(prefix, 'bin', name);
const bin = (name: string): string => path.join(project, 'node_modules', '.bin', name);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pm-pack-'));
  // A fresh checkout's files (not lib/: prepack must build it), with the repo's node_modules.
  const checkout = path.join(work, 'checkout');
  mkdirSync(checkout);
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'LICENSE', 'src', 'scripts', 'themes']) {
    cpSync(path.join(REPO, f), path.join(checkout, f), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  await ok('npm', ['pack', '--pack-destination', work], checkout);
  tarball = path.join(work, `${pkg.name}-${pkg.version}.tgz`);
  contents = (await ok('tar', ['-tzf', tarball], work)).stdout
    .split('\n')
    .filter(Boolean)
    .map((p) => p.replace(/^package\//, ''));
  prefix = path.join(work, 'prefix');
  installErr = (await ok('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball], work)).stderr;
  project = path.join(work, 'stranger');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), '{ "name": "stranger", "private": true, "type": "module" }\n');
  installErr += (await ok('npm', ['install', '--no-audit', '--no-fund', tarball, `@types/node@${typesNode}`], project)).stderr;
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, SLOW);

describe(`the ${pkg.name} tarball`, () => {
  it('carries the built command, the library bundle, declarations, themes and LICENSE, one copy of the code', () => {
    expect(contents).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'lib/pm/main.js',
        'lib/pm/index.js',
        'lib/pm/worker.js',
        'lib/index.d.ts',
        'themes/default/layouts/base.hbs',
      ]),
    );
    // JavaScript only in the bundle: tsc's per-module output would be a second copy
    expect(contents.filter((p) => p.endsWith('.js') && !p.startsWith('lib/pm/') && !p.startsWith('themes/'))).toEqual([]);
    expect(contents.filter((p) => /^(src|test|posts|scripts|bench|node_modules)\//.test(p))).toEqual([]);
  });

  it('installs (npm i -g, and into a project) without an install-script warning, with both commands', async () => {
    expect(installErr).not.toMatch(/install-scripts|prepare/);
    expect((await ok(globalBin('pm'), ['--version'], work)).stdout).toBe(`${pkg.version}\n`);
    expect((await ok(bin('postmortem-site'), ['--version'], project)).stdout).toBe(`${pkg.version}\n`);
    expect((await ok(bin('pm'), ['--version'], project)).stdout).toBe(`${pkg.version}\n`);
  });
});

describe('a stranger’s first ten minutes', () => {
  it(
    'pm init, pm new incident, pm build (piped), pm check, with the pm of npm i -g',
    async () => {
      const home = path.join(work, 'home');
      mkdirSync(home);
      const init = await ok(globalBin('pm'), ['init', 'my-postmortems'], home);
      expect(init.stdout).toContain('Next:\n  cd my-postmortems\n');
      const site = path.join(home, 'my-postmortems');
      const created = await ok(globalBin('pm'), ['new', 'incident', 'Disk full on db1', '--date', '2026-03-04', '--timezone', 'Europe/Berlin'], site);
      expect(created.stdout).toBe('posts/2026-03-04-disk-full-on-db1.md\n');
      const build = await ok(globalBin('pm'), ['build'], site);
      expect(build.stderr).toMatch(/^pm build: 2 incidents, \d+ files → dist\/ in \d+\.\d\ds/m);
      expect(build.stderr).not.toContain('\x1b');
      expect(existsSync(path.join(site, 'dist', 'incidents', '2026-03-04-disk-full-on-db1', 'index.html'))).toBe(true);
      expect(readFileSync(path.join(site, 'dist', 'index.html'), 'utf8')).toContain('Disk full on db1');
      const check = await run(globalBin('pm'), ['check'], site);
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stderr).toMatch(/^2 incidents checked: 0 errors, \d+ warnings?$/m);
      const github = await run(globalBin('pm'), ['check', '--format', 'github'], site);
      for (const line of github.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) file=posts\/[^,]+,line=\d+,col=\d+/);
      expect(readdirSync(site).sort()).toEqual([
        '.github',
        '.gitignore',
        '.pm-cache',
        'dist',
        'dist.pm-kept',
        'dist.pm-kept.json',
        'pm.config.yaml',
        'posts',
        'static',
      ]);
    },
    SLOW,
  );

  it(
    'npx <package name> runs pm, and pm init then prints commands that work through npx',
    async () => {
      const r = await ok('npx', ['--no', pkg.name, 'init', 'through-npx'], project);
      expect(r.stdout).toContain(`Next:\n  cd through-npx\n  npx ${pkg.name} new incident "What happened"\n  npx ${pkg.name} serve\n`);
      expect(existsSync(path.join(project, 'through-npx', 'pm.config.yaml'))).toBe(true);
    },
    SLOW,
  );

  it(
    'the workflow pm init wrote runs its check and build steps (PM_PACKAGE pointing at the tarball)',
    async () => {
      const site = path.join(work, 'home', 'my-postmortems');
      const wf = parse(readFileSync(path.join(site, '.github', 'workflows', 'postmortems.yml'), 'utf8')) as {
        env: Record<string, string>;
        jobs: { build: { steps: { run?: string; env?: Record<string, string> }[] } };
      };
      expect(wf.env['PM_PACKAGE']).toBe(`${pkg.name}@${pkg.version}`);
      const steps = wf.jobs.build.steps.filter((s) => s.run);
      expect(steps.map((s) => s.run?.split(' ').slice(0, 5).join(' '))).toEqual([
        'npx --yes --package="$PM_PACKAGE" pm check',
        'npx --yes --package="$PM_PACKAGE" pm build',
      ]);
      // what configure-pages gives a project site: no trailing slash
      // npx installs the package into its cache: a cache of this test's own, removed with it
      const env = { PM_PACKAGE: tarball, BASE_URL: 'https://someone.github.io/my-postmortems', npm_config_cache: path.join(work, 'npm-cache') };
      for (const step of steps) {
        const r = await run('bash', ['-eo', 'pipefail', '-c', step.run ?? ''], site, env);
        expect(r.code, `${step.run}\n${r.stdout}\n${r.stderr}`).toBe(0);
      }
      expect(readFileSync(path.join(site, 'dist', 'sitemap.xml'), 'utf8')).toContain('<loc>https://someone.github.io/my-postmortems/incidents/');
    },
    SLOW,
  );

  it(
    'compiles a strict TypeScript program against the packed types (no skipLibCheck) that runs',
    async () => {
      writeFileSync(
        path.join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022'],
            types: ['node'],
            outDir: 'out',
          },
          files: ['consumer.ts'],
        }),
      );
      writeFileSync(
        path.join(project, 'consumer.ts'),
        `import { buildSite, formatDiagnostic, type Diagnostic, type Page } from '${pkg.name}';

const site = process.argv[2] ?? '.';
const { pages, diagnostics } = await buildSite({ root: site, write: false });
const errors: Diagnostic[] = diagnostics.filter((d) => d.level === 'error');
const paths: string[] = pages.map((p: Page) => p.path);
// the types are real: a wrong option is an error
// @ts-expect-error no such option
await buildSite({ rot: site, write: false });
console.log(JSON.stringify({ pages: paths.length, errors: errors.map(formatDiagnostic) }));
`,
      );
      const tsc = await run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], project);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.code).toBe(0);
      const ran = await ok(process.execPath, [path.join(project, 'out', 'consumer.js'), path.join(work, 'home', 'my-postmortems')], project);
      const result = JSON.parse(ran.stdout) as { pages: number; errors: string[] };
      expect(result.errors).toEqual([]);
      expect(result.pages).toBeGreaterThan(10);
    },
    SLOW,
  );
});
