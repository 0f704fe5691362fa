/**
 * Severity levels the charts stack by: what authors write (`SEV1`, `sev-2`, `critical`,
 * `minor`) folded into four levels plus "none" by the one severity policy
 * (incident/severity.ts) that the badges and the Statuspage impact read too.
 * insights.json lists the spellings of each level.
 */
import { severityLevel } from '../incident/severity.js';

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
  const level = severityLevel(severity);
  return level === null ? 'sev-unknown' : `sev-${level}`;
}

export type SeverityCounts = Record<SeverityLevel['key'], number>;

export function zeroCounts(): SeverityCounts {
  return { 'sev-1': 0, 'sev-2': 0, 'sev-3': 0, 'sev-4': 0, 'sev-unknown': 0 };
}
