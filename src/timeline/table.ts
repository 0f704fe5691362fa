/**
 * Timelines written as GFM tables: the first column is the time (or `Date | Time`
 * as the first two), an optional `Milestone` column names a milestone, the other
 * columns are the event text.
 */
import type { PhrasingContent, Table, TableCell } from 'mdast';
import { plainText } from './inline.js';
import type { Milestone } from './types.js';

export interface TableRowEntry {
  /** Phrasing that starts with the timestamp. */
  time: PhrasingContent[];
  /** Remaining columns joined with ` — `. */
  text: PhrasingContent[];
  milestone: Milestone | null;
  /** The first cell, for its position. */
  cell: TableCell;
}

const TIME_HEADER = /\b(?:time|when|date|utc|local|timestamp|at)\b/i;
const TIMEISH = /^\W*\d|^[A-Za-z]{3,9}\.?\s+\d/;
const MILESTONE_HEADER = /^\s*(?:milestone|marker|phase|kind|type)\s*$/i;
const MILESTONES: Record<string, Milestone> = {
  t0: 't0',
  detected: 'detected',
  detection: 'detected',
  impact: 'detected',
  acknowledged: 'acknowledged',
  mitigated: 'mitigated',
  mitigation: 'mitigated',
  resolved: 'resolved',
  resolution: 'resolved',
};

/** Rows of a timeline table, or null when the table is not a timeline. */
export function readTable(node: Table): TableRowEntry[] | null {
  const [header, ...body] = node.children;
  if (!header || body.length === 0) return null;
  const names = header.children.map((c) => plainText(c.children).trim());
  const firstBody = plainText(body[0]!.children[0]?.children ?? []).trim();
  if (!TIME_HEADER.test(names[0] ?? '') && !TIMEISH.test(firstBody)) return null;
  const split = /^date$/i.test(names[0] ?? '') && /^time\b/i.test(names[1] ?? '') ? 2 : 1;
  const milestoneCol = names.findIndex((n, i) => i >= split && MILESTONE_HEADER.test(n));
  const rows: TableRowEntry[] = [];
  for (const row of body) {
    const cells = row.children;
    const first = cells[0];
    if (!first) continue;
    const time: PhrasingContent[] = [...first.children];
    if (split === 2 && cells[1]) time.push({ type: 'text', value: ' ' }, ...cells[1].children);
    const text: PhrasingContent[] = [];
    cells.forEach((cell, i) => {
      if (i < split || i === milestoneCol || plainText(cell.children).trim() === '') return;
      if (text.length) text.push({ type: 'text', value: ' — ' });
      text.push(...cell.children);
    });
    const m =
      milestoneCol >= 0
        ? plainText(cells[milestoneCol]?.children ?? [])
            .trim()
            .toLowerCase()
        : '';
    rows.push({ time, text, milestone: MILESTONES[m] ?? null, cell: first });
  }
  return rows;
}
