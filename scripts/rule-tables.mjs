// Writes the README's rule tables from the registry (src/diagnostics/rules.ts):
//
//   node scripts/rule-tables.mjs          rewrite README.md
//   node scripts/rule-tables.mjs --check  exit 1 when README.md differs (what the test checks)
//
// A table sits between `<!-- rules: SELECTORS -->` and `<!-- /rules -->`. A selector is a rule
// id (`limits/size`), a prefix ending in `/` (`timeline/`, every rule of that area) or `*`
// (every rule, with a link to the section that explains it). Rows follow the selectors, then
// the registry's order. Each rule's `doc` must be the anchor of a README heading, as GitHub
// makes it (github-slugger over the heading's text, read with remark-parse).
import { build } from 'esbuild';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BLOCK = /(<!-- rules: ([^>]*?) -->\n)[\s\S]*?(<!-- \/rules -->)/g;

/** Anchor → heading text, for every heading of a markdown document (code blocks skipped). */
export function headingAnchors(markdown) {
  const slugger = new GithubSlugger();
  const anchors = new Map();
  const visit = (node) => {
    if (node.type === 'heading') {
      const text = toString(node);
      anchors.set(slugger.slug(text), text);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(unified().use(remarkParse).parse(markdown));
  return anchors;
}

/** The rules a selector list names, in order, each once; an unknown selector throws. */
export function selectRules(selectors, rules) {
  const picked = [];
  for (const sel of selectors) {
    const found = sel === '*' ? rules : rules.filter((r) => (sel.endsWith('/') ? r.id.startsWith(sel) : r.id === sel));
    if (found.length === 0) throw new Error(`README.md: rule table selector "${sel}" names no rule of the registry`);
    for (const r of found) if (!picked.includes(r)) picked.push(r);
  }
  return picked;
}

const cell = (text) => text.replace(/\|/g, '\\|');

/** The markdown table for one block. `anchors` gives the section titles of the `*` table's links. */
export function renderTable(selectors, rules, anchors) {
  const linked = selectors.includes('*');
  const rows = selectRules(selectors, rules).map((r) => {
    const levels = [r.level, ...(r.also ?? [])].join(', ');
    const see = linked ? ` ([${cell(anchors.get(r.doc) ?? r.doc)}](#${r.doc}))` : '';
    return `| \`${r.id}\` | ${levels} | ${cell(r.summary)}${see} |`;
  });
  return ['| rule | level | meaning |', '|---|---|---|', ...rows, ''].join('\n');
}

/** The README with every rule table rewritten from `rules` (an array of `{ id, level, also?, summary, doc }`); `anchors` as headingAnchors gives them. */
export function writeTables(readme, rules, anchors = headingAnchors(readme)) {
  return readme.replace(BLOCK, (_, open, selectors, close) => `${open}${renderTable(selectors.trim().split(/\s+/), rules, anchors)}${close}`);
}

/** What is wrong between README and registry: docs that are no heading, tables that differ, no `*` table. */
export function problems(readme, rules, anchors = headingAnchors(readme)) {
  const out = rules.filter((r) => !anchors.has(r.doc)).map((r) => `${r.id}: doc "#${r.doc}" is no heading of README.md`);
  const blocks = [...readme.matchAll(BLOCK)].map((m) => m[2].trim().split(/\s+/));
  if (!blocks.some((b) => b.includes('*'))) out.push('README.md has no table of every rule (<!-- rules: * -->)');
  if (writeTables(readme, rules, anchors) !== readme) out.push('README.md rule tables differ from the registry: run node scripts/rule-tables.mjs');
  return out;
}

/** The registry, compiled from its TypeScript source (no build needed). */
export async function loadRules() {
  const out = await build({
    entryPoints: [path.join(repo, 'src', 'diagnostics', 'rules.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const code = out.outputFiles[0]?.text ?? '';
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.allRules();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(repo, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const rules = await loadRules();
  const next = process.argv.includes('--check') ? readme : writeTables(readme, rules);
  if (next !== readme) writeFileSync(file, next);
  const wrong = problems(next, rules);
  for (const p of wrong) console.error(p);
  process.exit(wrong.length ? 1 : 0);
}
