import { describe, expect, it } from 'vitest';
import { parseIncident } from '../../src/incident/parse.js';

const config = { timezone: 'UTC', displayTimezone: null };
const parse = (front: string, body = '', file = 'posts/2024-01-01-x.md') =>
  parseIncident({ file, content: `---\ntitle: Test\n${front}\n---\n${body}` }, config);
const iso = (ms: number) => new Date(ms).toISOString();

describe('front-matter dates', () => {
  it('a day without a time is midnight in the file zone, not UTC', () => {
    const i = parse('date: 2017-01-12\ntimezone: US/Central');
    expect(iso(i.date)).toBe('2017-01-12T06:00:00.000Z');
    expect(i.dateHasTime).toBe(false);
    expect(i.timezone).toBe('America/Chicago');
  });
  it('ISO 8601 without offset is local to the file zone', () => {
    expect(iso(parse('date: 2020-09-02T03:25:00\ntimezone: America/Chicago').date)).toBe('2020-09-02T08:25:00.000Z');
    expect(iso(parse('date: 2020-09-02 03:25\ntimezone: Europe/Berlin').date)).toBe('2020-09-02T01:25:00.000Z');
  });
  it('ISO 8601 with an offset or Z ignores the file zone', () => {
    expect(iso(parse('date: 2020-09-02T03:25:00+02:00\ntimezone: America/Chicago').date)).toBe('2020-09-02T01:25:00.000Z');
    expect(iso(parse('date: 2020-09-02T03:25:00Z\ntimezone: Asia/Tokyo').date)).toBe('2020-09-02T03:25:00.000Z');
  });
  it('touch -t stamps: 201811132020.33 in US/Central', () => {
    const i = parse('date: 201811132020.33\ntimezone: US/Central');
    expect(iso(i.date)).toBe('2018-11-14T02:20:33.000Z');
    expect(i.dateHasTime).toBe(true);
  });
  it('RFC 2822', () => {
    expect(iso(parse('date: "Tue, 13 Nov 2018 20:20:33 -0600"').date)).toBe('2018-11-14T02:20:33.000Z');
  });
  it('YAML quoted dates are read the same way', () => {
    expect(iso(parse("date: '2017-01-12'").date)).toBe('2017-01-12T00:00:00.000Z');
  });
  it('t0 is read in the file zone', () => {
    expect(iso(parse('date: 2020-09-02\nt0: 2020-09-02 03:25\ntimezone: US/Central').t0!)).toBe('2020-09-02T08:25:00.000Z');
  });
  it('an unreadable date is an error at the value position', () => {
    const i = parse('date: next tuesday');
    const d = i.diagnostics.find((x) => x.rule === 'frontmatter/date');
    expect(d).toMatchObject({ level: 'error', file: 'posts/2024-01-01-x.md', line: 3, column: 7 });
    expect(d!.message).toMatch(/2020-09-02/);
  });
  it('an impossible date is an error', () => {
    expect(parse('date: 2017-02-30').diagnostics.some((d) => d.rule === 'frontmatter/date')).toBe(true);
  });
  it('a missing date falls back to the file name', () => {
    const i = parse('timezone: Europe/Berlin', '', 'posts/2024-03-04-disk.md');
    expect(iso(i.date)).toBe('2024-03-03T23:00:00.000Z');
  });
  it('a bad zone is an error naming the value', () => {
    const i = parse('date: 2020-01-01\ntimezone: Mars/Olympus');
    const d = i.diagnostics.find((x) => x.rule === 'frontmatter/timezone')!;
    expect(d.message).toContain('Mars/Olympus');
    expect(d.line).toBe(4);
  });
  it('fixed offsets and UTC-5 are zones', () => {
    expect(parse('date: 2020-01-01\ntimezone: +02:00').timezone).toBe('UTC+2');
    expect(parse('date: 2020-01-01\ntimezone: UTC-5').timezone).toBe('UTC-5');
  });
});

describe('tags', () => {
  it('accepts a list, slugs it, keeps the spelling', () => {
    expect(parse('date: 2020-01-01\ntags: [SSH, IPv6, Shared Hosting]').tags).toEqual([
      { slug: 'ssh', name: 'SSH' },
      { slug: 'ipv6', name: 'IPv6' },
      { slug: 'shared-hosting', name: 'Shared Hosting' },
    ]);
  });
  it('accepts a comma string and merges duplicates', () => {
    expect(parse('date: 2020-01-01\ntags: "dns, DNS , post-mortem,"').tags).toEqual([
      { slug: 'dns', name: 'dns' },
      { slug: 'post-mortem', name: 'post-mortem' },
    ]);
  });
  it('folds accents', () => {
    expect(parse('date: 2020-01-01\ntags: [Sécurité]').tags).toEqual([{ slug: 'securite', name: 'Sécurité' }]);
  });
  it('rejects a mapping', () => {
    expect(parse('date: 2020-01-01\ntags: { a: 1 }').diagnostics.some((d) => d.rule === 'frontmatter/type')).toBe(true);
  });
});

describe('the rest of the front-matter', () => {
  it('requires a title', () => {
    const i = parseIncident({ file: 'posts/x.md', content: '---\ndate: 2020-01-01\n---\n' }, config);
    expect(i.diagnostics.find((d) => d.rule === 'frontmatter/title')).toMatchObject({ level: 'error', line: 2 });
  });
  it('keeps unknown keys for templates', () => {
    const i = parse('date: 2020-01-01\nprovider_ticket: ABUSE-1\nimpact_users: 40');
    expect(i.data['provider_ticket']).toBe('ABUSE-1');
    expect(i.data['impact_users']).toBe('40');
  });
  it('reads authors, services, severity, status and draft', () => {
    const i = parse('date: 2020-01-01\nauthors: [ana, rfk]\nservices: web, mail\nseverity: SEV2\nstatus: Resolved\ndraft: true');
    expect(i).toMatchObject({ authors: ['ana', 'rfk'], services: ['web', 'mail'], severity: 'SEV2', status: 'resolved', draft: true });
  });
  it('warns about an unknown status', () => {
    expect(parse('date: 2020-01-01\nstatus: fixed').diagnostics.some((d) => d.rule === 'frontmatter/status')).toBe(true);
  });
  it('derives the slug of a bundle from its folder', () => {
    const i = parse('date: 2020-01-01', '', 'posts/2017-01-07-ssh/index.md');
    expect(i.slug).toBe('2017-01-07-ssh');
    expect(i.bundle).toBe(true);
  });
  it('reports a file without front-matter', () => {
    const i = parseIncident({ file: 'posts/x.md', content: '# hi\n' }, config);
    expect(i.diagnostics.map((d) => d.rule)).toContain('frontmatter/missing');
  });
});
