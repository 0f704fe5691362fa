import { Reporter } from '../../src/diagnostics.js';
import { renderDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { extractTimeline } from '../../src/timeline/extract.js';
import { computeTimeline } from '../../src/timeline/compute.js';
import type { DateParts } from '../../src/time/parse-timestamp.js';

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function extract(md: string, zone = 'UTC', date: DateParts | null = null, lineOffset?: number) {
  const reporter = new Reporter('posts/x.md');
  const tree = parseMarkdown(md);
  const r = extractTimeline(tree, { file: 'posts/x.md', reporter, zone, date, ...(lineOffset !== undefined ? { lineOffset } : {}) });
  // Events get their html from the one pass over the whole post.
  const document = renderDocument({ tree, section: r.section, items: r.items, source: md, reporter, lineOffset: lineOffset ?? 0 });
  return { ...r, reporter, tree, document };
}

export function build(md: string, zone = 'UTC', date: DateParts | null = null, t0: number | null = null) {
  const x = extract(md, zone, date);
  const tl = computeTimeline(x.events, { t0, displayZone: zone, reporter: x.reporter });
  return { ...x, tl };
}
