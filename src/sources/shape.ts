/**
 * The "shape" of a log message, used by grouping: the message with its variable
 * tokens — numbers, IPv4/IPv6 addresses, ports, pids, hex ids, UUIDs, times —
 * replaced by `#`, so that `Failed password for root from 1.2.3.4 port 4242` and
 * `… from 5.6.7.8 port 51515` have the same shape. A single linear scan, no regex.
 */

/** Characters that end a token: whitespace and punctuation that surround values. */
function isDelimiter(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 61 /* = */ || c === 44 /* , */ || c === 59 /* ; */ ||
    c === 40 || c === 41 /* ( ) */ || c === 91 || c === 93 /* [ ] */ || c === 123 || c === 125 /* { } */ ||
    c === 34 || c === 39 /* " ' */ || c === 47 /* / */ || c === 60 || c === 62 /* < > */ || c === 64 /* @ */
  );
}

/** Characters a variable token may hold: hex digits, `:` `.` `-` `_` `x` `#`. */
function isValueChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) ||
    c === 58 || c === 46 || c === 45 || c === 95 || c === 120 || c === 88
  );
}

/** The message with variable tokens replaced by `#` (trailing `:` `.` of a token kept). */
export function messageShape(text: string): string {
  let out = '';
  let start = 0;
  const n = text.length;
  let i = 0;
  while (i <= n) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (i < n && !isDelimiter(c)) {
      i++;
      continue;
    }
    // token = text[start, i)
    if (i > start) {
      let end = i;
      let hasDigit = false;
      let allValue = true;
      for (let k = start; k < end; k++) {
        const t = text.charCodeAt(k);
        if (t >= 48 && t <= 57) hasDigit = true;
        else if (!isValueChar(t)) {
          allValue = false;
          break;
        }
      }
      if (hasDigit && allValue) {
        let tail = '';
        while (end > start + 1 && (text.charCodeAt(end - 1) === 58 || text.charCodeAt(end - 1) === 46)) end--;
        tail = text.slice(end, i);
        out += `#${tail}`;
      } else out += text.slice(start, i);
    }
    if (i < n) out += text[i];
    i++;
    start = i;
  }
  return out;
}
