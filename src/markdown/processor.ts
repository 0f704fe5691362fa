/**
 * The parse step of the one markdown pipeline (unified's shape: parse → transform →
 * stringify): remark-parse + remark-gfm (tables, task lists, strikethrough, autolink
 * literals, footnotes) to an mdast with positions. The transform and stringify steps are
 * in hast.ts and document.ts; the tree is parsed once per incident and never re-parsed.
 *
 * remark and its modules load when the first post is parsed, so commands that read no
 * markdown never load them.
 */
import type { Root } from 'mdast';
import { createRequire } from 'node:module';
import type remarkGfmType from 'remark-gfm';
import type remarkParseType from 'remark-parse';
import type { unified as unifiedType } from 'unified';

const require = createRequire(import.meta.url);

function makeParser() {
  const { unified } = require('unified') as { unified: typeof unifiedType };
  const remarkParse = (require('remark-parse') as { default: typeof remarkParseType }).default;
  const remarkGfm = (require('remark-gfm') as { default: typeof remarkGfmType }).default;
  return unified().use(remarkParse).use(remarkGfm).freeze();
}
let parser: ReturnType<typeof makeParser> | undefined;

/** Parses markdown into an mdast whose positions are relative to `content`. */
export function parseMarkdown(content: string): Root {
  return (parser ??= makeParser()).parse(content);
}
