import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { scaffold } from '../../src/init/scaffold.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** Every `<meta property|name=… content=…>` of a page, in order. */
function metas(html: string): [string, string][] {
  return [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

describe('Open Graph and Twitter card tags', () => {
  it('an incident page carries its title, summary, severity, date and tags; the index is a website', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pm-social-'));
    try {
      scaffold(root);
      writeFileSync(path.join(root, 'pm.config.yaml'), 'title: "Acme <status>"\nbase_url: https://status.example.org/pm/\n');
      const { pages } = await buildSite({ root, write: false });
      const html = (p: string): string => String(pages.find((x) => x.path === p)?.contents);
      const incident = metas(html('incidents/2026-01-15-example-expired-certificate/index.html'));
      expect(incident).toEqual(
        expect.arrayContaining([
          ['og:site_name', 'Acme &lt;status&gt;'],
          ['og:type', 'article'],
          ['og:title', 'Example: the API certificate expired'],
          ['og:description', 'The TLS certificate of the public API expired at 09:00; clients failed to connect for 47 minutes until a new one was deployed.'],
          ['og:url', 'https://status.example.org/pm/incidents/2026-01-15-example-expired-certificate/'],
          ['twitter:card', 'summary'],
          ['twitter:label1', 'Severity'],
          ['twitter:data1', 'SEV2'],
          ['twitter:label2', 'Date'],
          ['article:tag', 'example'],
          ['article:tag', 'tls'],
        ]),
      );
      expect(incident.find(([k]) => k === 'article:published_time')?.[1]).toMatch(/^2026-01-15/);
      expect(incident.find(([k]) => k === 'twitter:data2')?.[1]).toMatch(/2026/);
      const index = metas(html('index.html'));
      expect(index).toEqual(
        expect.arrayContaining([
          ['og:type', 'website'],
          ['og:url', 'https://status.example.org/pm/'],
        ]),
      );
      expect(index.some(([k]) => k.startsWith('article:') || k === 'twitter:data1')).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
