import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/check/site.js';
import { tempDir } from '../cli/helpers.js';

const POST = `---
title: Queue backlog after a deploy
date: 2024-06-11
tags: [queue]
---

## Summary

![backlog](img/backlog.png) and ![consumers](img/consumers.png); the
[deploy log](deploy.txt), the [tags page](../../tags/queue/), the
[earlier backlog](../2024-01-09-backlog/), the [retired one](/incidents/2019-queue-meltdown/)
and the [spreadsheet](/sheets/capacity.xlsx).
`;

let root: string;
const write = (rel: string, data: string): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
};
const lines = async (): Promise<string[]> =>
  (await checkSite({ root })).diagnostics
    .filter((d) => d.level !== 'info' && d.rule !== 'check/missing-section')
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.level}: ${d.rule}: ${d.message.split(';')[0]}`);

beforeEach(() => {
  root = tempDir('pm-check-targets-');
  write('posts/2024-06-11-queue/index.md', POST);
  write('posts/2024-06-11-queue/img/backlog.png', 'png');
  write('posts/2024-06-11-queue/deploy.txt', 'deploy 4411');
  write('posts/2024-01-09-backlog.md', '---\ntitle: Backlog\ndate: 2024-01-09\n---\n\nText.\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('pm check: links, images and published files', () => {
  it('reports missing local files as warnings and links to incidents that do not exist as errors', async () => {
    expect(await lines()).toEqual([
      'posts/2024-06-11-queue/index.md:9:33: warning: link/missing-target: image "img/consumers.png" points at nothing: the site has no incidents/2024-06-11-queue/img/consumers.png',
      'posts/2024-06-11-queue/index.md:11:48: error: check/broken-link: link "/incidents/2019-queue-meltdown/" points to no incident: no incident has the slug "2019-queue-meltdown"',
      'posts/2024-06-11-queue/index.md:12:9: warning: link/missing-target: link "/sheets/capacity.xlsx" points at nothing: the site has no sheets/capacity.xlsx',
    ]);
  });

  it('finds what pm build finds in the site folder: a symlink out of it is an error', async () => {
    const outside = tempDir('pm-outside-');
    try {
      writeFileSync(path.join(outside, 'id_rsa'), 'KEY');
      symlinkSync(path.join(outside, 'id_rsa'), path.join(root, 'posts/2024-06-11-queue/key.txt'));
      expect(await lines()).toContainEqual(expect.stringMatching(/^posts\/2024-06-11-queue\/key\.txt:0:0: error: site\/outside-root: /));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file in static/ answers a root-relative link', async () => {
    write('static/sheets/capacity.xlsx', 'xlsx');
    expect((await lines()).filter((l) => l.includes('capacity'))).toEqual([]);
  });
});
