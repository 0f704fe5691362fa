/**
 * Hostile JSON in a log: a syntax error is described by where it is, never by the text
 * around it (V8's messages quote the line: `Unexpected token 'A', "AWS_SECRET"...`), and
 * a value nested deeper than {@link MAX_DEPTH} levels is one malformed record, decided
 * by an explicit limit rather than by the machine's stack size (JSON.stringify and the
 * filters recurse).
 */

/** Deepest nesting of arrays and objects a log record may have. */
export const MAX_DEPTH = 100;

/** True when `value` nests arrays/objects deeper than `limit` levels (iterative: no stack). */
export function tooDeep(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The message for a nesting past the limit. */
export const DEEP_MESSAGE = `the value nests deeper than ${MAX_DEPTH} levels of arrays or objects`;

/** 0-based offset of a JSON.parse error in its input, when the engine says it. */
export function syntaxOffset(err: unknown): number | null {
  const m = /\bposition (\d+)/.exec(err instanceof Error ? err.message : '');
  return m ? Number(m[1]) : null;
}

/** 1-based line and column of offset `at` in `text`. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}
