/**
 * YAML front-matter that keeps scalars as the author wrote them.
 *
 * gray-matter's default engine (js-yaml, YAML 1.1) turns `date: 2017-01-12` into a
 * UTC-midnight Date and `201811132020.33` into a float. Here plain scalars that YAML
 * would read as numbers or timestamps stay strings; booleans and null stay what they
 * are. Every key keeps its line:column so errors point at the value.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node } from 'yaml';
import type { Place } from '../diagnostics.js';

/** `yaml` is loaded on first use (a rebuild that parses nothing does not pay for it). */
const load = createRequire(import.meta.url);
let lib: typeof Yaml | null = null;
const yaml = (): typeof Yaml => (lib ??= load('yaml') as typeof Yaml);

export interface YamlResult {
  data: Record<string, unknown>;
  /** Line:column of each top-level key's value (1-based, in the whole file); with `nested`, `key.child` and `key.N` too. */
  places: Record<string, Place>;
  errors: Array<{ message: string; place: Place }>;
}

/**
 * `text` is gray-matter's `matter` string: it begins with the newline after `---`.
 * `nested` also records where each entry one level down starts (`urls.incident`, `tags.2`).
 */
export function parseYamlFrontMatter(text: string, options: { nested?: boolean } = {}): YamlResult {
  const { LineCounter, parseDocument, isMap, isScalar, isSeq } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeOf = (offset: number): Place => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? e.message,
    place: placeOf(e.pos[0]),
  }));
  const places: Record<string, Place> = {};
  const data: Record<string, unknown> = {};
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { data, places, errors };
  if (!isMap(root)) {
    errors.push({ message: 'front-matter must be a mapping of keys to values', place: placeOf(root.range?.[0] ?? 0) });
    return { data, places, errors };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value as Node | null;
    data[key] = toPlain(value);
    const at = value?.range?.[0] ?? (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0;
    places[key] = placeOf(at);
    // one level down, for messages about one entry: `urls.incident`, `tags.2` (1-based)
    if (!options.nested) continue;
    if (isMap(value)) {
      for (const child of value.items) {
        const name = isScalar(child.key) ? String(child.key.value) : String(child.key);
        const start = (child.value as Node | null)?.range?.[0] ?? (isScalar(child.key) ? child.key.range?.[0] : undefined);
        if (start !== undefined) places[`${key}.${name}`] = placeOf(start);
      }
    } else if (isSeq(value)) {
      value.items.forEach((item, i) => {
        const start = (item as Node | null)?.range?.[0];
        if (start !== undefined) places[`${key}.${i + 1}`] = placeOf(start);
      });
    }
  }
  return { data, places, errors };
}

function toPlain(node: Node | null | undefined): unknown {
  const { isMap, isScalar, isSeq } = yaml();
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
    if (v instanceof Date) return node.source ?? v.toISOString();
    return v;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item as Node));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = toPlain(pair.value as Node);
    }
    return out;
  }
  // aliases and other node kinds: resolve through the document's own conversion
  return (node as { toJSON?: () => unknown }).toJSON?.() ?? null;
}
