/** Spec examples nobody here wrote: the CommonMark spec (npm commonmark-spec) and the GFM extensions (vendored). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface SpecExample {
  name: string;
  markdown: string;
}

const require = createRequire(import.meta.url);
// The spec files write a tab as →.
const tabs = (s: string): string => s.replace(/→/g, '\t');

export function commonMarkExamples(): SpecExample[] {
  const spec = require('commonmark-spec') as { tests: Array<{ markdown: string; section: string; number: number }> };
  return spec.tests.map((t) => ({ name: `CommonMark ${t.number} (${t.section})`, markdown: tabs(t.markdown) }));
}

export function gfmExtensionExamples(): SpecExample[] {
  const text = readFileSync(new URL('../fixtures/gfm-spec/extensions.md', import.meta.url), 'utf8');
  const out: SpecExample[] = [];
  let section = '';
  for (const m of text.matchAll(/^`{32} example[^\n]*\n([\s\S]*?)^\.\n[\s\S]*?^`{32}$|^#{1,6} *(.*)$/gm)) {
    if (m[2] !== undefined) section = m[2];
    else out.push({ name: `GFM ${out.length + 1} (${section})`, markdown: tabs(m[1] ?? '') });
  }
  return out;
}
