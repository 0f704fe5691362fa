/**
 * Severity levels the charts stack by: what authors write (`SEV1`, `sev-2`, `critical`,
 * `minor`) folded into four levels plus "none" with the rule the index uses for its
 * colours (render/views.ts severityClass). insights.json lists the spellings of each level.
 */
import { severityClass } from '../render/views.js';

export interface SeverityLevel {
  key: 'sev-1' | 'sev-2' | 'sev-3' | 'sev-4' | 'sev-unknown';
  label: string;
}

/** Most severe first: the order of the stack, bottom to top, and of the legend. */
export const LEVELS: readonly SeverityLevel[] = [
  { key: 'sev-1', label: 'SEV1 · critical' },
  { key: 'sev-2', label: 'SEV2 · major' },
  { key: 'sev-3', label: 'SEV3 · minor' },
  { key: 'sev-4', label: 'SEV4 · other' },
  { key: 'sev-unknown', label: 'No severity' },
];

export function levelOf(severity: string | null): SeverityLevel['key'] {
  return severityClass(severity) as SeverityLevel['key'];
}

export type SeverityCounts = Record<SeverityLevel['key'], number>;

export function zeroCounts(): SeverityCounts {
  return { 'sev-1': 0, 'sev-2': 0, 'sev-3': 0, 'sev-4': 0, 'sev-unknown': 0 };
}
