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

/** Character classes for the whole BMP: one table lookup per character, no range test. */
const CLASS = new Uint8Array(65536);
for (const c of ' \t=,;()[]{}"\'/<>@') CLASS[c.charCodeAt(0)] = DELIMITER;
for (const c of 'abcdefABCDEF:.-_xX') CLASS[c.charCodeAt(0)] = VALUE;
for (let d = 48; d <= 57; d++) CLASS[d] = VALUE | DIGIT;

const HASH = 35; // '#'
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

let buffer = new Uint16Array(1024);
let scanned = 0;

/**
 * Computes the shape of `text` into a reused buffer and returns its FNV-1a hash,
 * in one pass and without building a string or an array: grouping looks runs up
 * by hash, then compares the buffer with {@link sameShape} and copies it with
 * {@link copyShape}. A token's hash is computed speculatively and replaced by the
 * hash of `#` when the token turns out to be variable.
 */
export function scanShape(text: string): number {
  const n = text.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  const buf = buffer;
  let len = 0;
  let h = FNV_OFFSET;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let k = CLASS[c]!;
    if (k === DELIMITER) {
      buf[len++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
      i++;
      continue;
    }
    const start = i;
    const mark = len;
    let th = h;
    let all = VALUE | DIGIT;
    let digit = 0;
    for (;;) {
      all &= k;
      digit |= k;
      buf[len++] = c;
      th = Math.imul(th ^ c, FNV_PRIME);
      if (++i >= n) break;
      c = text.charCodeAt(i);
      k = CLASS[c]!;
      if (k === DELIMITER) break;
    }
    if ((digit & DIGIT) !== 0 && (all & VALUE) !== 0) {
      let end = i;
      while (end > start + 1) {
        const t = text.charCodeAt(end - 1);
        if (t !== 58 && t !== 46) break;
        end--;
      }
      len = mark;
      buf[len++] = HASH;
      h = Math.imul(h ^ HASH, FNV_PRIME);
      for (let q = end; q < i; q++) {
        const t = text.charCodeAt(q);
        buf[len++] = t;
        h = Math.imul(h ^ t, FNV_PRIME);
      }
    } else h = th;
  }
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
