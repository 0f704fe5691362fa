import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parsePlain } from '../../src/markdown/plain.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { expectSameOrGiveUp } from '../differential.js';
import { docs, nearMiss, word } from './arbitraries.js';

const remark = unified().use(remarkParse).freeze();
const reference = (md: string) => JSON.parse(JSON.stringify(remark.parse(md))) as unknown;

describe('parsePlain: the plain-subset fast path', () => {
  it('builds exactly what remark-parse builds, or gives up, around one near miss', () => {
    const clean = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
    const at = fc.constantFrom('', '- ', '## ');
    const md = fc.tuple(clean, at, clean, nearMiss, clean, fc.constantFrom(' ', '', '.')).map(
      ([before, lead, a, miss, b, glue]) => `${before}\n\n${lead}${a}${glue}${miss}${glue}${b}\n`,
    );
    expectSameOrGiveUp(md, parsePlain, reference, { numRuns: 3000, seed: 7, atLeast: 100 });
  });

  // many odd characters: probes where it must give up; few: probes the trees it builds
  it.each([[3], [1], [0]])('builds exactly what remark-parse builds, or gives up (odd-piece weight %i)', (odd) => {
    expectSameOrGiveUp(docs(odd), parsePlain, reference, { numRuns: 5000, seed: 20261121 + odd, atLeast: 200 });
  });

  it('takes a typical post: headings, paragraphs, a timeline list, a log block', () => {
    const md = [
      '## Summary', '',
      'The *primary* database ran out of disk at `db-01`, see [the graph](https://grafana.example/d/1?panel=2).',
      'Writes failed for **42 minutes**.', '',
      '## Timeline', '',
      '- 2024-03-11 09:14 — Disk usage on db-01 reached 100%',
      '- 2024-03-11 09:20 — **T0**: writes start failing (see [graph](https://grafana.example/d/1))',
      '- 09:31 — Status page set to *investigating*', '',
      '```', 'Mar 11 09:14:02 db-01 postgres[211]: could not write to file "pg_wal/xlogtemp.211"', '\tcontinued <b>&amp;', '```', '',
    ].join('\n');
    const fast = parsePlain(md);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(reference(md));
  });

  it.each([
    ['a loose list', '- a\n\n- b\n'],
    ['a lazy continuation line', '- a\nb\n'],
    ['raw HTML', 'a <b>c</b>\n'],
    ['an entity', 'a &amp; b\n'],
    ['an escape', 'a \\* b\n'],
    ['emphasis it cannot be sure of', 'a*b*c\n'],
    ['a setext heading', 'Title\n===\n'],
    ['an unclosed fence', '```\ncode\n'],
    ['an image', '![alt](x.png)\n'],
    ['a hard break', 'a  \nb\n'],
  ])('gives up on %s', (_, md) => {
    expect(parsePlain(md)).toBeNull();
  });

  it('leaves posts that may hold GFM to remark with the GFM extensions', () => {
    expect(parseMarkdown('| a |\n|---|\n| 1 |\n').children[0]?.type).toBe('table');
    expect(parseMarkdown('~~gone~~ x\n').children[0]).toMatchObject({ children: [{ type: 'delete' }, { type: 'text' }] });
  });
});
