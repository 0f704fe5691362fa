import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, tempDir } from './helpers.js';

let root: string;
const cwd = process.cwd();
beforeEach(() => {
  root = tempDir('pm-timeline-footer-');
  mkdirSync(path.join(root, 'posts'));
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const POST = `---
title: de1 unreachable
date: 2020-09-02
timezone: US/Central
---

## Timeline

- ~03:25 [T0] host cut off, time guessed from the provider's graph
- 08:45 [detected] I wake up to a disconnected IRC client
- 10:28 [ack] provider replies
- 14:08 [resolved] traffic flows again
`;

describe('pm timeline footer', () => {
  it('shows an approximate T0 with its ~ and the time to acknowledge', async () => {
    writeFileSync(path.join(root, 'posts/de1.md'), POST);
    const io = captureIO();
    expect(await main(['timeline', 'posts/de1.md'], io)).toBe(0);
    const footer = io.stdout.trimEnd().split('\n').pop();
    expect(footer).toBe('T0 ~2020-09-02T08:25:00.000Z · detect T+5h20m · acknowledge T+7h3m · mitigate — · resolve T+10h43m');
  });
});
