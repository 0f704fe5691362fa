import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';

const config = { timezone: 'UTC', displayTimezone: null };
const parse = (front: string) => parseIncident({ file: 'posts/2024-03-01-x.md', content: `---\ntitle: X\n${front}---\n\nBody.\n` }, config);

describe('review lifecycle front-matter', () => {
  it('defaults to published; draft and in-review are left out like draft: true', () => {
    expect(parse('')).toMatchObject({ review: 'published', draft: false, published: null, updated: null });
    expect(parse('review: in-review\n')).toMatchObject({ review: 'in-review', draft: true });
    expect(parse('review: draft\n')).toMatchObject({ review: 'draft', draft: true });
    expect(parse('review: Published\n')).toMatchObject({ review: 'published', draft: false });
  });

  it('reads published and updated dates in the incident zone', () => {
    const i = parse('timezone: Europe/Berlin\npublished: 2024-03-04 10:00\nupdated: 2024-04-01\n');
    expect(new Date(i.published!).toISOString()).toBe('2024-03-04T09:00:00.000Z');
    expect(new Date(i.updated!).toISOString()).toBe('2024-03-31T22:00:00.000Z');
  });

  it('bad values are errors at the value’s line and column, saying what fixes them', () => {
    const bad = (front: string) =>
      parse(front)
        .diagnostics.filter((d) => d.level === 'error')
        .map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`);
    expect(bad('review: approved\n')).toEqual(['3:9 frontmatter/review: review "approved" is not one of draft, in-review, published']);
    expect(bad('published: last tuesday\n')[0]).toMatch(/^3:12 frontmatter\/date: published: /);
    expect(bad('published: 2024-03-05\nupdated: 2024-03-04\n')).toEqual([
      '4:10 frontmatter/updated: updated is earlier than published: an edit comes after publication; fix one of the dates',
    ]);
  });
});

describe('lifecycle dates in the outputs', () => {
  const root = tempDir('pm-lifecycle-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'posts'));
  const post = (name: string, front: string): void =>
    writeFileSync(
      path.join(root, 'posts', name),
      `---\ntitle: ${name}\ntimezone: UTC\n${front}---\n\n## Timeline\n\n- 2024-03-01 10:00 [T0] Began\n- 2024-03-01 11:00 [resolved] Fixed\n`,
    );
  writeFileSync(path.join(root, 'pm.config.yaml'), 'search: false\n');
  post('2024-03-01-edited.md', 'published: 2024-03-08 12:00\nupdated: 2024-05-02 09:30\n');
  post('2024-02-01-plain.md', '');
  post('2024-04-01-waiting.md', 'review: in-review\n');

  it('Atom published/updated and JSON Feed date_published/date_modified come from them', async () => {
    const r = await buildSite({ root, write: false });
    const file = (p: string) => String(r.pages.find((x) => x.path === p)!.contents);
    expect(r.incidents.map((s) => s.slug)).toEqual(['2024-03-01-edited', '2024-02-01-plain']);
    const atom = file('feed.xml');
    const head = atom.slice(0, atom.indexOf('<entry'));
    expect(head).toContain('<updated>2024-05-02T09:30:00Z</updated>');
    const entry = atom.slice(atom.indexOf('<entry'), atom.indexOf('</entry>'));
    expect(entry).toContain('<published>2024-03-08T12:00:00Z</published>');
    expect(entry).toContain('<updated>2024-05-02T09:30:00Z</updated>');
    const plain = atom.slice(atom.lastIndexOf('<entry'));
    expect(plain).toContain('<published>2024-02-01T00:00:00Z</published>');
    expect(plain).toContain('<updated>2024-02-01T00:00:00Z</updated>');
    const items = (JSON.parse(file('feed.json')) as { items: Array<{ date_published: string; date_modified: string }> }).items;
    expect(items[0]).toMatchObject({ date_published: '2024-03-08T12:00:00Z', date_modified: '2024-05-02T09:30:00Z' });
    const v2 = JSON.parse(file('api/v2/incidents.json')) as { incidents: Array<{ postmortem_published_at: string; postmortem_body: string }> };
    expect(v2.incidents[0]!.postmortem_published_at).toBe('2024-03-08T12:00:00.000Z');
    expect(v2.incidents[0]!.postmortem_body).toContain('Began');
    expect(file('incidents/2024-03-01-edited/index.html')).toContain('<dt>Updated</dt><dd><time datetime="2024-05-02">2 May 2024</time></dd>');
  });

  it('--drafts shows the one in review; --public never does', async () => {
    const drafts = await buildSite({ root, write: false, drafts: true });
    expect(drafts.incidents.map((s) => s.slug)).toContain('2024-04-01-waiting');
    const pub = await buildSite({ root, write: false, drafts: true, public: true });
    expect(pub.incidents.map((s) => s.slug)).not.toContain('2024-04-01-waiting');
    expect(pub.pages.some((p) => p.path.includes('waiting'))).toBe(false);
  });
});
