import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';

// A PNG's first bytes: copies are byte for byte, not text.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00]);

const POST = `---
title: Database failover took the API down
date: 2024-03-05T14:00:00Z
timezone: UTC
sources:
  - path: api.log
---

## Summary

The primary stalled; see the graph.

![error rate](img/errors.png)

The [raw notes](notes.txt) from the call.

## Timeline

- 14:02 [T0] Error rate rises
- 14:30 [resolved] Replica promoted
`;

let root: string;
const write = (rel: string, data: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
};
const dist = (rel: string): string => path.join(root, 'dist', rel);
const bump = (rel: string): void => {
  const later = new Date(statSync(path.join(root, rel)).mtimeMs + 5000);
  utimesSync(path.join(root, rel), later, later);
};
const rules = (r: Awaited<ReturnType<typeof buildSite>>, level = 'error'): string[] =>
  r.diagnostics.filter((d) => d.level === level).map((d) => `${d.file}:${d.line}:${d.column}: ${d.rule}: ${d.message}`);

beforeEach(() => {
  root = tempDir('pm-copies-');
  write('posts/2024-03-05-failover/index.md', POST);
  write('posts/2024-03-05-failover/img/errors.png', PNG);
  write('posts/2024-03-05-failover/notes.txt', 'call notes: promote replica-2\n');
  write('posts/2024-03-05-failover/api.log', 'Mar  5 14:05:00 db1 postgres[812]: could not receive data from client\n');
  write('posts/2024-03-05-failover/.DS_Store', 'junk');
  write('static/robots.txt', 'User-agent: *\n');
  write('static/.well-known/security.txt', 'Contact: mailto:sec@example.com\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bundle assets and static/', () => {
  it("publishes a bundle's files beside its page, but not index.md, its log sources or dotfiles; static/ goes to the root as is", async () => {
    const r = await buildSite({ root });
    expect(rules(r)).toEqual([]);
    expect(readFileSync(dist('incidents/2024-03-05-failover/img/errors.png'))).toEqual(PNG);
    expect(readFileSync(dist('incidents/2024-03-05-failover/notes.txt'), 'utf8')).toBe('call notes: promote replica-2\n');
    for (const gone of ['index.md', 'api.log', '.DS_Store']) expect(existsSync(dist(`incidents/2024-03-05-failover/${gone}`))).toBe(false);
    expect(readFileSync(dist('robots.txt'), 'utf8')).toBe('User-agent: *\n');
    expect(existsSync(dist('.well-known/security.txt'))).toBe(true);
    // the page's relative links lead to the copies
    const page = readFileSync(dist('incidents/2024-03-05-failover/index.html'), 'utf8');
    expect(page).toContain('src="img/errors.png"');
    expect(page).toContain('href="notes.txt"');
  });

  it('an in-memory build returns the same copies', async () => {
    const r = await buildSite({ root, write: false });
    const paths = r.pages.map((p) => p.path);
    expect(paths).toContain('incidents/2024-03-05-failover/img/errors.png');
    expect(paths).toContain('robots.txt');
    expect(paths).not.toContain('incidents/2024-03-05-failover/api.log');
  });

  it('follows the URL pattern: the copies sit where the page is', async () => {
    write('pm.config.yaml', 'urls:\n  incident: "postmortems/:slug/"\n');
    await buildSite({ root });
    expect(existsSync(dist('postmortems/2024-03-05-failover/img/errors.png'))).toBe(true);
  });

  it('publishes nothing of a draft left out of the site', async () => {
    write('posts/2024-03-05-failover/index.md', POST.replace('timezone: UTC', 'timezone: UTC\ndraft: true'));
    await buildSite({ root });
    expect(existsSync(dist('incidents/2024-03-05-failover/notes.txt'))).toBe(false);
  });

  it('incremental builds copy added and changed files and delete removed ones', async () => {
    await buildSite({ root });
    write('posts/2024-03-05-failover/img/latency.png', PNG);
    write('posts/2024-03-05-failover/notes.txt', 'call notes, corrected\n');
    bump('posts/2024-03-05-failover/notes.txt');
    rmSync(path.join(root, 'static/robots.txt'));
    const again = await buildSite({ root });
    expect(again.stats).toMatchObject({ incremental: true, rendered: 0 });
    expect(existsSync(dist('incidents/2024-03-05-failover/img/latency.png'))).toBe(true);
    expect(readFileSync(dist('incidents/2024-03-05-failover/notes.txt'), 'utf8')).toBe('call notes, corrected\n');
    expect(existsSync(dist('robots.txt'))).toBe(false);
    // and with nothing changed, nothing is written
    const third = await buildSite({ root });
    expect(third.stats).toMatchObject({ incremental: true, written: 0 });
  });

  it('a bundle deleted as a whole takes its files out of dist/', async () => {
    write('posts/2024-01-02-other.md', '---\ntitle: Other\ndate: 2024-01-02\n---\n\nText.\n');
    await buildSite({ root });
    expect(existsSync(dist('incidents/2024-03-05-failover/img/errors.png'))).toBe(true);
    rmSync(path.join(root, 'posts/2024-03-05-failover'), { recursive: true });
    const again = await buildSite({ root });
    expect(again.stats.incremental).toBe(true);
    expect(existsSync(dist('incidents/2024-03-05-failover/img/errors.png'))).toBe(false);
    expect(existsSync(dist('incidents/2024-03-05-failover/notes.txt'))).toBe(false);
    expect(existsSync(dist('incidents/2024-01-02-other/index.html'))).toBe(true);
  });

  it('a file that became a log source is no longer published', async () => {
    await buildSite({ root });
    write('posts/2024-03-05-failover/index.md', POST.replace('  - path: api.log', '  - path: api.log\n  - path: notes.txt\n    format: syslog'));
    bump('posts/2024-03-05-failover/index.md');
    await buildSite({ root });
    expect(existsSync(dist('incidents/2024-03-05-failover/notes.txt'))).toBe(false);
  });
});

describe('a site folder is untrusted', () => {
  it('a symlink leading out of the site is an error naming it, and the previous dist/ stays whole', async () => {
    await buildSite({ root });
    const before = readFileSync(dist('index.html'), 'utf8');
    const outside = tempDir('pm-outside-');
    try {
      writeFileSync(path.join(outside, 'secret.txt'), 'SECRET');
      symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'posts/2024-03-05-failover/leak.txt'));
      symlinkSync(outside, path.join(root, 'static/up'));
      const r = await buildSite({ root });
      expect(r.written).toBe(false);
      expect(rules(r)).toEqual([
        expect.stringMatching(/^posts\/2024-03-05-failover\/leak\.txt:0:0: site\/outside-root: .*outside the site/),
        expect.stringMatching(/^static\/up:0:0: site\/outside-root: /),
      ]);
      expect(readFileSync(dist('index.html'), 'utf8')).toBe(before);
      expect(existsSync(dist('incidents/2024-03-05-failover/leak.txt'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a symlink inside the site is followed, and a symlink loop ends', async () => {
    symlinkSync('../../static/robots.txt', path.join(root, 'posts/2024-03-05-failover/robots-copy.txt'));
    symlinkSync('..', path.join(root, 'static/.well-known/loop'));
    const r = await buildSite({ root });
    expect(rules(r)).toEqual([]);
    expect(readFileSync(dist('incidents/2024-03-05-failover/robots-copy.txt'), 'utf8')).toBe('User-agent: *\n');
  });

  it('a FIFO is skipped with an error and never opened (the build does not hang)', async () => {
    execFileSync('mkfifo', [path.join(root, 'posts/2024-03-05-failover/pipe')]);
    const r = await buildSite({ root });
    expect(rules(r)).toEqual([expect.stringMatching(/^posts\/2024-03-05-failover\/pipe:0:0: site\/not-a-file: /)]);
  });

  it('static/index.html cannot replace the site index: an error naming both', async () => {
    write('static/index.html', '<h1>mine</h1>');
    const r = await buildSite({ root });
    expect(r.written).toBe(false);
    expect(rules(r)).toEqual([
      'static/index.html:0:0: site/asset-collision: cannot be published at index.html: pm writes index.html itself; rename or move the file',
    ]);
    const mem = await buildSite({ root, write: false });
    expect(rules(mem)).toHaveLength(1);
  });

  it('a bundle file named like a pm output of the incident collides too', async () => {
    write('posts/2024-03-05-failover/timeline.json', '{}');
    const r = await buildSite({ root });
    expect(rules(r)).toEqual([
      expect.stringContaining(
        'posts/2024-03-05-failover/timeline.json:0:0: site/asset-collision: cannot be published at incidents/2024-03-05-failover/timeline.json',
      ),
    ]);
  });
});

describe('a file pm may not read', () => {
  const root0 = process.getuid?.() === 0;
  it.skipIf(root0)('is an error naming it, not a crash', async () => {
    const file = path.join(root, 'posts/2024-03-05-failover/notes.txt');
    chmodSync(file, 0o000);
    try {
      const r = await buildSite({ root });
      expect(rules(r)).toEqual([
        expect.stringMatching(/^posts\/2024-03-05-failover\/notes\.txt:0:0: site\/unreadable: not published: the file cannot be read \(EACCES\)/),
      ]);
    } finally {
      chmodSync(file, 0o644);
    }
  });
});
