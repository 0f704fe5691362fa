import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/frontmatter/read.js';
import { parseIncident } from '../../src/incident/parse.js';

describe('readFrontMatter', () => {
  it('keeps dates and touch-style stamps as the text the author wrote', () => {
    const fm = readFrontMatter('---\ntitle: x\ndate: 2017-01-12\nstamp: 201811132020.33\nt0: 2020-09-02T03:25:00-05:00\n---\nbody\n');
    expect(fm.data['date']).toBe('2017-01-12');
    expect(fm.data['stamp']).toBe('201811132020.33');
    expect(fm.data['t0']).toBe('2020-09-02T03:25:00-05:00');
  });

  it('keeps booleans, lists and nested maps', () => {
    const fm = readFrontMatter('---\ndraft: true\ntags: [a, B]\nsources:\n  - { path: auth.log, year: 2017 }\n---\n');
    expect(fm.data['draft']).toBe(true);
    expect(fm.data['tags']).toEqual(['a', 'B']);
    expect(fm.data['sources']).toEqual([{ path: 'auth.log', year: '2017' }]);
  });

  it('records the line and column of each value in the file', () => {
    const fm = readFrontMatter('---\ntitle: x\ndate:   nope\n---\n');
    expect(fm.places['title']).toEqual({ line: 2, column: 8 });
    expect(fm.places['date']).toEqual({ line: 3, column: 9 });
  });

  it('counts the lines before the body', () => {
    const fm = readFrontMatter('---\ntitle: x\n---\n# Heading\n');
    expect(fm.body).toBe('# Heading\n');
    expect(fm.bodyLineOffset).toBe(3);
  });

  it('reports YAML syntax errors with a file position', () => {
    const fm = readFrontMatter('---\ntitle: x\ntags: [a, b\n---\n');
    expect(fm.errors.length).toBeGreaterThan(0);
    expect(fm.errors[0]!.place.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate keys', () => {
    const fm = readFrontMatter('---\ntitle: a\ntitle: b\n---\n');
    expect(fm.errors[0]!.message).toMatch(/unique|duplicate/i);
    expect(fm.errors[0]!.place.line).toBe(3);
  });

  it('strips a UTF-8 BOM and handles CRLF', () => {
    const fm = readFrontMatter('\uFEFF---\r\ntitle: x\r\n---\r\nbody\r\n');
    expect(fm.data['title']).toBe('x');
    expect(fm.present).toBe(true);
  });

  it('accepts TOML between +++ fences, dates kept as written', () => {
    const fm = readFrontMatter('+++\ntitle = "T"\ndate = 2020-09-02\ntags = ["a"]\n+++\nbody\n');
    expect(fm.data).toMatchObject({ title: 'T', date: '2020-09-02', tags: ['a'] });
    expect(fm.body).toBe('body\n');
  });

  it('accepts JSON front-matter', () => {
    const fm = readFrontMatter('---json\n{"title": "J", "date": "2020-09-02"}\n---\nbody\n');
    expect(fm.data).toMatchObject({ title: 'J', date: '2020-09-02' });
  });

  it('says when there is no front-matter', () => {
    const fm = readFrontMatter('# Just markdown\n');
    expect(fm.present).toBe(false);
    expect(fm.bodyLineOffset).toBe(0);
  });
});

describe('front-matter as authors get it wrong', () => {
  const POST = [
    '---',
    'title: Replication lag on db2',
    'date: 2024-05-06',
    'timezone: Europe/Berlin',
    'tags: [database]',
    '',
    '## Summary',
    '',
    'Replicas fell 40 minutes behind.',
    '',
    '## Timeline',
    '',
    '- 2024-05-06 10:02 [detected] Lag alert fires',
    '',
  ].join('\n');

  it('a block never closed is an error at the opening fence, not a post that silently vanishes', () => {
    const fm = readFrontMatter(POST);
    expect(fm.errors).toEqual([{ message: expect.stringContaining('never closed: add a line `---`'), place: { line: 1, column: 1 } }]);
    const incident = parseIncident({ file: 'posts/lag.md', content: POST }, { timezone: 'UTC', displayTimezone: null });
    const errors = incident.diagnostics.filter((d) => d.level === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.rule}`);
    expect(errors).toContain('posts/lag.md:1:1: frontmatter/syntax');
    // TOML fences too
    expect(readFrontMatter('+++\ntitle = "x"\n\nbody\n').errors[0]?.message).toContain('`+++`');
  });

  it('a closed block, even at the very end of the file, is no error', () => {
    expect(readFrontMatter('---\ntitle: x\n---').errors).toEqual([]);
    expect(readFrontMatter(POST.replace('\n\n## Summary', '\n---\n\n## Summary')).errors).toEqual([]);
  });

  it('CR-only line endings (classic Mac, some exporters) read like LF, with the same line numbers', () => {
    const lf = parseIncident(
      { file: 'posts/lag.md', content: POST.replace('\n\n## Summary', '\n---\n\n## Summary') },
      { timezone: 'UTC', displayTimezone: null },
    );
    for (const eol of ['\r', '\r\n']) {
      const content = POST.replace('\n\n## Summary', '\n---\n\n## Summary').replace(/\n/g, eol);
      const incident = parseIncident({ file: 'posts/lag.md', content }, { timezone: 'UTC', displayTimezone: null });
      expect(incident.diagnostics).toEqual(lf.diagnostics);
      expect([incident.title, incident.timezone, incident.tags.map((t) => t.slug)]).toEqual(['Replication lag on db2', 'Europe/Berlin', ['database']]);
      expect(incident.events.map((e) => [e.text, e.source.line])).toEqual(lf.events.map((e) => [e.text, e.source.line]));
      expect(incident.events).toHaveLength(1);
    }
    expect(readFrontMatter('---\rtitle: x\rdate:   nope\r---\rbody\r').places['date']).toEqual({ line: 3, column: 9 });
  });
});
