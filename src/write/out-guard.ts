/**
 * The output folder is pm's or it is refused. A build replaces its output folder whole,
 * so it only ever replaces a folder pm wrote before (it holds pm's stamp file), an empty
 * one or a missing one, and never the site's own sources. `out:` in the config is site
 * content (a pull request can change it): it must name a folder inside the site.
 * `--out` (and `out` given to buildSite) is the caller's own choice.
 */
import { lstatSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';

/** The stamp pm writes in every output folder it makes. */
export const STAMP = '.pm-output';
const STAMP_TEXT = 'pm build wrote this folder and replaces it whole on each build; without this file pm refuses to touch it.\n';

/** A build that cannot write where it was asked to; `exitCode` 2 for a wrong choice of folder, 1 otherwise. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * Stamps a folder pm made (over any file of that name a theme or static/ put there): a new
 * file each time, so each output folder's stamp has its own identity (stampId).
 */
export function writeStamp(dir: string): void {
  rmSync(path.join(dir, STAMP), { force: true });
  writeFileSync(path.join(dir, STAMP), STAMP_TEXT, { flag: 'wx' });
}

/** True when `dir` holds pm's stamp (a plain file). */
export function hasStamp(dir: string): boolean {
  try {
    return lstatSync(path.join(dir, STAMP)).isFile();
  } catch {
    return false;
  }
}

/** Which output folder this is: a new one each time pm writes one (the cache records it). */
export function stampId(out: string): string {
  try {
    const s = lstatSync(path.join(out, STAMP), { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}:${s.ctimeNs}` : '';
  } catch {
    return '';
  }
}

/** Refuses a file, or a folder with something in it and no stamp. */
export function checkOwnership(out: string): void {
  let st;
  try {
    st = lstatSync(out);
  } catch {
    return; // missing: pm makes it
  }
  const shown = path.resolve(out);
  if (st.isSymbolicLink()) {
    try {
      st = lstatSync(realpathSync(out));
    } catch {
      throw new OutputError(`output folder ${shown} is a broken link: name a folder with --out`, 2);
    }
  }
  if (!st.isDirectory())
    throw new OutputError(`output folder ${shown} is a file, not a folder: pm build replaces its output folder whole; name a folder with --out`, 2);
  if (readdirSync(out).length === 0 || hasStamp(out)) return;
  throw new OutputError(
    `output folder ${shown} is not empty and pm did not write it (no ${STAMP} in it): pm build replaces its output folder whole ` +
      'and would delete what is there. Name an empty or new folder with --out, or empty this one yourself',
    2,
  );
}

/**
 * Every rule for a site's output folder: not the site root or anything holding it, not
 * in or around its sources, inside the site when it comes from the config, and pm's own.
 */
export function checkOutput(config: ResolvedConfig, fromConfig: boolean): void {
  const out = real(config.outDir);
  const root = real(config.root);
  const shown = config.outDir;
  const what = `pm build: refusing output folder ${shown}`;
  const elsewhere = 'name another folder with --out (the default is dist/ in the site)';
  if (out === root || inside(root, out)) throw new OutputError(`${what}: it ${out === root ? 'is' : 'holds'} the site root ${config.root}; ${elsewhere}`, 2);
  if (fromConfig && !inside(out, root)) {
    const where = config.configFile ?? 'the config';
    throw new OutputError(
      `${what}: \`out:\` in ${where} names a folder outside the site, and a site may only write inside itself; change \`out:\`, or pass --out to build elsewhere`,
      2,
    );
  }
  const sources = [
    config.postsDir,
    path.join(config.root, 'themes'),
    path.join(config.root, 'static'),
    path.join(config.root, '.pm-cache'),
    ...config.themeDirs,
    ...(config.configFile ? [path.join(config.root, config.configFile)] : []),
  ];
  for (const source of sources) {
    const s = real(source);
    if (out === s || inside(out, s) || inside(s, out)) {
      const rel = path.relative(config.root, source) || source;
      const how = out === s ? 'is' : inside(out, s) ? 'is inside' : 'holds';
      throw new OutputError(`${what}: it ${how} the site's ${rel}, which a build would delete; ${elsewhere}`, 2);
    }
  }
  checkOwnership(config.outDir);
}

/** True when `child` is strictly below `parent`. */
function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return !!rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** `p` with symlinks resolved as far as it exists. */
function real(p: string): string {
  const rest: string[] = [];
  for (let cur = path.resolve(p); ; cur = path.dirname(cur)) {
    try {
      return path.join(realpathSync(cur), ...rest.reverse());
    } catch {
      if (path.dirname(cur) === cur) return path.resolve(p);
      rest.push(path.basename(cur));
    }
  }
}
