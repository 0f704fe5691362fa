// A bench site: a realistic corpus (bench/gen-realistic.mjs, the same bytes for the same N)
// under bench/out/, pm's caches kept inside it, and small edits a writer would make.
//   <dir>/posts, <dir>/static       the site (regenerated on every call, so edits never pile up)
//   <dir>/.pm-cache                  the site's build cache (pm's own place for it)
//   <dir>/xdg                        XDG_CACHE_HOME for pm: its secret and precompiled templates
// "Cold" removes both caches; "warm" is whatever the previous build or serve left.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cli, repo } from './report.mjs';

export const outDir = path.join(repo, 'bench', 'out');

/** Writes a fresh corpus of `n` posts into `dir`; returns the post file names, sorted. */
export function makeSite(dir, n, config = null) {
  rmSync(path.join(dir, 'posts'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const gen = path.join(repo, 'bench', 'gen-realistic.mjs');
  const r = spawnSync(process.execPath, [gen, path.join(dir, 'posts'), String(n), '--static', path.join(dir, 'static')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gen-realistic.mjs failed: ${r.stderr}`);
  if (config !== null) writeFileSync(path.join(dir, 'pm.config.yaml'), config);
  return readdirSync(path.join(dir, 'posts')).filter((f) => f.endsWith('.md')).sort();
}

/** The environment pm runs in for this site: its own XDG cache folder. */
export const siteEnv = (dir) => ({ XDG_CACHE_HOME: path.join(dir, 'xdg') });

/** Removes the site's build cache and pm's user cache (secret, precompiled templates). */
export function coldCaches(dir) {
  rmSync(path.join(dir, '.pm-cache'), { recursive: true, force: true });
  rmSync(path.join(dir, 'xdg'), { recursive: true, force: true });
}

/**
 * `pm build --root dir --out out -q` in a child process, timed from outside after a `sync`
 * (deleting the previous output slows file creation on this disk for a while); peak RSS of
 * the process tree from /usr/bin/time when it is there (its %M: the largest one process).
 */
export function pmBuild(dir, out, { nodeArgs = [], env = {} } = {}) {
  spawnSync('sync');
  const args = [...nodeArgs, cli, 'build', '--root', dir, '--out', out, '-q'];
  const useTime = process.platform === 'linux' && spawnSync('/usr/bin/time', ['true']).status === 0;
  const [cmd, full] = useTime ? ['/usr/bin/time', ['-f', '__RSS_KB=%M', process.execPath, ...args]] : [process.execPath, args];
  const t = performance.now();
  const r = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...siteEnv(dir), ...env } });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`pm build --root ${dir} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { ms, rss: Number(/__RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, pid: r.pid };
}

/** Adds a paragraph under "## Root cause" (only the incident's own pages change). */
export function editBody(file, marker) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('## Root cause\n')) throw new Error(`${file} has no "## Root cause" heading`);
  writeFileSync(file, text.replace('## Root cause\n', `## Root cause\n\n${marker}\n`));
}

/** Replaces the title (the summary changes: indexes, tags, feeds, insights follow). */
export function editTitle(file, title) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/^title: .*$/m, `title: "${title}"`);
  if (next === text) throw new Error(`${file} has no title line`);
  writeFileSync(file, next);
}
