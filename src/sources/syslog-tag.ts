/**
 * The part of a syslog line after the timestamp: `host prog[pid]: message` (host
 * optional), and rsyslog's `message repeated N times: [ … ]` folding.
 */

const MAX_TAG = 64;

/**
 * The message of a syslog line: `text` from `from` on is `host tag: message`,
 * `tag: message` (no host) or just `message` (no tag). A tag is one word ending
 * with `:` (`sshd[1234]:`, `kernel:`). Uses `indexOf` only: this runs per line.
 */
export function syslogMessage(text: string, from: number, hasHost = true): string {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  let sp = text.indexOf(' ', i);
  if (sp < 0) return text.charCodeAt(text.length - 1) === 58 ? '' : text.slice(i);
  // When the first word is already a tag (`sshd[12]:`), the line has no host.
  if (hasHost && !(text.charCodeAt(sp - 1) === 58 && sp - 1 > i && sp - i <= MAX_TAG)) {
    i = sp + 1;
    sp = text.indexOf(' ', i);
    if (sp < 0) return text.charCodeAt(text.length - 1) === 58 && text.length - i <= MAX_TAG ? '' : text.slice(i);
  }
  if (text.charCodeAt(sp - 1) === 58 && sp - 1 > i && sp - i <= MAX_TAG) return text.slice(sp + 1);
  return text.slice(i);
}

export interface Repeat {
  count: number;
  /** The repeated message, or null for `last message repeated N times`. */
  message: string | null;
}

const REPEATED = /^message repeated (\d+) times: \[ ?([\s\S]*?) ?\]$/;
const LAST_REPEATED = /^last message repeated (\d+) times?$/;

/** Reads `message repeated N times: [ msg ]` and `last message repeated N times`. */
export function readRepeat(message: string): Repeat | null {
  const c = message.charCodeAt(0);
  if (c !== 109 /* m */ && c !== 108 /* l */) return null;
  const m = REPEATED.exec(message);
  if (m) return { count: Number(m[1]), message: m[2] ?? '' };
  const last = LAST_REPEATED.exec(message);
  return last ? { count: Number(last[1]), message: null } : null;
}
