/** The most frequent names (services, tags, root causes) as horizontal bars with their counts. */
import { escapeHtml as esc } from '../../text/escape.js';
import { px } from './scale.js';

const W = 320;
const ROW = 22;
const LABEL = 118;
const CHARS = 17;

export function horizontalBars(rows: ReadonlyArray<{ name: string; count: number }>, label: string): string {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barMax = W - LABEL - 36;
  const out = rows.map((r, i) => {
    const y = 4 + i * ROW;
    const w = Math.max(2, (r.count / max) * barMax);
    const shown = r.name.length > CHARS ? `${r.name.slice(0, CHARS - 1)}…` : r.name;
    return (
      `<g><title>${esc(`${r.name}: ${r.count}`)}</title>` +
      `<text class="ins-label" x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${esc(shown)}</text>` +
      `<rect class="ins-bar" x="${LABEL}" y="${y + 4}" width="${px(w)}" height="${ROW - 8}" rx="2" fill="#2456c9"/>` +
      `<text class="ins-tick" x="${px(LABEL + w + 6)}" y="${y + 15}">${r.count}</text></g>`
    );
  });
  const h = 8 + rows.length * ROW;
  return `<svg class="ins-chart ins-hbars" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" font-size="12" fill="currentColor">\n${out.join('\n')}\n</svg>`;
}
