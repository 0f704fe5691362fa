/** Content hashes and file stamps (size and mtime): how the build cache tells what changed. */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export function hash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

/** Size and mtime of `file`, or null when it cannot be read (missing, no permission). */
export function stampOf(file: string): FileStamp | null {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return s ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
