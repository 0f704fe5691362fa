import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/check/site.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { makeSite, post } from './helpers.js';

async function lines(files: Record<string, string>, today?: string): Promise<string[]> {
  const result = await checkSite({ root: makeSite(files), today: today ?? null });
  return result.diagnostics.map(formatDiagnostic);
}

const only = (list: string[], rule: string): string[] => list.filter((l) => l.includes(`: ${rule}: `));

describe('checkSite', () => {
  it('a complete post-mortem is clean', async () => {
    expect(await lines({ 'posts/2024-04-09-disk.md': post() })).toEqual([]);
  });

  it('reports each missing required section at the end of the front-matter', async () => {
    const text = post().replace('## Impact', '## Effects').replace('## Root cause', '## Why');
    const found = only(await lines({ 'posts/2024-04-09-disk.md': text }), 'check/missing-section');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^posts\/2024-04-09-disk\.md:4:1: warning: check\/missing-section: missing section "Impact"/);
    expect(found[1]).toContain('missing section "Root cause"');
  });

  it('matches headings case-insensitively, at any level, with extra words', async () => {
    const text = post().replace('## Summary', '# SUMMARY').replace('## Root cause', '### Root-cause analysis').replace('## Timeline', '## Incident timeline');
    expect(only(await lines({ 'posts/2024-04-09-disk.md': text }), 'check/missing-section')).toEqual([]);
  });

  it('takes the list from required_sections in the config', async () => {
    const found = await lines({ 'pm.config.yaml': 'required_sections: [Summary, Lessons learned]\n', 'posts/2024-04-09-disk.md': post() });
    expect(only(found, 'check/missing-section')).toEqual([expect.stringContaining('missing section "Lessons learned"') as unknown as string]);
  });

  it('reports broken links between incidents with their line and column', async () => {
    const body = [
      'See [the other one](../2024-01-01-other/) and [gone](../no-such-incident/).',
      'Also [by path](/incidents/missing/) and [file](./2024-01-01-other.md) and [bad file](./nope.md).',
      'External [links](https://example.com/x.md) and [anchors](#summary) are not checked.',
    ].join('\n');
    const found = only(await lines({ 'posts/2024-04-09-disk.md': post({ body }), 'posts/2024-01-01-other.md': post({ title: 'Other' }) }), 'check/broken-link');
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^posts\/2024-04-09-disk\.md:27:47: error: check\/broken-link: link "\.\.\/no-such-incident\/" points to no incident/);
    expect(found[1]).toMatch(/:28:6: error: check\/broken-link: .*"missing"/);
    expect(found[2]).toMatch(/:28:75: error: .*nope\.md/);
  });

  it('warns about open action items without owner, and overdue ones only when --today is given', async () => {
    const actions = ['- [ ] rotate logs (due 2024-05-01)', '- [ ] bo: alert at 90% (due 2024-06-01)', '- [x] cleaned up (due 2024-04-09)'].join('\n');
    const files = { 'posts/2024-04-09-disk.md': post({ actions }) };
    const noToday = await lines(files);
    expect(only(noToday, 'check/action-owner')).toEqual([
      expect.stringMatching(/^posts\/2024-04-09-disk\.md:25:1: warning: check\/action-owner: action item "rotate logs" has no owner/) as unknown as string,
    ]);
    expect(only(noToday, 'check/action-overdue')).toEqual([]);
    const overdue = only(await lines(files, '2024-05-15'), 'check/action-overdue');
    expect(overdue).toEqual([
      expect.stringMatching(
        /:25:1: warning: check\/action-overdue: action item "rotate logs" was due 2024-05-01 and is still open on 2024-05-15$/,
      ) as unknown as string,
    ]);
  });

  it('warns about one tag written two ways and near-twin tags', async () => {
    const found = only(
      await lines({
        'posts/2024-01-01-a.md': post({ tags: '[IPv6, database]' }),
        'posts/2024-01-02-b.md': post({ tags: '[IPv6, database]' }),
        'posts/2024-01-03-c.md': post({ tags: '[ipv6, databse]' }),
        'posts/2024-01-04-d.md': post({ tags: '[ipv4]' }),
      }),
      'check/tag-spelling',
    );
    expect(found).toHaveLength(2);
    expect(found.every((l) => l.startsWith('posts/2024-01-03-c.md:4:7: warning:'))).toBe(true);
    expect(found.join('\n')).toContain('tag "ipv6" is written "IPv6" in 2 incidents');
    expect(found.join('\n')).toContain('tag "databse" looks like "database"');
  });

  it('warns when a log source goes backwards in time, at the log line', async () => {
    const log = [
      'time,text',
      '2024-04-09T10:00:00Z,start',
      '2024-04-09T10:05:00Z,later',
      '2024-04-09T09:30:00Z,earlier again',
      '2024-04-09T10:05:01Z,fine',
      '',
    ].join('\n');
    const text = post({ front: 'sources:\n  - path: events.csv' });
    const found = only(await lines({ 'posts/2024-04-09-disk/index.md': text, 'posts/2024-04-09-disk/events.csv': log }), 'check/source-order');
    expect(found).toEqual([
      expect.stringMatching(/^posts\/2024-04-09-disk\/events\.csv:4:1: warning: check\/source-order: line 4 is 35min earlier than line 3/) as unknown as string,
    ]);
  });

  it('keeps the pipeline diagnostics (front-matter, duplicate slugs)', async () => {
    const found = await lines({
      'posts/2024-04-09-disk.md': post({ front: 'timezone: Mars/Olympus' }).replace('timezone: UTC\n', ''),
      'posts/x.md': post({ front: 'slug: 2024-04-09-disk\ndate: 2024-01-01' }),
    });
    expect(found.some((l) => /^posts\/2024-04-09-disk\.md:\d+:\d+: error: frontmatter\/timezone:/.test(l))).toBe(true);
    expect(found.some((l) => l.includes('site/duplicate-slug'))).toBe(true);
  });
});
