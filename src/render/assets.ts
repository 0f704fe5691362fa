/** Theme assets are written under `assets/` with a content hash in the name (cache-safe forever). */
import { createHash } from 'node:crypto';
import type { ThemeFiles } from '../theme/load.js';
import type { Page } from './types.js';
import { ASSETS_DIR } from '../outputs/paths.js';

export function hashedAssets(theme: ThemeFiles): { pages: Page[]; names: Record<string, string> } {
  const pages: Page[] = [];
  const names: Record<string, string> = {};
  for (const [rel, bytes] of Object.entries(theme.assets).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    const dot = rel.lastIndexOf('.');
    const hashed = dot > rel.lastIndexOf('/') ? `${rel.slice(0, dot)}.${hash}${rel.slice(dot)}` : `${rel}.${hash}`;
    names[rel] = `${ASSETS_DIR}${hashed}`;
    pages.push({ path: `${ASSETS_DIR}${hashed}`, contents: bytes });
  }
  return { pages, names };
}
