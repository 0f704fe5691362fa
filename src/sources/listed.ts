/**
 * `pm timeline --source LOG` for a log the post already lists under `sources:` (or a log
 * given twice): every event would be counted twice. Such a log is read once — as the
 * front-matter says — and the user is told, instead of a timeline silently doubled.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { SourceSpec } from './types.js';

export interface Extra {
  spec: SourceSpec;
  base: string;
}

function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The extra sources that name a file not read yet, and a note for each one dropped. */
export function unlisted<T extends Extra>(listed: readonly SourceSpec[], listedBase: string, extra: readonly T[]): { keep: T[]; notes: string[] } {
  const seen = new Map<string, string>();
  for (const s of listed) seen.set(real(path.resolve(listedBase, s.path)), `is already listed under sources: as ${JSON.stringify(s.path)}`);
  const keep: T[] = [];
  const notes: string[] = [];
  for (const x of extra) {
    const key = real(path.resolve(x.base, x.spec.path));
    const why = seen.get(key);
    if (why) {
      notes.push(`--source ${x.spec.path} ${why}: its events are read once, with the options written there`);
      continue;
    }
    seen.set(key, 'is given twice');
    keep.push(x);
  }
  return { keep, notes };
}
