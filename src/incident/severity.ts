/**
 * The one severity policy: what authors write in `severity:` folded into four levels, read
 * by the badge on the pages (render/views.ts), the Statuspage impact (outputs/statuspage.ts)
 * and the insights charts (insights/severity.ts), so the three always agree.
 * README "Front-matter" lists the spellings.
 *
 *   1 critical  SEV0 SEV1 P0 P1 0 1 critical crit blocker
 *   2 major     SEV2 P2 2 major high
 *   3 minor     SEV3 P3 3 minor medium moderate
 *   4 low       SEV4 P4 4 low, and any other value
 *   null        no severity (absent or blank)
 *
 * Case, spaces, `-` and `_` do not matter (`sev-1`, `Sev 1`, `P_1`). A value that is not a
 * spelling as a whole is read by its first word: `SEV1 (customer facing)`, `Critical: checkout`.
 */

export type SeverityLevel = 1 | 2 | 3 | 4;

const SPELLINGS: ReadonlyMap<string, SeverityLevel> = new Map([
  ...spellings(1, ['sev0', 'sev1', 'p0', 'p1', '0', '1', 'critical', 'crit', 'blocker']),
  ...spellings(2, ['sev2', 'p2', '2', 'major', 'high']),
  ...spellings(3, ['sev3', 'p3', '3', 'minor', 'medium', 'moderate']),
  ...spellings(4, ['sev4', 'p4', '4', 'low']),
]);

function spellings(level: SeverityLevel, words: string[]): Array<[string, SeverityLevel]> {
  return words.map((w) => [w, level]);
}

const squeeze = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, '');

/** The level of a `severity:` value; null when there is none. */
export function severityLevel(severity: string | null | undefined): SeverityLevel | null {
  if (severity == null || !severity.trim()) return null;
  const whole = SPELLINGS.get(squeeze(severity));
  if (whole) return whole;
  // the first word, with a number written apart from its prefix kept together (`SEV 1 – db`)
  const first = /^\s*((?:sev|p)?[\s_-]*\d+|[\p{L}\p{N}]+)/iu.exec(severity)?.[1];
  return (first && SPELLINGS.get(squeeze(first))) || 4;
}

/** Statuspage's `impact` of each level (no severity: `none`, like level 4). */
export type Impact = 'none' | 'minor' | 'major' | 'critical';

export function impactOfLevel(level: SeverityLevel | null): Impact {
  return level === 1 ? 'critical' : level === 2 ? 'major' : level === 3 ? 'minor' : 'none';
}
