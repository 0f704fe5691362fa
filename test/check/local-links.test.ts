import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';

// Written as an author would: images and attachments beside the post, links to the
// other post-mortem, to site pages and to static files, a reference defined at the end.
const FAILOVER = `---
title: Database failover took the API down
date: 2024-03-05
tags: [database]
---

## Summary

![error rate](img/errors.png)
![latency](img/latency.png)

Raw [notes](notes.txt), the [earlier outage](../2023-11-20-dns/), every
[database incident](../../tags/database/), the [feed](/feed.xml), our
[security contact](/.well-known/security.txt), the [vendor's status](https://status.example.com/)
and [this section](#summary). See the [runbook][rb] and the [old report](/reports/2019.pdf).

[rb]: runbooks/failover.txt
`;

const DNS = `---
title: DNS resolution failed
date: 2023-11-20
---

## Summary

The resolver's [dashboard screenshot](dashboard.png) shows it.
`;

let root: string;
const write = (rel: string, data: string): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
};
const warnings = (r: Awaited<ReturnType<typeof buildSite>>): string[] =>
  r.diagnostics.filter((d) => d.rule === 'link/missing-target').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message.split(';')[0]}`);

const EXPECTED = [
  'posts/2023-11-20-dns.md:8:16: link "dashboard.png" points at nothing: the site has no incidents/2023-11-20-dns/dashboard.png',
  'posts/2024-03-05-failover/index.md:10:1: image "img/latency.png" points at nothing: the site has no incidents/2024-03-05-failover/img/latency.png',
  'posts/2024-03-05-failover/index.md:15:61: link "/reports/2019.pdf" points at nothing: the site has no reports/2019.pdf',
  'posts/2024-03-05-failover/index.md:17:1: link "runbooks/failover.txt" points at nothing: the site has no incidents/2024-03-05-failover/runbooks/failover.txt',
];

beforeEach(() => {
  root = tempDir('pm-links-');
  write('posts/2024-03-05-failover/index.md', FAILOVER);
  write('posts/2024-03-05-failover/img/errors.png', 'png');
  write('posts/2024-03-05-failover/notes.txt', 'notes');
  write('posts/2023-11-20-dns.md', DNS);
  write('static/.well-known/security.txt', 'Contact: mailto:sec@example.com');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('local links and images that point at nothing', () => {
  it('are warnings naming file:line:col and the target; what the site publishes is not reported', async () => {
    const r = await buildSite({ root });
    expect(r.written).toBe(true);
    expect(warnings(r)).toEqual(EXPECTED);
    const single = r.diagnostics.find((d) => d.file === 'posts/2023-11-20-dns.md' && d.rule === 'link/missing-target');
    expect(single?.message).toContain('make it a bundle (posts/2023-11-20-dns/index.md with the file beside it)');
  });

  it('the in-memory build finds the same', async () => {
    expect(warnings(await buildSite({ root, write: false }))).toEqual(EXPECTED);
  });

  it('a rebuild reports them for incidents the cache spared, and stops once the file exists', async () => {
    await buildSite({ root });
    write('posts/2023-11-20-dns.md', `${DNS}\nEdited.\n`);
    const again = await buildSite({ root });
    expect(again.stats).toMatchObject({ incremental: true, rendered: 1 });
    expect(warnings(again)).toEqual(EXPECTED);
    write('posts/2024-03-05-failover/img/latency.png', 'png');
    write('static/reports/2019.pdf', '%PDF');
    const third = await buildSite({ root });
    expect(third.stats).toMatchObject({ incremental: true, rendered: 0 });
    expect(warnings(third)).toEqual([EXPECTED[0], EXPECTED[3]]);
  });

  it('follows the incident URL pattern', async () => {
    write('pm.config.yaml', 'urls:\n  incident: "postmortems/:slug.html"\n');
    write('posts/2023-11-20-dns.md', DNS.replace('(dashboard.png)', '(2024-03-05-failover.html)'));
    const r = await buildSite({ root });
    expect(warnings(r)).not.toContainEqual(expect.stringContaining('2023-11-20-dns.md'));
  });
});
