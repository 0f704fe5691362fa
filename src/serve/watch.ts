/**
 * Watches folders and files and hands over batches of changed absolute paths once
 * things have been quiet for a moment. Editors that save by writing a temporary
 * file and renaming it over the original show up as `rename` events on the
 * original's name: the batch names the file, and the caller looks at the disk as it
 * is when the batch runs.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface WatchTarget {
  /** A folder to watch. */
  dir: string;
  recursive: boolean;
  /** Only report paths this accepts (absolute paths). */
  accept?: (absPath: string) => boolean;
}

export interface Watcher {
  close(): void;
  /** Folders actually watched (missing ones are skipped). */
  watched: string[];
}

const IGNORED = /(^|[/\\])(\.git|node_modules|\.pm-cache)([/\\]|$)|(~|\.swp|\.swx|\.tmp)$/;

export function watchTargets(targets: readonly WatchTarget[], onBatch: (paths: string[]) => void, debounceMs = 30): Watcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    timer = null;
    const batch = [...pending].sort();
    pending.clear();
    if (batch.length) onBatch(batch);
  };
  const watchers: FSWatcher[] = [];
  const watched: string[] = [];
  for (const t of targets) {
    if (!existsSync(t.dir) || watched.includes(t.dir)) continue;
    const w = watch(t.dir, { recursive: t.recursive }, (_event, name) => {
      const abs = name ? path.join(t.dir, name.toString()) : t.dir;
      if (IGNORED.test(abs) || (t.accept && !t.accept(abs))) return;
      pending.add(abs);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    });
    w.on('error', () => undefined); // a watched folder that disappears is seen on the next batch
    watchers.push(w);
    watched.push(t.dir);
  }
  return {
    watched,
    close() {
      if (timer) clearTimeout(timer);
      pending.clear();
      for (const w of watchers) w.close();
    },
  };
}
