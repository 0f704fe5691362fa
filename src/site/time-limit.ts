/**
 * How long one incident may take to process before it is given up as an error: the
 * markdown parser is quadratic on some inputs (long runs of unmatched `*`, `_` or `[`,
 * thousands of lazy continuation lines after a `>`), and a post made of them can keep a
 * build busy for hours. The limit is the user's (an environment variable), never the
 * site's: a site under review must not be able to raise it.
 */
export const TIME_LIMIT_VAR = 'PM_INCIDENT_TIMEOUT';
/** Seconds. Real posts take milliseconds; a slow CI machine with a 1 MB post, a few seconds. */
export const DEFAULT_TIME_LIMIT_S = 30;

/** The limit in milliseconds: `PM_INCIDENT_TIMEOUT` (seconds, > 0) or the default. */
export function incidentTimeLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[TIME_LIMIT_VAR];
  const seconds = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIME_LIMIT_S) * 1000);
}

/** The error for an incident that ran past the limit (`file:0:0`: it concerns the whole file). */
export function timeLimitMessage(limitMs: number): string {
  return `processing this incident took longer than the limit of ${limitMs / 1000} s and was stopped: `
    + 'markdown this slow is usually thousands of unmatched `*`, `_` or `[` (escape them as `\\*`) or thousands '
    + `of lines continuing a \`>\` quote; split the post, or raise the limit with ${TIME_LIMIT_VAR}=<seconds>`;
}
