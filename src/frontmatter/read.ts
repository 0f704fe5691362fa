/**
 * Splits an incident file into front-matter and markdown body with gray-matter.
 * YAML (default), `---json` and TOML (`---toml` or `+++` fences) are accepted.
 * Returns the data, where each key was written, and how many lines precede the body
 * so markdown positions can be reported as positions in the file.
 */
import matter from 'gray-matter';
import { createRequire } from 'node:module';
import type * as Toml from 'smol-toml';
import type { Place } from '../diagnostics.js';
import { parseYamlFrontMatter, type YamlResult } from './yaml-engine.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  places: Record<string, Place>;
  errors: Array<{ message: string; place: Place }>;
  body: string;
  /** Number of lines before the first line of `body`. */
  bodyLineOffset: number;
  /** False when the file has no front-matter block at all. */
  present: boolean;
}

export function readFrontMatter(source: string): FrontMatter {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  // CRLF and CR-only (classic Mac) files: one line ending everywhere (line numbers are unchanged).
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  let result: YamlResult = { data: {}, places: {}, errors: [] };
  const capture = (r: YamlResult): Record<string, unknown> => {
    result = r;
    return r.data;
  };
  const toml = text.startsWith('+++');
  const file = matter(text, {
    delimiters: toml ? '+++' : '---',
    language: toml ? 'toml' : 'yaml',
    engines: {
      yaml: { parse: (s: string) => capture(parseYamlFrontMatter(s, { nested: true })) },
      toml: { parse: (s: string) => capture(parseTomlFrontMatter(s)) },
      json: { parse: (s: string) => capture(parseJsonFrontMatter(s)) },
    },
  });
  const body = file.content;
  const head = text.slice(0, text.length - body.length);
  const present = head.length > 0;
  if (present && !text.slice(3).includes(toml ? '\n+++' : '\n---')) {
    // gray-matter reads an unclosed block to the end of the file: the post would vanish
    const fence = toml ? '+++' : '---';
    result = {
      data: result.data,
      places: result.places,
      errors: [{ message: `the front-matter opened here is never closed: add a line \`${fence}\` after its last key`, place: { line: 1, column: 1 } }],
    };
  }
  return { ...result, body, bodyLineOffset: countLines(head), present };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** smol-toml loads for the first TOML front-matter only. */
const load = createRequire(import.meta.url);

function parseTomlFrontMatter(s: string): YamlResult {
  try {
    const data = (load('smol-toml') as typeof Toml).parse(s) as Record<string, unknown>;
    return { data: plainDates(data), places: {}, errors: [] };
  } catch (e) {
    const err = e as Toml.TomlError;
    return { data: {}, places: {}, errors: [{ message: firstLine(err.message), place: { line: err.line ?? 1, column: err.column ?? 1 } }] };
  }
}

function parseJsonFrontMatter(s: string): YamlResult {
  try {
    const data = JSON.parse(s) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, places: {}, errors: [{ message: 'JSON front-matter must be an object', place: { line: 2, column: 1 } }] };
    }
    return { data: data as Record<string, unknown>, places: {}, errors: [] };
  } catch (e) {
    return { data: {}, places: {}, errors: [{ message: firstLine((e as Error).message), place: { line: 2, column: 1 } }] };
  }
}

/** TOML has native dates; keep them as the text form, like the YAML engine does. */
function plainDates(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
