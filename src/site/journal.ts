/**
 * Incremental commits: a journal beside the output folder lists the files to move
 * from the staging folder into the output and the files to delete. Once the journal
 * is on disk the commit is decided; if the process dies while applying it, the next
 * run applies it again (every step is idempotent).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Journal {
  staging: string;
  /** Site-relative paths to move from staging into the output. */
  moves: string[];
  /** Site-relative paths to delete from the output. */
  deletes: string[];
}

export function journalPath(out: string): string {
  return path.join(path.dirname(out), `${path.basename(out)}.pm-journal.json`);
}

/** Writes the journal durably, then applies it. With nothing to move or delete, only the staging folder goes. */
export function commitJournal(out: string, journal: Journal): void {
  if (!journal.moves.length && !journal.deletes.length) return apply(out, journal);
  const file = journalPath(out);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(journal));
  const fd = openSync(tmp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, file);
  apply(out, journal);
  rmSync(file, { force: true });
}

/** Finishes a journal left by a killed build, if any. */
export function rollForward(out: string): void {
  const file = journalPath(out);
  if (!existsSync(file)) return;
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch {
    rmSync(file, { force: true }); // a torn journal was never committed
    return;
  }
  apply(out, journal);
  rmSync(file, { force: true });
}

function apply(out: string, journal: Journal): void {
  const made = new Set<string>();
  for (const rel of journal.moves) {
    const from = path.join(journal.staging, ...rel.split('/'));
    const to = path.join(out, ...rel.split('/'));
    if (!existsSync(from)) continue; // already moved by an earlier attempt
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    renameSync(from, to);
  }
  for (const rel of journal.deletes) {
    const target = path.join(out, ...rel.split('/'));
    rmSync(target, { force: true });
    pruneEmpty(path.dirname(target), out);
  }
  rmSync(journal.staging, { recursive: true, force: true });
}

/** Removes folders left empty by deletes, up to (not including) the output folder. */
function pruneEmpty(dir: string, out: string): void {
  for (let d = dir; d.startsWith(out + path.sep); d = path.dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (or gone)
    }
  }
}
