/**
 * File operations below a folder pm keeps between builds (kept.ts): every step goes
 * through real folders only, so a link planted inside it can never lead a write or a
 * deletion outside it. Anything that is not what pm left there is an `Untrusted` error
 * (the caller stops using the folder), never something to work around.
 */
import { lstatSync, mkdirSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/** The folder holds something pm did not leave there: do not use it. */
export class Untrusted extends Error {
  override readonly name = 'Untrusted';
}

/** An empty, `.` or `..` part of a path. */
const BAD_PART = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** A path pm may write below a folder: relative, POSIX, with no empty, `.` or `..` part. */
export function safeRel(p: string): boolean {
  return p !== '' && !p.includes('\0') && !BAD_PART.test(p);
}

/** Every entry below `dir` that is not a folder, as POSIX paths relative to it; `plain` is false when one is not a plain file. */
export function listFiles(dir: string): { files: string[]; plain: boolean } {
  const files: string[] = [];
  let plain = true;
  const walk = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else {
        if (!e.isFile()) plain = false;
        files.push(r);
      }
    }
  };
  walk(dir, '');
  return { files, plain };
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Paths below `root`, reached through real folders only (each checked once). */
export class Inside {
  private readonly real = new Set<string>();
  constructor(readonly root: string) {
    this.real.add(root);
  }

  /** The full path of `rel`, its folders made as needed; Untrusted when one of them is not a real folder. */
  target(rel: string): string {
    return this.walk(rel, true)!;
  }

  /**
   * Removes the plain file at `rel` if there is one; Untrusted when something else is
   * there. Empty folders it leaves are removed too (a clean build has none).
   */
  removeFile(rel: string): void {
    const full = this.walk(rel, false);
    if (full === null) return;
    let st;
    try {
      st = lstatSync(full);
    } catch (e) {
      if (code(e) === 'ENOENT') return;
      throw e;
    }
    if (!st.isFile()) throw new Untrusted(`${full} is not a file pm wrote`);
    unlinkSync(full);
    for (let dir = path.dirname(full); dir !== this.root && dir.startsWith(this.root); dir = path.dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty: so are the folders above it
      }
      this.real.delete(dir);
    }
  }

  /** Full path of `rel` with its parent folders checked (and made when `make`); null when one is missing. */
  private walk(rel: string, make: boolean): string | null {
    if (!safeRel(rel)) throw new Untrusted(`${rel}: not a path below ${this.root}`);
    const parts = rel.split('/');
    let dir = this.root;
    for (const part of parts.slice(0, -1)) {
      dir = path.join(dir, part);
      if (this.real.has(dir)) continue;
      let made = false;
      if (make) {
        try {
          mkdirSync(dir);
          made = true;
        } catch (e) {
          if (code(e) !== 'EEXIST') throw e;
        }
      }
      if (!made) {
        let st;
        try {
          st = lstatSync(dir);
        } catch (e) {
          if (code(e) === 'ENOENT' && !make) return null;
          throw e;
        }
        if (!st.isDirectory()) throw new Untrusted(`${dir} is not a folder pm made`);
      }
      this.real.add(dir);
    }
    return path.join(dir, parts[parts.length - 1]!);
  }
}
