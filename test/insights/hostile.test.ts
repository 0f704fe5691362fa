/**
 * An attacker's site folder: action items, owners, services, tags and root causes that are
 * markup or script URLs. The insights and follow-ups pages and their JSON carry the text
 * escaped, run nothing, and link only http(s) issues; the one script is pm's, allowed by hash.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { decodeEntities, scanHtml, scanJson } from '../browser/payload-scan.js';
import { tempDir } from '../cli/helpers.js';

/** Script tags other than pm's own search box (a same-origin asset on every page when search is on). */
const otherScripts = (html: string): string[] =>
  [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/^ src="(\.\.\/)*assets\/search\.[0-9a-f]+\.js" defer$/.test(attrs));

let root: string;
let pages: Map<string, string>;
const POST = `---
title: "Hostile"
date: 2024-05-01
severity: '<img src=x onerror=alert(1)>'
services: ['"><script>alert(1)</script>', api]
tags: ['<svg onload=alert(1)>']
root_cause: ['<b onclick=alert(1)>dns</b>']
---

## Timeline

- 2024-05-01 10:00 UTC [T0] start <img src=x onerror=alert(2)>
- 2024-05-01 10:30 UTC [resolved] done

## Action items

- [ ] eve: <img src=x onerror=alert(3)> fix [click](javascript:alert(4)) and #7 (due 2024-05-02)
- [ ] mallory: see [evil](https://evil.example/"><script>alert(5)</script>) (due 2024-05-03)
- [x] <script>alert(6)</script>
`;

beforeAll(async () => {
  root = tempDir('pm-insights-hostile-');
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(path.join(root, 'posts', '2024-05-01-hostile.md'), POST);
  writeFileSync(path.join(root, 'pm.config.yaml'), 'trackers:\n  "#": https://tracker.example/issues/:id\n');
  const r = await buildSite({ root, write: false });
  pages = new Map(r.pages.map((p) => [p.path, String(p.contents)]));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hostile content on the insights and follow-ups pages', () => {
  it("runs nothing: no script but pm's own (allowed by its hash), no handler, no javascript: URL", () => {
    for (const file of ['insights/index.html', 'follow-ups/index.html']) expect(scanHtml(pages.get(file)!, true), file).toEqual([]);
    for (const file of ['insights.json', 'follow-ups.json']) expect(scanJson(JSON.parse(pages.get(file)!)), file).toEqual([]);
    const html = pages.get('follow-ups/index.html')!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    const csp = decodeEntities(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!);
    expect(csp).toBe(`script-src 'self' 'sha256-${hash}'; object-src 'none'; base-uri 'none'`);
    expect(otherScripts(html)).toEqual(['']); // the one inline script, allowed by its hash
  });

  it('keeps the text, escaped, and links only http(s) issues', () => {
    const fu = pages.get('follow-ups/index.html')!;
    expect(decodeEntities(fu)).toContain('<img src=x onerror=alert(3)> fix click and #7');
    expect(fu).toContain('&lt;script&gt;alert(6)&lt;/script&gt;');
    expect(fu).toContain('href="https://tracker.example/issues/7"');
    expect(fu).not.toContain('javascript:');
    const data = JSON.parse(pages.get('follow-ups.json')!);
    expect(data.items[0].issues.map((i: { url: string }) => i.url)).toEqual(['https://tracker.example/issues/7']);
    const ins = pages.get('insights/index.html')!;
    expect(decodeEntities(ins)).toContain('"><script>alert(1)</script>');
    expect(decodeEntities(ins)).toContain('<b onclick=alert(1)>dns</b>');
    expect(ins).not.toContain('<b onclick');
    expect(JSON.parse(pages.get('insights.json')!).top.root_causes[0].name).toBe('<b onclick=alert(1)>dns</b>');
  });
});
