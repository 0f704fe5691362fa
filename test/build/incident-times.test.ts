import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { tempDir } from '../cli/helpers.js';

// A hashbang-style report: the zone in an opening note, T0 reconstructed the next morning.
const POST = `---
title: de1 unreachable
---

Note: for my own convenience every date below is in US/Central timezone.

## Timeline

August 30, 2020 - 1:40 AM

Abuse report from the provider.

September 2, 2020 - ~3:25 AM (T-0)

The host drops off the network while I sleep.

September 2, 2020 - 8:45 AM [detected]

I wake up and see I am disconnected.

September 2, 2020 - 10:28 AM [acknowledged]

Provider answers; work starts.

September 2, 2020 - 2:08 PM [resolved]

Traffic flows again.
`;

// The same report, one entry pasted from a log with its seconds.
const WITH_SECONDS = POST.replace('September 2, 2020 - 10:28 AM [acknowledged]', 'September 2, 2020 - 10:28:41 AM [acknowledged]');

let root: string;
let html = '';
let htmlSeconds = '';
let embed = '';
beforeAll(async () => {
  root = tempDir('pm-incident-times-');
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(path.join(root, 'posts', '2020-09-02-de1.md'), POST);
  writeFileSync(path.join(root, 'posts', '2020-09-02-de1-log.md'), WITH_SECONDS.replace('title: de1 unreachable', 'title: de1 with log times'));
  const r = await buildSite({ root, write: false });
  const page = (slug: string): string => String(r.pages.find((p) => p.path === `incidents/${slug}/index.html`)?.contents);
  html = page('2020-09-02-de1');
  htmlSeconds = page('2020-09-02-de1-log');
  embed = String(r.pages.find((p) => p.path === 'embed/2020-09-02-de1/index.html')?.contents);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const utcCells = (page: string): string[] => [...page.matchAll(/<td class="utc">(?:<span class="day">)?([^<]*)</g)].map((m) => m[1]!);

describe('the UTC column of the incident page', () => {
  it('has no seconds when no entry has any', () => {
    expect(utcCells(html)).toEqual(['06:40', '08:25', '13:45', '15:28', '19:08']);
  });
  it('shows seconds on every row when one entry has them', () => {
    expect(utcCells(htmlSeconds)).toEqual(['06:40:00', '08:25:00', '13:45:00', '15:28:41', '19:08:00']);
  });
});

const fact = (name: string): string | undefined => new RegExp(`<dt>${name}</dt><dd>([^<]*)</dd>`).exec(html)?.[1];

describe('the facts panel and the caption of an approximate T0', () => {
  it('keep the ~ of an approximate T0, in the zone the note named', () => {
    expect(fact('Started \\(T0\\)')).toBe('~2020-09-02 03:25 CDT');
    expect(html).toContain('offsets from T0 (~2020-09-02 03:25 CDT).');
    // the embed's table (pm timeline --format html) too
    expect(embed).toContain('Times in America/Chicago; T0 ~2020-09-02 03:25 CDT');
  });
  it('show the time to acknowledge next to the other metrics', () => {
    expect(fact('Time to detect')).toBe('5h 20m');
    expect(fact('Time to acknowledge')).toBe('7h 3m');
    expect(fact('Time to resolve')).toBe('10h 43m');
  });
});
