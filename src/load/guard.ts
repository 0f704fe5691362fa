/**
 * Per-incident limits, checked before the expensive stages so that one hostile post is
 * one file's error instead of a crashed or stalled build:
 *
 *  - size: an incident file over {@link MAX_INCIDENT_BYTES} is not read at all (checked
 *    on the file's size, before reading it);
 *  - nesting: block quotes and list items nested more than {@link MAX_NESTING} levels on
 *    one line (`>>>>…`, `- - - …`) are refused before parsing — rendering such a tree
 *    recursed once per level and overflowed the stack at a few thousand levels;
 *  - the parsed tree is measured too ({@link deepestNode}): emphasis can nest as deep
 *    as block quotes, and only the parser knows where a run of `*` really opens one;
 *  - time: how long one incident may take ({@link incidentTimeLimitMs}), enforced by the
 *    pool's watchdog (pool.ts) and, without workers, the probe thread (probe.ts). The
 *    markdown parser is quadratic on some inputs (long runs of unmatched `*`, `_` or `[`,
 *    thousands of lines continuing one `>`): a post made of them kept a build busy for
 *    hours. The limit is the user's (an environment variable), never the site's: a site
 *    under review must not be able to raise it.
 *
 * The limits are far above anything an author writes (real posts nest a handful of
 * levels and weigh a few KB) and far below where the markdown stages fail.
 */
import type { Root } from 'mdast';
import type { Diagnostic } from '../diagnostics.js';

/** Largest incident file read, in bytes. Long logs belong in `sources:` files, which are streamed. */
export const MAX_INCIDENT_BYTES = 1024 * 1024;
/** Deepest nesting of block quotes, lists and inline containers accepted. */
export const MAX_NESTING = 100;

/** An error for an incident file over the size limit, or null. */
export function checkSize(file: string, bytes: number): Diagnostic | null {
  if (bytes <= MAX_INCIDENT_BYTES) return null;
  return {
    level: 'error',
    file,
    line: 0,
    column: 0,
    rule: 'limits/size',
    message:
      `the file is ${Math.ceil(bytes / 1024)} KB; pm reads at most ${MAX_INCIDENT_BYTES / 1024} KB (1 MB) per incident: ` +
      'move long logs into a file listed under `sources:` (it is streamed), or split the post',
  };
}

/**
 * One pass over the lines, no parsing: counts the container markers (`>`, and `-`, `+`,
 * `*`, `1.`, `1)` followed by a space) that open a line. The first line past the limit is
 * an error at the marker that crosses it.
 */
export function checkNesting(file: string, text: string): Diagnostic | null {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const column = markerPastLimit(text, start, end);
    if (column > 0) return nestingError(file, line, column, 'on this line');
    start = end + 1;
  }
  return null;
}

/** 1-based column of the marker that goes past {@link MAX_NESTING}, or 0. */
function markerPastLimit(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      i++;
      continue;
    }
    const marker = i;
    if (c === 0x3e /* > */) i += 1;
    else if ((c === 0x2d || c === 0x2b || c === 0x2a) && isSpace(text.charCodeAt(i + 1))) i += 2;
    else {
      let j = i;
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const mark = text.charCodeAt(j);
      if (j === i || (mark !== 0x2e && mark !== 0x29) || !isSpace(text.charCodeAt(j + 1))) break;
      i = j + 2;
    }
    if (++depth > MAX_NESTING) return marker - start + 1;
  }
  return 0;
}

/** Containers that add a level of nesting a reader would count (a list item is its list's level). */
const LEVELS = new Set(['blockquote', 'list', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition']);

/**
 * The first node nested deeper than {@link MAX_NESTING} levels (with its 1-based line and
 * column in the tree's text), or null. Iterative, so measuring cannot overflow the stack.
 */
export function deepestNode(tree: Root): { line: number; column: number } | null {
  type Node = { type: string; children?: Node[]; position?: { start: { line: number; column: number } } };
  const stack: Array<[Node, number]> = [[tree, 0]];
  while (stack.length) {
    const [node, above] = stack.pop()!;
    const depth = above + (LEVELS.has(node.type) ? 1 : 0);
    if (depth > MAX_NESTING) return { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
    for (const child of node.children ?? []) stack.push([child, depth]);
  }
  return null;
}

export function nestingError(file: string, line: number, column: number, where: string): Diagnostic {
  return {
    level: 'error',
    file,
    line,
    column,
    rule: 'limits/nesting',
    message:
      `block quotes, lists or emphasis nest more than ${MAX_NESTING} levels deep ${where}; pm accepts at most ` +
      `${MAX_NESTING} levels: flatten the nesting, or escape markers meant as text (\\>, \\-, \\*)`,
  };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

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
  return (
    `processing this incident took longer than the limit of ${limitMs / 1000} s and was stopped: ` +
    'markdown this slow is usually thousands of unmatched `*`, `_` or `[` (escape them as `\\*`) or thousands ' +
    `of lines continuing a \`>\` quote; split the post, or raise the limit with ${TIME_LIMIT_VAR}=<seconds>`
  );
}
