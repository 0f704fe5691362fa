/**
 * What the author wrote is what gets published: one post written the way people write
 * post-mortems (a disclaimer and notes in the Timeline section, a reference defined at the
 * end, a footnote, a bare dashboard URL, <br>/<kbd>/<details>, a pasted <script> and
 * <iframe>), built as a site; the page, feed.xml, the embed and timeline.json are checked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import type { TimelineJson } from '../../src/timeline/types.js';

const POST = `---
title: Checkout errors after the CDN change
date: 2024-05-02
timezone: Europe/Berlin
---

## Summary

Checkout returned 502s for 40 minutes after a CDN configuration change. We followed the
[CDN runbook][rb] to roll it back. Error rates are on https://grafana.example.com/d/abc42/checkout and paging was slow.[^paging]

To stop a stuck deploy press <kbd>Ctrl</kbd>+<kbd>C</kbd>,<br>then run \`deploy --abort\`.

<details>
<summary>Full error message</summary>

\`upstream connect error or disconnect/reset before headers\`

</details>

<script>track('postmortem-view')</script>
<iframe src="https://status.example.com/embed"></iframe>

## Timeline

All times are approximate, reconstructed the next day.

- 14:02 [T0] CDN change rolled out
- afternoon: three support e-mails to the provider
- 14:10 [detected] Alerts fire, on-call opens the [runbook][rb]
- 14:42 [resolved] Rollback complete

We will add the provider's own timeline when it arrives.

## Root cause

The new origin rule dropped the \`Host\` header.

[^paging]: Paging was delayed by eight minutes, see below.

[rb]: https://runbooks.example.com/cdn#rollback
`;

const SLUG = '2024-05-02-checkout-errors';
const root = mkdtempSync(path.join(tmpdir(), 'pm-document-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'posts'));
writeFileSync(path.join(root, 'posts', `${SLUG}.md`), POST);

describe('a post-mortem as its author wrote it', async () => {
  const result = await buildSite({ root, write: false, baseUrl: 'https://pm.example.com' });
  const pages = new Map(result.pages.map((p) => [p.path, String(p.contents)]));
  const page = pages.get(`incidents/${SLUG}/index.html`) ?? '';
  const feed = pages.get('feed.xml') ?? '';
  const embed = pages.get(`embed/${SLUG}/index.html`) ?? '';
  const json = JSON.parse(pages.get(`incidents/${SLUG}/timeline.json`) ?? '{}') as TimelineJson;
  const unescape = (s: string): string =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');

  it('builds without errors', () => {
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(page).not.toBe('');
  });

  it('shows the notes of the Timeline section in order: before, between and after the entries', () => {
    const order = (html: string): number[] =>
      [
        'All times are approximate',
        'CDN change rolled out',
        'three support e-mails',
        'Alerts fire',
        'Rollback complete',
        "provider(?:'|&#39;|&#x27;|&apos;)s own timeline",
      ].map((t) => html.search(new RegExp(t)));
    // the drawn axis repeats event texts in its tooltips; the table is what is read in order
    const noAxis = (html: string): string => html.replace(/<figure class="pm-axis[\s\S]*?<\/figure>/g, '');
    for (const [name, html] of [
      ['page', noAxis(page)],
      ['feed', unescape(feed)],
      ['embed', embed],
    ] as const) {
      const at = order(html);
      expect(
        at.every((i) => i >= 0),
        `${name}: ${at.join(' ')}`,
      ).toBe(true);
      expect(
        [...at].sort((a, b) => a - b),
        name,
      ).toEqual(at);
    }
    expect(json.events.map((e) => e.text)).toEqual(['CDN change rolled out', 'Alerts fire, on-call opens the runbook', 'Rollback complete']);
  });

  it('resolves a reference defined at the end of the post in the Summary and in a timeline entry', () => {
    expect(page).toContain('<a href="https://runbooks.example.com/cdn#rollback">CDN runbook</a>');
    expect(page).not.toContain('[rb]');
    const entry = json.events.find((e) => e.text.startsWith('Alerts fire'));
    expect(entry?.html).toBe('Alerts fire, on-call opens the <a href="https://runbooks.example.com/cdn#rollback">runbook</a>');
    expect(embed).toContain('on-call opens the <a href="https://runbooks.example.com/cdn#rollback">runbook</a>');
  });

  it('links a footnote to its text, shown at the end of the page', () => {
    expect(page).toMatch(/paging was slow\.<sup><a href="#user-content-fn-paging" id="user-content-fnref-paging"[^>]*>1<\/a><\/sup>/);
    expect(page).toMatch(/<li id="user-content-fn-paging">\s*<p>Paging was delayed by eight minutes/);
    expect(page).not.toContain('[^paging]');
  });

  it('links a bare URL', () => {
    expect(page).toContain('<a href="https://grafana.example.com/d/abc42/checkout">https://grafana.example.com/d/abc42/checkout</a>');
  });

  it('keeps <br>, <kbd> and <details> as GitHub does', () => {
    expect(page).toContain('press <kbd>Ctrl</kbd>+<kbd>C</kbd>,<br>then run');
    expect(page).toMatch(/<details>\s*<summary>Full error message<\/summary>\s*<p><code>upstream connect error/);
  });

  it('removes <script> and <iframe> and says so, at their line and column', () => {
    expect(page).not.toContain('track(');
    expect(page).not.toContain('status.example.com');
    const removed = result.diagnostics.filter((d) => d.rule === 'markdown/html-removed');
    expect(
      removed.map((d) => [d.level, d.file, d.line, d.column, d.message.slice(0, 9)]),
      JSON.stringify(removed),
    ).toEqual([
      ['info', `posts/${SLUG}.md`, 21, 1, '<script> '],
      ['info', `posts/${SLUG}.md`, 22, 1, '<iframe> '],
    ]);
  });
});
