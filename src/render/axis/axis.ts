/**
 * The drawn time axis of an incident page: inline SVG made on the server (no
 * script), a pure function of the published timeline JSON. Two drawings of the
 * same scale: horizontal for wide screens, vertical for narrow ones (the theme's
 * CSS shows one). Events are dots, ranges bars, milestones stand out with labels,
 * long quiet gaps are cut out behind a break mark that says how long they were.
 * Every SVG has role="img" and a text description; every string is escaped.
 */
import { escapeHtml as esc } from '../../text/escape.js';
import type { Milestone, TimelineJson } from '../../timeline/types.js';
import { axisScale, placeLabels, type AxisOptions } from './layout.js';
import { axisDescription, axisModel, belowLabels, MILESTONE_LABEL, spansOf, type AxisModel } from './model.js';
import { verticalAxisSvg } from './vertical.js';

const W = 720;
const PAD = 14;
const CHAR = 7.8;

/** The horizontal drawing: milestone labels above the line, offsets and gap lengths below. */
export function horizontalAxisSvg(model: AxisModel, options: Partial<AxisOptions> = {}): string {
  const scale = axisScale(spansOf(model), { length: W - 2 * PAD, ...options });
  const x = (ms: number): number => Number((PAD + scale.at(ms)).toFixed(1));
  const milestones = model.events.filter((e) => e.milestone).sort((a, b) => a.start - b.start);
  const above = placeLabels(
    milestones.map((e) => ({ pos: scale.at(e.start), size: (MILESTONE_LABEL[e.milestone as Milestone].length + e.offset.length + 1) * CHAR })),
    W - 2 * PAD,
  );
  const lanesAbove = Math.max(0, ...above.map((p) => p.lane + 1));
  const axisY = 14 + lanesAbove * 30 + 8;
  const below = belowLabels(model, scale);
  const placedBelow = placeLabels(
    below.map((l) => ({ pos: l.pos, size: l.text.length * CHAR * 0.9, align: l.align })),
    W - 2 * PAD,
  );
  const lanesBelow = Math.max(1, ...placedBelow.map((p) => p.lane + 1));
  const height = axisY + 16 + lanesBelow * 15 + 4;
  const out: string[] = [];
  for (const s of scale.segments)
    out.push(
      `<line class="ax-line" x1="${x(s.from) - 4}" y1="${axisY}" x2="${x(s.to) + 4}" y2="${axisY}" stroke="currentColor" stroke-opacity=".45" stroke-width="2"/>`,
    );
  for (const b of scale.breaks) {
    const mid = PAD + (b.p0 + b.p1) / 2;
    out.push(
      `<g class="ax-break"><path d="M${mid - 7} ${axisY + 7}l6 -14M${mid + 1} ${axisY + 7}l6 -14" stroke="currentColor" stroke-width="1.6" fill="none"/></g>`,
    );
  }
  for (const e of model.events) {
    if (e.end !== null && e.end > e.start) {
      const w = Math.max(2, x(e.end) - x(e.start));
      out.push(
        `<rect class="ax-range" x="${x(e.start)}" y="${axisY - 4}" width="${w.toFixed(1)}" height="8" rx="3" fill="currentColor" fill-opacity=".35"><title>${esc(e.tip)}</title></rect>`,
      );
    }
  }
  for (const e of model.events.filter((ev) => !ev.milestone))
    out.push(`<circle class="ax-dot" cx="${x(e.start)}" cy="${axisY}" r="3.5" fill="currentColor"><title>${esc(e.tip)}</title></circle>`);
  milestones.forEach((e, i) => {
    const place = above[i];
    if (!place) return;
    const ty = axisY - 14 - place.lane * 30;
    const label = MILESTONE_LABEL[e.milestone as Milestone];
    out.push(
      `<g class="ax-ms ax-ms-${e.milestone}"><line x1="${x(e.start)}" y1="${axisY - 7}" x2="${(PAD + place.pos).toFixed(1)}" y2="${ty + 4}" stroke="currentColor" stroke-opacity=".5"/>` +
        `<circle cx="${x(e.start)}" cy="${axisY}" r="6.5" fill="currentColor" stroke="#fff" stroke-width="1.5"><title>${esc(e.tip)}</title></circle>` +
        `<text x="${(PAD + place.pos).toFixed(1)}" y="${ty}" text-anchor="middle" font-size="12" fill="currentColor"><tspan class="ax-ms-name" font-weight="700">${esc(label)}</tspan>${e.milestone === 't0' ? '' : ` <tspan class="ax-ms-off">${esc(e.offset)}</tspan>`}</text></g>`,
    );
  });
  below.forEach((l, i) => {
    const place = placedBelow[i];
    if (!place) return;
    out.push(
      `<text class="${l.kind === 'gap' ? 'ax-gap' : 'ax-tick'}" x="${(PAD + place.pos).toFixed(1)}" y="${axisY + 22 + place.lane * 15}" text-anchor="${l.align}" font-size="11" fill="currentColor">${esc(l.text)}</text>`,
    );
  });
  const desc = axisDescription(model, scale);
  return (
    `<svg class="pm-axis-h" viewBox="0 0 ${W} ${height}" role="img" aria-label="${esc(desc)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(`Time axis: ${model.title}`)}</title>\n${out.join('\n')}\n</svg>`
  );
}

/** The figure for the incident page: both drawings and a one-line legend. Empty without events. */
export function renderAxis(json: TimelineJson, options: Partial<AxisOptions> = {}): string {
  const model = axisModel(json);
  if (model.events.length === 0) return '';
  return (
    `<figure class="pm-axis">\n${horizontalAxisSvg(model, options)}\n${verticalAxisSvg(model, options)}\n` +
    '<figcaption>Dots are events, labelled marks are milestones, bars are ranges; <span aria-hidden="true">//</span> marks a quiet stretch cut short, with its length.</figcaption>\n</figure>'
  );
}
