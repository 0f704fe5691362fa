/**
 * The test that keeps "one pass" honest: for every CommonMark and GFM spec example without a
 * Timeline section, the body pm renders equals what unified + remark-parse + remark-gfm +
 * remark-rehype + rehype-raw + rehype-sanitize (pm's schema) + rehype-stringify make of the
 * same text. pm adds two things of its own, taken out before comparing: heading ids and the
 * accessible names of task-list checkboxes.
 */
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/diagnostics.js';
import { bodyHtml, renderDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { reference, withoutPmMarkup } from './reference.js';
import { extractTimeline } from '../../src/timeline/extract.js';
import { commonMarkExamples, gfmExtensionExamples, type SpecExample } from './spec-examples.js';

/** pm's body HTML, or null when the example has a Timeline section (pm renders that section its own way). */
function pm(markdown: string): string | null {
  const reporter = new Reporter('posts/x.md');
  const tree = parseMarkdown(markdown);
  const t = extractTimeline(tree, { file: 'posts/x.md', reporter, zone: 'UTC', date: { year: 2024, month: 1, day: 1 } });
  if (t.section) return null;
  const doc = renderDocument({ tree, section: null, items: t.items, source: markdown, reporter, lineOffset: 0 });
  return bodyHtml(doc, '');
}

function differential(examples: SpecExample[]): void {
  let compared = 0;
  for (const ex of examples) {
    const ours = pm(ex.markdown);
    if (ours === null) continue;
    compared++;
    expect(withoutPmMarkup(ours), ex.name).toBe(String(reference.processSync(ex.markdown)).trim());
  }
  // every example but the few with a Timeline heading was compared
  expect(compared).toBeGreaterThan(examples.length * 0.99);
}

describe('pm renders the spec examples as unified + remark-gfm + the GitHub schema do', () => {
  it('CommonMark spec examples', () => {
    const examples = commonMarkExamples();
    expect(examples.length).toBeGreaterThan(600);
    differential(examples);
  });
  it('GFM spec: tables, task lists, strikethrough, autolinks, disallowed raw HTML', () => {
    const examples = gfmExtensionExamples();
    expect(examples.length).toBe(24);
    differential(examples);
  });
});
