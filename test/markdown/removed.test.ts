import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/diagnostics.js';
import { renderDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { extractTimeline } from '../../src/timeline/extract.js';

/** Renders a post body that starts after `offset` lines of front-matter; returns the removal reports. */
function removed(md: string, offset: number): Array<[number, number, string]> {
  const reporter = new Reporter('posts/x.md');
  const tree = parseMarkdown(md);
  const t = extractTimeline(tree, { file: 'posts/x.md', reporter, zone: 'UTC', date: { year: 2024, month: 5, day: 2 }, lineOffset: offset });
  renderDocument({ tree, section: t.section, items: t.items, source: md, reporter, lineOffset: offset });
  return reporter.list.filter((d) => d.rule === 'markdown/html-removed').map((d) => [d.line, d.column, d.message.split(' ')[0]!]);
}

describe('elements the sanitizer removes are reported where they were written', () => {
  it('in the body and inside timeline entries, at file line:column', () => {
    const md = [
      '## Summary',
      '',
      'Hover the <abbr title="time to detect">TTD</abbr> column. <style>p{}</style>',
      '',
      '## Timeline',
      '',
      '- 10:00 pasted from chat: <iframe src="https://chat.example/x"></iframe>',
      '- 10:05 <details><summary>log</summary>disk full</details>',
      '',
      '<form action="/x"><input name=q></form>',
    ].join('\n');
    // <abbr> is not on GitHub's list either: its text stays, the element goes
    expect(removed(md, 5)).toEqual([
      [8, 11, '<abbr>'],
      [8, 59, '<style>'],
      [12, 27, '<iframe>'],
      [15, 1, '<form>'],
    ]);
  });
  it('nothing is reported for what GitHub keeps', () => {
    expect(removed('a<br>b <kbd>x</kbd> <sup>1</sup> <sub>2</sub> <b>c</b>\n\n<details>\n<summary>s</summary>\n\nt\n\n</details>\n', 0)).toEqual([]);
  });
});
