/**
 * A fast path for the front-matter most incidents have: one level of `key: value`, where a
 * value is a plain or quoted scalar on its line, a `[a, b]` list, or a block list of
 * `- item` lines. For such text it gives exactly what yaml-engine.ts gives (same data,
 * same places) without loading or running the `yaml` library; for anything else, or
 * anything it is not sure about, it returns null and the caller uses yaml-engine.ts.
 * test/frontmatter/yaml-simple.test.ts holds it to that on generated front-matter.
 */
import type { Place } from '../diagnostics.js';
import type { YamlResult } from './yaml-engine.js';

const KEY_LINE = /^([A-Za-z_][\w-]*):(?: (.*))?$/;
const ITEM_LINE = /^( {0,2})- (.*)$/;

export function parseSimpleYaml(text: string): YamlResult | null {
  if (/[\t\r\0\uFEFF]/.test(text)) return null;
  const lines = text.split('\n');
  const data: Record<string, unknown> = {};
  const places: Record<string, Place> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const m = KEY_LINE.exec(line);
    const key = m?.[1];
    if (!m || key === undefined || key in data) return null;
    const raw = m[2];
    if (raw === undefined) {
      // `key:` then `- item` lines, all at one indent
      const items: unknown[] = [];
      const indent = ITEM_LINE.exec(lines[i + 1] ?? '')?.[1];
      for (; i + 1 < lines.length; i++) {
        const item = ITEM_LINE.exec(lines[i + 1]!);
        if (!item || item[1] !== indent) break;
        const value = scalar(item[2]!, false);
        if (value === undefined) return null;
        items.push(value.value);
      }
      if (!items.length) return null;
      const first = i + 1 - items.length;
      places[key] = { line: first + 1, column: indent!.length + 1 };
      data[key] = items;
      continue;
    }
    const value = raw.startsWith('[') ? flowList(raw) : scalar(raw, false);
    if (value === undefined) return null;
    data[key] = value.value;
    places[key] = { line: i + 1, column: key.length + 3 };
  }
  return { data, places, errors: [] };
}

/** `[a, b]` of plain items. */
function flowList(raw: string): { value: unknown[] } | undefined {
  if (!raw.endsWith(']')) return undefined;
  const inner = raw.slice(1, -1);
  if (inner.trim() === '') return inner === '' ? { value: [] } : undefined;
  const value: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    const s = item && part === (part.startsWith(' ') ? ` ${item}` : item) ? scalar(item, true) : undefined;
    if (s === undefined) return undefined;
    value.push(s.value);
  }
  return { value };
}

/** A quoted or plain scalar written alone on its line (or inside `[ ]` when `flow`). */
function scalar(raw: string, flow: boolean): { value: unknown } | undefined {
  if (raw.length === 0 || raw.startsWith(' ') || raw.endsWith(' ')) return undefined;
  const q = raw[0];
  if (q === '"' || q === "'") {
    const inner = raw.slice(1, -1);
    if (raw.length < 2 || raw[raw.length - 1] !== q || inner.includes(q) || inner.includes('\\')) return undefined;
    return flow ? undefined : { value: inner };
  }
  // a plain scalar: no indicator first, no `: ` or ` #` inside, nothing flow would split
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(raw) || raw.includes(': ') || raw.includes(' #') || raw.endsWith(':')) return undefined;
  if (flow && /[[\]{},]/.test(raw)) return undefined;
  if (/^(?:~|null|Null|NULL)$/.test(raw)) return { value: null };
  if (/^(?:true|True|TRUE)$/.test(raw)) return { value: true };
  if (/^(?:false|False|FALSE)$/.test(raw)) return { value: false };
  return { value: raw };
}
