/**
 * The parts of GitHub-flavoured markdown post-mortems need: tables (timelines are
 * often tables), task lists (action items) and strikethrough. Bare-URL autolinks
 * and footnotes are left out on purpose: the autolink-literal pass alone doubles
 * the cost of parsing a post. `<https://…>` autolinks and `[text](url)` still work.
 *
 * Each construct costs the tokenizer on every line even where it cannot occur (the
 * table extension alone allocates about a tenth of a post's parse), so a post only
 * gets the extensions whose marker characters it contains: {@link gfmNeeds} is a
 * cheap superset test, never a reason to miss a construct.
 */
import { createRequire } from 'node:module';
import type * as StrikeTree from 'mdast-util-gfm-strikethrough';
import type * as TableTree from 'mdast-util-gfm-table';
import type * as TaskTree from 'mdast-util-gfm-task-list-item';
import type * as Strike from 'micromark-extension-gfm-strikethrough';
import type * as Table from 'micromark-extension-gfm-table';
import type * as Task from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** Loaded with the rest of remark, when a post first needs it (processor.ts). */
const require = createRequire(import.meta.url);

export interface GfmParts {
  table: boolean;
  tasks: boolean;
  strikethrough: boolean;
}

/** Which GFM constructs `markdown` could contain. */
export function gfmNeeds(markdown: string): GfmParts {
  return {
    table: markdown.includes('|') && markdown.split('\n').some(couldBeDelimiterRow),
    tasks: /\[[ xX]\]/.test(markdown),
    strikethrough: markdown.includes('~'),
  };
}

/** A table needs a delimiter row: only `|`, `-`, `:`, blanks (and `>` quoting), with a `|` and a `-`. */
function couldBeDelimiterRow(line: string): boolean {
  let pipe = false;
  let dash = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '|') pipe = true;
    else if (c === '-') dash = true;
    else if (c !== ' ' && c !== '\t' && c !== ':' && c !== '>') return false;
  }
  return pipe && dash;
}

export function remarkGfmLite(this: Processor, parts: GfmParts = { table: true, tasks: true, strikethrough: true }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const syntax = (data.micromarkExtensions ??= []);
  const trees = (data.fromMarkdownExtensions ??= []);
  if (parts.table) {
    syntax.push((require('micromark-extension-gfm-table') as typeof Table).gfmTable());
    trees.push((require('mdast-util-gfm-table') as typeof TableTree).gfmTableFromMarkdown());
  }
  if (parts.tasks) {
    syntax.push((require('micromark-extension-gfm-task-list-item') as typeof Task).gfmTaskListItem());
    trees.push((require('mdast-util-gfm-task-list-item') as typeof TaskTree).gfmTaskListItemFromMarkdown());
  }
  if (parts.strikethrough) {
    syntax.push((require('micromark-extension-gfm-strikethrough') as typeof Strike).gfmStrikethrough());
    trees.push((require('mdast-util-gfm-strikethrough') as typeof StrikeTree).gfmStrikethroughFromMarkdown());
  }
}
