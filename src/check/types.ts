/** What the site-wide check rules see: each incident as parsed, plus its log events. */
import type { UrlPatterns } from '../config/types.js';
import type { Incident } from '../incident/types.js';

/** One event of the published timeline, reduced to what ordering checks need. */
export interface CheckEvent {
  /** UTC instant, epoch ms. */
  at: number;
  source: { file: string; line: number };
}

export interface CheckIncident {
  incident: Incident;
  /** Events of the computed timeline (hand-written and from logs), as published. */
  events: CheckEvent[];
}

export interface CheckContext {
  /** Section names every post-mortem must have (config `required_sections`). */
  requiredSections: readonly string[];
  urls: UrlPatterns;
  /** `YYYY-MM-DD`: report open action items due before this day. Null: no past-due check. */
  today: string | null;
  /** Every incident slug of the site. */
  slugs: ReadonlySet<string>;
  /** Every incident file of the site, relative to the root (POSIX). */
  files: ReadonlySet<string>;
}

/** Where a rule points when it concerns the front-matter as a whole: the closing fence, else line 1. */
export function frontMatterEnd(incident: Pick<Incident, 'bodyLineOffset'>): { line: number; column: number } {
  return { line: Math.max(1, incident.bodyLineOffset), column: 1 };
}
