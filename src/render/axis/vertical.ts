/**
 * The vertical drawing of the time axis, for narrow screens (a phone at 360px):
 * time runs down; offsets and the lengths of cut gaps on the left, milestone labels
 * on the right, pushed apart when they would overlap and tied to their mark by a
 * leader line. Same scale, same escaping and description as the horizontal one.
 */
import { escapeHtml as esc } from '../../text/escape.js';
import type { Milestone } from '../../timeline/types.js';
import { axisScale, stackLabels, type AxisOptions } from './layout.js';
import { axisDescription, belowLabels, MILESTONE_LABEL, spansOf, type AxisModel } from './model.js';

const VW = 340;
const AX = 96;
const TOP = 14;
const LEFT_ROW = 15;
const RIGHT_ROW = 18;

export function verticalAxisSvg(model: AxisModel, options: Partial<AxisOptions> = {}): string {
  const milestones = model.events.filter((e) => e.milestone).sort((a, b) => a.start - b.start);
  const probe = axisScale(spansOf(model), { length: 400, ...options });
  const leftCount = belowLabels(model, probe).length;
  const length = Math.max(320, milestones.length * RIGHT_ROW + 24, leftCount * LEFT_ROW + 24);
  const scale = axisScale(spansOf(model), { length, ...options });
  const y = (ms: number): number => Number((TOP + scale.at(ms)).toFixed(1));
  const out: string[] = [];
  for (const s of scale.segments)
    out.push(
      `<line class="ax-line" x1="${AX}" y1="${y(s.from) - 4}" x2="${AX}" y2="${y(s.to) + 4}" stroke="currentColor" stroke-opacity=".45" stroke-width="2"/>`,
    );
  for (const b of scale.breaks) {
    const mid = TOP + (b.p0 + b.p1) / 2;
    out.push(`<g class="ax-break"><path d="M${AX - 8} ${mid - 2}l16 -6M${AX - 8} ${mid + 5}l16 -6" stroke="currentColor" stroke-width="1.6" fill="none"/></g>`);
  }
  for (const e of model.events) {
    if (e.end !== null && e.end > e.start) {
      const h = Math.max(2, y(e.end) - y(e.start));
      out.push(
        `<rect class="ax-range" x="${AX - 4}" y="${y(e.start)}" width="8" height="${h.toFixed(1)}" rx="3" fill="currentColor" fill-opacity=".35"><title>${esc(e.tip)}</title></rect>`,
      );
    }
  }
  for (const e of model.events.filter((ev) => !ev.milestone))
    out.push(`<circle class="ax-dot" cx="${AX}" cy="${y(e.start)}" r="3.5" fill="currentColor"><title>${esc(e.tip)}</title></circle>`);

  const left = belowLabels(model, scale);
  const leftAt = stackLabels(
    left.map((l) => l.pos),
    LEFT_ROW,
    length,
  );
  left.forEach((l, i) => {
    const at = TOP + (leftAt[i] ?? l.pos) + 4;
    out.push(
      `<text class="${l.kind === 'gap' ? 'ax-gap' : 'ax-tick'}" x="${AX - 14}" y="${at.toFixed(1)}" text-anchor="end" font-size="11" fill="currentColor">${esc(l.text)}</text>`,
    );
  });

  const rightAt = stackLabels(
    milestones.map((e) => scale.at(e.start)),
    RIGHT_ROW,
    length,
  );
  milestones.forEach((e, i) => {
    const ly = TOP + (rightAt[i] ?? scale.at(e.start));
    const label = MILESTONE_LABEL[e.milestone as Milestone];
    out.push(
      `<g class="ax-ms ax-ms-${e.milestone}"><line x1="${AX + 7}" y1="${y(e.start)}" x2="${AX + 20}" y2="${ly.toFixed(1)}" stroke="currentColor" stroke-opacity=".5"/>` +
        `<circle cx="${AX}" cy="${y(e.start)}" r="6.5" fill="currentColor" stroke="#fff" stroke-width="1.5"><title>${esc(e.tip)}</title></circle>` +
        `<text x="${AX + 24}" y="${(ly + 4).toFixed(1)}" font-size="12" fill="currentColor"><tspan class="ax-ms-name" font-weight="700">${esc(label)}</tspan>${e.milestone === 't0' ? '' : ` <tspan class="ax-ms-off">${esc(e.offset)}</tspan>`}</text></g>`,
    );
  });
  const height = TOP + length + TOP;
  return (
    `<svg class="pm-axis-v" viewBox="0 0 ${VW} ${height}" role="img" aria-label="${esc(axisDescription(model, scale))}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(`Time axis: ${model.title}`)}</title>\n${out.join('\n')}\n</svg>`
  );
}
