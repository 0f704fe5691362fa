/**
 * The part of a syslog line after the timestamp: `host prog[pid]: message` (host
 * optional), and rsyslog's `message repeated N times: [ … ]` folding.
 */

export interface SyslogBody {
  host: string;
  /** Program name with pid, e.g. `sshd[1234]`, or '' when the line has no tag. */
  tag: string;
  message: string;
}

/** A tag is `name`, `name[pid]` or `name/sub[pid]` followed by `:`. */
function tagEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 64);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) return i > from && (i + 1 === text.length || text.charCodeAt(i + 1) === 32) ? i : -1;
    if (c === 32 || c === 9) return -1;
  }
  return -1;
}

/** Splits `host tag: message`; `text` starts right after the timestamp's space(s). */
export function splitBody(text: string, from: number, hasHost = true): SyslogBody {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  let host = '';
  // When the first word is already a tag (`sshd[12]:`), the line has no host.
  if (hasHost && tagEnd(text, i) < 0) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) return { host: text.slice(i), tag: '', message: '' };
    host = text.slice(i, sp);
    i = sp + 1;
  }
  const end = tagEnd(text, i);
  if (end < 0) return { host, tag: '', message: text.slice(i) };
  const msgStart = end + 2 <= text.length ? end + 2 : end + 1;
  return { host, tag: text.slice(i, end), message: text.slice(msgStart) };
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
