/**
 * One `pm serve` per site folder: its pages and store in `.pm-cache/serve/` are written in
 * place, so a second server on the same site would write over the first one's files while it
 * serves them. The first takes `serve.lock` there (its pid, made with O_EXCL); a second
 * start is refused naming that pid. A lock whose process is gone (a server killed hard)
 * is taken over.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class ServeBusyError extends Error {
  override readonly name = 'ServeBusyError';
}

export interface ServeLock {
  release(): void;
}

/** Takes the lock of the folder `dir` (pm serve's, in `.pm-cache/`); throws ServeBusyError when a live server holds it. */
export function lockServe(dir: string, shown: string): ServeLock {
  const file = path.join(dir, 'serve.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return { release: () => releaseOwn(file) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    const pid = holder(file);
    if (pid !== null && alive(pid)) {
      const who = pid === process.pid ? 'this process' : `pid ${pid}`;
      throw new ServeBusyError(`another pm serve (${who}) is serving this site from ${shown}: stop it first, or serve a copy of the site`);
    }
    unlinkSync(file); // its server is gone
  }
}

/** The pid in a lock file; null when it holds none (a file being written, or not pm's). */
function holder(file: string): number | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^\d{1,10}$/.test(text) ? Number(text) : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the lock if it is still this process's. */
function releaseOwn(file: string): void {
  try {
    if (holder(file) === process.pid) unlinkSync(file);
  } catch {
    // gone already
  }
}
