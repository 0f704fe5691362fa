/**
 * Incidents shaped like the write-ups pm grew from, written the way their authors write:
 * a tilde-style night (a 30-minute stretch, then gaps of 8h30m and 9h20m) and a
 * hashbang-style report (a zone note, days-before-T0 entries, then a working day), plus a
 * minute-apart burst after a report three days before. Each is a post's full text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const TILDE = `---
title: 'the night our ip got locked'
date: 201811132020.33
timezone: US/Central
tags: [post-mortem]
---

we were down for most of a day on november 13. here is what happened.

## timeline

- 2018-11-12 23:00 i turn in for the night
- 2018-11-12 23:30 [T0] the provider mails us: an "attack" came from our ip, and they lock it
- 2018-11-13 08:00 [detected] i wake up; irc and webmail cannot reach the box
- 2018-11-13 17:20 [resolved] after three support mails the provider unlocks the ip
`;

export const HASHBANG = `---
title: de2 cut off by its provider
---

de2 Incident Report - 2020-09-02

Note: to keep things simple for me, the dates in this write-up were written in US/Central timezone.

Early on the 2nd the box lost all outbound traffic. What follows is how it went.

## Timeline of events

August 30, 2020 - 1:40 AM (T-3days)

An abuse report about a port scan reaches my inbox.

August 30, 2020 - 7:30 PM (T-2.5days)

A friend pings me; I find a few open proxies but no scanner.

September 2, 2020 - 3:25 AM (T-0)

The provider disconnects the server while I sleep.

September 2, 2020 - 8:45 AM (T+5hours20minutes) [detected]

I wake up and see I am off IRC; I write to the provider.

September 2, 2020 - 10:28 AM (T+7hours) [acknowledged]

They answer: block scans of private ranges. I start on it.

September 2, 2020 - 2:08 PM (T+11hours40minutes) [resolved]

Firewall fixed and redeployed; the provider lifts the block.
`;

export const BURST = `---
title: queue stalls after a warning three days earlier
date: 2024-03-11
timezone: UTC
---

## Timeline

- 2024-03-08 09:00 a disk warning nobody acts on
- 2024-03-11 ~14:00 [T0] the queue stops, about then
- 2024-03-11 14:01 first alert
- 2024-03-11 14:02 second alert
- 2024-03-11 14:04 [acknowledged] on-call looks
- 2024-03-11 14:07 disk found full
- 2024-03-11 14:12 [mitigated] old logs removed
- 2024-03-11 14:20 [resolved] queue drained
`;

export const SHAPES = { '2018-11-13-tilde': TILDE, '2020-09-02-hashbang': HASHBANG, '2024-03-11-burst': BURST } as const;
export type ShapeSlug = keyof typeof SHAPES;

/** Writes the three posts under `root/posts`. */
export function writeShapes(root: string): void {
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  for (const [slug, text] of Object.entries(SHAPES)) writeFileSync(path.join(root, 'posts', `${slug}.md`), text);
}

export interface AxisGeometry {
  /** x of every event mark (dots and milestones), left to right. */
  marks: number[];
  /** Middle x of each `//` break, and the label under it. */
  breaks: Array<{ x: number; label: string }>;
}

/** Reads the horizontal drawing of an incident page's axis. */
export function horizontalGeometry(html: string): AxisGeometry {
  const svg = /<svg class="pm-axis-h"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const marks = [...svg.matchAll(/<circle (?:class="ax-dot" )?cx="([\d.]+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  const mids = [...svg.matchAll(/<g class="ax-break"><path d="M([\d.]+) /g)].map((m) => Number(m[1]) + 7);
  const labels = [...svg.matchAll(/<text class="ax-gap" x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), label: m[2]! }));
  const breaks = mids.map((x) => ({ x, label: labels.find((l) => Math.abs(l.x - x) < 60)?.label ?? '' }));
  return { marks, breaks };
}
