/** Tags and authors as authors really write them: numbers, booleans, and mappings by mistake. */
import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';

const config = { timezone: 'UTC', displayTimezone: null };

describe('non-text items in tags and authors', () => {
  const content = [
    '---',
    'title: Cache stampede',
    'date: 2024-02-02',
    'tags: [1, {a: b}, Database, true, [x, y], 2024]',
    'authors:',
    '  - name: Alice',
    '    email: alice@example.org',
    '  - Bob',
    '---',
    '',
    'Body.',
  ].join('\n');
  const incident = parseIncident({ file: 'posts/stampede.md', content }, config);
  const warnings = incident.diagnostics.filter((d) => d.level === 'warning').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);

  it('numbers and booleans are kept as the text written', () => {
    expect(incident.tags.map((t) => [t.slug, t.name])).toEqual([
      ['1', '1'],
      ['database', 'Database'],
      ['true', 'true'],
      ['2024', '2024'],
    ]);
    expect(incident.authors).toEqual(['Bob']);
  });

  it('a mapping or a list is never dropped silently: a warning at the item names the file, line, column', () => {
    expect(warnings).toEqual([
      'posts/stampede.md:4:11: tags: item 2 ({"a":"b"}) is a mapping, not text, and was skipped; quote it to keep it',
      'posts/stampede.md:4:35: tags: item 5 (["x","y"]) is a list, not text, and was skipped; quote it to keep it',
      // long items are cut at 40 characters
      'posts/stampede.md:6:5: authors: item 1 ({"name":"Alice","email":"alice@example.…) is a mapping, not text, and was skipped; quote it to keep it',
    ]);
    expect(incident.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });
});
