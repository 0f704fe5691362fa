import { describe, expect, it } from 'vitest';
import { collectTags, sortSummaries } from '../../src/render/indexes.js';
import type { IncidentSummary } from '../../src/render/types.js';

const summary = (slug: string, date: number, tags: Array<[string, string]>): IncidentSummary =>
  ({ slug, date, tags: tags.map(([name, s]) => ({ name, slug: s })) }) as IncidentSummary;

describe('collectTags', () => {
  it('counts, lists newest first, and keeps the oldest spelling of a tag', () => {
    const sorted = sortSummaries([
      summary('a', 1, [['Networking', 'networking']]),
      summary('b', 3, [
        ['networking', 'networking'],
        ['DNS', 'dns'],
      ]),
      summary('c', 2, [['NETWORKING', 'networking']]),
    ]);
    const tags = collectTags(sorted);
    expect(tags.map((t) => [t.slug, t.name, t.count, t.incidents.map((s) => s.slug)])).toEqual([
      ['dns', 'DNS', 1, ['b']],
      ['networking', 'Networking', 3, ['b', 'c', 'a']],
    ]);
  });

  it('lists a tag twenty thousand incidents share, newest first', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => summary(`s${i}`, i, [['Big', 'big']]));
    const [big] = collectTags(sortSummaries(many));
    expect(big!.count).toBe(20_000);
    expect(big!.incidents[0]!.slug).toBe('s19999');
  });
});
