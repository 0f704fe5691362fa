/**
 * The "shape" of a log message, used by grouping: the message with its variable
 * tokens — numbers, IPv4/IPv6 addresses, ports, pids, hex ids, UUIDs, times —
 * replaced by `#`, so that `Failed password for root from 1.2.3.4 port 4242` and
 * `… from 5.6.7.8 port 51515` have the same shape. A token is a run of characters
 * between delimiters (whitespace, `= , ; ( ) [ ] { } " ' / < > @`); it is variable
 * when it holds a digit and only hex digits, `:` `.` `-` `_` `x`. One linear scan
 * with a lookup table, no regular expression.
 */

const DELIMITER = 1;
const VALUE = 2;
const DIGIT = 4;

const CLASS = new Uint8Array(128);
for (const c of ' \t=,;()[]{}"\'/<>@') CLASS[c.charCodeAt(0)] = DELIMITER;
for (const c of 'abcdefABCDEF:.-_xX') CLASS[c.charCodeAt(0)] = VALUE;
for (let d = 48; d <= 57; d++) CLASS[d] = VALUE | DIGIT;

const HASH = 35; // '#'

let buffer = new Uint16Array(1024);
let scanned = 0;

/**
 * Computes the shape of `text` into a reused buffer and returns its FNV-1a hash,
 * without building a string or an array: grouping looks runs up by hash, then
 * compares the buffer with {@link sameShape}, and copies it with {@link copyShape}.
 */
export function scanShape(text: string): number {
  const n = text.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  const buf = buffer;
  let len = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 && CLASS[c] === DELIMITER) {
      buf[len++] = c;
      i++;
      continue;
    }
    const start = i;
    const mark = len;
    let all = VALUE | DIGIT;
    let digit = 0;
    while (i < n) {
      c = text.charCodeAt(i);
      const k = c < 128 ? CLASS[c]! : 0;
      if (k === DELIMITER) break;
      all &= k;
      digit |= k & DIGIT;
      buf[len++] = c;
      i++;
    }
    if (digit && all & VALUE) {
      let end = i;
      while (end > start + 1) {
        const t = text.charCodeAt(end - 1);
        if (t !== 58 && t !== 46) break;
        end--;
      }
      len = mark;
      buf[len++] = HASH;
      for (let k = end; k < i; k++) buf[len++] = text.charCodeAt(k);
    }
  }
  let h = 0x811c9dc5;
  for (let k = 0; k < len; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
  scanned = len;
  return h >>> 0;
}

/** True when `shape` equals the shape of the last scanned text. */
export function sameShape(shape: Uint16Array): boolean {
  if (shape.length !== scanned) return false;
  const buf = buffer;
  for (let i = 0; i < scanned; i++) if (shape[i] !== buf[i]) return false;
  return true;
}

/** A copy of the shape of the last scanned text. */
export function copyShape(): Uint16Array {
  return buffer.slice(0, scanned);
}

/** The message with variable tokens replaced by `#` (a token's trailing `:` or `.` is kept). */
export function messageShape(text: string): string {
  scanShape(text);
  const chars = copyShape();
  let out = '';
  for (let k = 0; k < chars.length; k += 8192) {
    out += String.fromCharCode.apply(null, chars.subarray(k, Math.min(chars.length, k + 8192)) as unknown as number[]);
  }
  return out;
}
