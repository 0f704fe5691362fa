/**
 * The timeline as an HTML fragment for embeds and for pasting into any page
 * (`pm timeline FILE --format html` prints exactly what `embed/<slug>/index.html` holds):
 *
 *   <table class="pm-timeline"> caption (title, zone, T0), then one row per event with
 *   three cells: when (local time, UTC), T± (offset from T0, Δ since the event before),
 *   event (milestone and other marks, the text, the source).
 *
 * A pure function of the published JSON. Every string is escaped except `html`, which is
 * already sanitized markdown or escaped log text. Readable without any stylesheet; the
 * embed stylesheet (themes/default/embed/timeline.css) styles the same class names, and
 * the `<pm-timeline>` element builds the same structure in the browser.
 */
import { formatLocal, isoToMs } from '../time/format.js';
import { escapeHtml } from '../text/escape.js';
import type { PlacedNotes } from './notes.js';
import { rowCells, t0IsApproximate, type RenderOptions } from './render-common.js';
import type { TimelineEventJson, TimelineJson } from './types.js';

/** How a milestone is labelled on pages and embeds: `T0`, `detected`, … */
export function milestoneLabel(milestone: string): string {
  return milestone === 't0' ? 'T0' : milestone;
}

export interface HtmlRenderOptions extends RenderOptions {
  /** The Timeline section's notes (sanitized HTML), as untimed rows where they were written. */
  notes?: PlacedNotes;
}

export function renderTimelineHtml(json: TimelineJson, options: HtmlRenderOptions = {}): string {
  const zone = escapeHtml(json.incident.display_timezone);
  const head =
    '<thead><tr><th scope="col" class="pm-when">Time</th>' +
    '<th scope="col" class="pm-offset" title="offset from T0; time since the event before">T±</th>' +
    '<th scope="col" class="pm-text">Event</th></tr></thead>';
  const notes = (list: readonly string[] | undefined): string[] =>
    (list ?? []).map((html) => `<tr class="pm-note"><td colspan="3"><div class="pm-body">${html}</div></td></tr>`);
  const events = json.events.length
    ? json.events.flatMap((e, i) => [row(e, json, options), ...notes(options.notes?.rows.get(i))])
    : ['<tr class="pm-empty"><td colspan="3">No timeline entries.</td></tr>'];
  const rows = [...notes(options.notes?.before), ...events, ...notes(options.notes?.after)].join('\n');
  return (
    `<table class="pm-timeline" data-slug="${escapeHtml(json.incident.slug)}" data-zone="${zone}">\n` +
    `${caption(json)}\n${head}\n<tbody>\n${rows}\n</tbody>\n</table>`
  );
}

function caption(json: TimelineJson): string {
  const zone = json.incident.display_timezone;
  const t0ms = json.incident.t0 === null ? NaN : isoToMs(json.incident.t0);
  const t0 = Number.isNaN(t0ms) ? '' : `; T0 ${t0IsApproximate(json) ? '~' : ''}${formatLocal(t0ms, zone)}`;
  const title = json.incident.title ? `<span class="pm-title">${escapeHtml(json.incident.title)}</span> ` : '';
  return `<caption>${title}<small class="pm-zone">Times in ${escapeHtml(zone)}${escapeHtml(t0)}</small></caption>`;
}

function row(e: TimelineEventJson, json: TimelineJson, options: RenderOptions): string {
  const c = rowCells(e, json, options);
  const classes = ['pm-event'];
  if (e.milestone) classes.push('pm-milestone', `pm-milestone-${e.milestone}`);
  if (e.approximate) classes.push('pm-approximate');
  if (e.internal) classes.push('pm-internal');
  const marks: string[] = [];
  if (e.milestone) {
    const label = escapeHtml(milestoneLabel(e.milestone));
    marks.push(`<span class="pm-mark pm-mark-milestone" title="milestone: ${label}">${label}</span>`);
  }
  if (e.approximate) marks.push('<span class="pm-mark pm-mark-approximate" title="approximate time">approx.</span>');
  if (e.count !== undefined && e.count > 1) marks.push(`<span class="pm-mark pm-mark-count" title="${e.count} log lines">×${e.count}</span>`);
  if (e.internal) marks.push('<span class="pm-mark pm-mark-internal" title="left out of public builds">internal</span>');
  const approx = e.approximate ? '<abbr class="pm-approx" title="approximate">~</abbr>' : '';
  const when =
    `<td class="pm-when">${approx}<time datetime="${escapeHtml(e.at)}">${escapeHtml(c.local)}</time>` +
    (c.utc === c.local ? '' : ` <small class="pm-utc">${escapeHtml(c.utc)}</small>`) +
    '</td>';
  const offsetTitle = e.offset_s === null ? '' : ` title="${escapeHtml(`${e.offset_s} s from T0`)}"`;
  const offset =
    `<td class="pm-offset"><span class="pm-t"${offsetTitle}>${escapeHtml(c.offset)}</span>` +
    (c.delta ? ` <small class="pm-delta" title="since the event before">${escapeHtml(c.delta)}</small>` : '') +
    '</td>';
  const text =
    `<td class="pm-text">${marks.length ? `<span class="pm-marks">${marks.join(' ')}</span> ` : ''}` +
    `<div class="pm-body">${e.html}</div><small class="pm-source">${escapeHtml(c.source)}</small></td>`;
  return `<tr class="${classes.join(' ')}">${when}${offset}${text}</tr>`;
}
