/**
 * The timeline as an HTML fragment for pages and embeds: `<table class="pm-timeline">`
 * with local time, UTC, T±, Δ, milestone and approximation marks, text and source.
 * A pure function of the published JSON; every string is escaped except `html`,
 * which is already sanitized markdown or escaped log text.
 */
import { rowCells, type RenderOptions } from './render-common.js';
import type { TimelineEventJson, TimelineJson } from './types.js';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function renderTimelineHtml(json: TimelineJson, options: RenderOptions = {}): string {
  const head =
    '<thead><tr><th scope="col">Local</th><th scope="col">UTC</th><th scope="col" title="offset from T0">T±</th>' +
    '<th scope="col" title="time since the event before">Δ</th><th scope="col"><span class="pm-visually-hidden">Marks</span></th>' +
    '<th scope="col">Event</th><th scope="col">Source</th></tr></thead>';
  const rows = json.events.map((e) => row(e, json, options)).join('\n');
  const zone = escapeHtml(json.incident.display_timezone);
  const caption = `<caption>Timeline${json.incident.title ? ` — ${escapeHtml(json.incident.title)}` : ''} (times in ${zone})</caption>`;
  return `<table class="pm-timeline" data-zone="${zone}">\n${caption}\n${head}\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function row(e: TimelineEventJson, json: TimelineJson, options: RenderOptions): string {
  const c = rowCells(e, json, options);
  const classes = ['pm-event'];
  if (e.milestone) classes.push('pm-milestone', `pm-milestone-${e.milestone}`);
  if (e.approximate) classes.push('pm-approximate');
  if (e.internal) classes.push('pm-internal');
  const marks: string[] = [];
  if (e.milestone) marks.push(`<span class="pm-mark pm-mark-milestone" title="milestone: ${escapeHtml(e.milestone)}">${escapeHtml(e.milestone)}</span>`);
  if (e.approximate) marks.push('<span class="pm-mark pm-mark-approximate" title="approximate time">~</span>');
  if (e.count !== undefined && e.count > 1) marks.push(`<span class="pm-mark pm-mark-count" title="${e.count} log lines">×${e.count}</span>`);
  if (e.internal) marks.push('<span class="pm-mark pm-mark-internal" title="internal">internal</span>');
  const time = `<time datetime="${escapeHtml(e.at)}">${escapeHtml(c.local)}</time>`;
  const offset = c.offset ? `<span title="${escapeHtml(e.offset_s === null ? '' : `${e.offset_s} s`)}">${escapeHtml(c.offset)}</span>` : '';
  const cells = [
    `<td class="pm-local">${e.approximate ? '~' : ''}${time}</td>`,
    `<td class="pm-utc">${escapeHtml(c.utc)}</td>`,
    `<td class="pm-offset">${offset}</td>`,
    `<td class="pm-delta">${escapeHtml(c.delta)}</td>`,
    `<td class="pm-marks">${marks.join(' ')}</td>`,
    `<td class="pm-text">${e.html}</td>`,
    `<td class="pm-source">${escapeHtml(c.source)}</td>`,
  ];
  return `<tr class="${classes.join(' ')}">${cells.join('')}</tr>`;
}
