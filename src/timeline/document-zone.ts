/**
 * The zone of a post's times when its front-matter names none: a note in the author's own
 * words before the Timeline section (or, without one, in the first paragraphs), such as
 * `Note: dates in this post were made in US/Central timezone.`
 *
 * Precedence: the front-matter `timezone` wins over a note (a note that disagrees is a
 * warning); a note wins over the site's `timezone`. A note that names several zones, notes
 * that disagree, and a sentence about times naming a zone pm cannot apply are warnings and
 * set nothing. Each guess is an info at the note's file:line:column. The Timeline section's
 * own heading or note (section-zone.ts) still applies to its entries.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Place, Reporter } from '../diagnostics.js';
import { plainText } from './inline.js';
import { TIMELINE_TITLE } from './section-zone.js';
import { sentences, zoneMentions } from './zone-note.js';

export interface DocumentZoneInput {
  tree: Root;
  /** The front-matter `timezone`, canonical, when written. */
  frontMatter: string | null;
  /** The site's zone (config `timezone`). */
  site: string;
  reporter: Reporter;
  lineOffset: number;
}

/** Without a Timeline section, this many top-level blocks are looked at. */
const FIRST_BLOCKS = 5;
const RULE = 'timeline/zone-note';

interface Note {
  zone: string;
  word: string;
  place: Place;
}

/** The zone of the post's times without a zone of their own. */
export function documentZone(input: DocumentZoneInput): string {
  const { reporter, frontMatter, site } = input;
  const context = frontMatter ?? site;
  const notes: Note[] = [];
  for (const p of paragraphsBefore(input.tree)) {
    const { text, at } = located(p, input.lineOffset);
    for (const s of sentences(text)) {
      const mentions = zoneMentions(s.text, context);
      if (!mentions?.length) continue;
      const place = (i: number): Place => at(s.index + i);
      for (const m of mentions.filter((x) => x.zone === null)) {
        reporter.warn(
          RULE,
          `this sentence mentions a time zone pm cannot apply ("${m.word}": ${m.reason}); times without a zone are read as ${context}: set \`timezone:\` in the front-matter`,
          place(m.index),
        );
      }
      const named = [...new Set(mentions.flatMap((m) => (m.zone ? [m.zone] : [])))];
      const first = mentions.find((m) => m.zone);
      if (named.length > 1) {
        reporter.warn(
          RULE,
          `this sentence names several zones (${named.join(', ')}); pm cannot tell which one the times are in: set \`timezone:\` in the front-matter`,
          place(first?.index ?? 0),
        );
      } else if (first?.zone) notes.push({ zone: first.zone, word: first.word, place: place(first.index) });
    }
  }
  const zones = [...new Set(notes.map((n) => n.zone))];
  const note = notes[0];
  if (!note) return context;
  if (zones.length > 1) {
    const other = notes.find((n) => n.zone !== note.zone)!;
    reporter.warn(
      RULE,
      `this note says the times are in ${other.zone}, but the note at line ${note.place.line} says ${note.zone}; times without a zone are read as ${context}: set \`timezone:\` in the front-matter`,
      other.place,
    );
    return context;
  }
  if (frontMatter !== null) {
    if (note.zone !== frontMatter) {
      reporter.warn(
        RULE,
        `this note says the times are in ${note.zone} ("${note.word}"), but the front-matter says \`timezone: ${frontMatter}\`; the front-matter wins: fix whichever is wrong`,
        note.place,
      );
    }
    return frontMatter;
  }
  reporter.info(
    RULE,
    `times without a zone are read as ${note.zone}, as this note says ("${note.word}"); write \`timezone: ${note.zone}\` in the front-matter to make it explicit`,
    note.place,
  );
  return note.zone;
}

/** Top-level paragraphs (and those in block quotes and lists) before the Timeline section. */
function paragraphsBefore(tree: Root): Paragraph[] {
  const start = tree.children.findIndex((n) => n.type === 'heading' && TIMELINE_TITLE.test(plainText(n.children)));
  const blocks = start >= 0 ? tree.children.slice(0, start) : tree.children.slice(0, FIRST_BLOCKS);
  const out: Paragraph[] = [];
  const walk = (n: RootContent): void => {
    if (n.type === 'paragraph') out.push(n);
    else if (n.type === 'blockquote' || n.type === 'list' || n.type === 'listItem') n.children.forEach(walk);
  };
  blocks.forEach(walk);
  return out;
}

/** The text of a paragraph, and the file place of a character of it (exact inside text nodes). */
function located(p: Paragraph, lineOffset: number): { text: string; at: (i: number) => Place } {
  const starts: Array<{ from: number; node: PhrasingContent }> = [];
  let text = '';
  const walk = (nodes: readonly PhrasingContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') starts.push({ from: text.length, node: n });
      if ('children' in n) walk(n.children);
      else text += plainText([n]);
    }
  };
  walk(p.children);
  const fallback: Place = { line: (p.position?.start.line ?? 0) + lineOffset, column: p.position?.start.column ?? 0 };
  const at = (i: number): Place => {
    const hit = [...starts].reverse().find((s) => s.from <= i);
    const pos = hit?.node.position?.start;
    if (!hit || !pos || hit.node.type !== 'text' || i - hit.from > hit.node.value.length) return fallback;
    const before = hit.node.value.slice(0, i - hit.from);
    const lines = before.split('\n');
    const line = pos.line + lines.length - 1 + lineOffset;
    const column = lines.length > 1 ? lines[lines.length - 1]!.length + 1 : pos.column + before.length;
    return { line, column };
  };
  return { text, at };
}
