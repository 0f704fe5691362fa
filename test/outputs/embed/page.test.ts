import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { embedCsp, fragmentOf, renderEmbedPage } from '../../../src/outputs/embed/page.js';
import { renderTimelineHtml } from '../../../src/timeline/render-html.js';
import type { TimelineJson } from '../../../src/timeline/types.js';
import { build, get, makeSite, SLUG } from './helpers.js';

const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const inline = (page: string, tag: string): string => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page);
  if (!m) throw new Error(`no <${tag}>`);
  return m[1] ?? '';
};

describe('embed/<slug>/index.html', async () => {
  const root = makeSite();
  const pages = await build(root);
  const page = get(pages, `embed/${SLUG}/index.html`);
  const json = JSON.parse(get(pages, `incidents/${SLUG}/timeline.json`)) as TimelineJson;

  it('allows exactly its own inline style and script, by hash, and nothing else', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toBeDefined();
    expect(csp).toContain(`style-src ${sha(inline(page, 'style'))}`);
    expect(csp).toContain(`script-src ${sha(inline(page, 'script'))}`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    // the policy comes before anything it governs
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
  });

  it('is self-contained: nothing to fetch from another file or host', () => {
    expect(page).not.toMatch(/<link\b|<img\b|<iframe\b|\ssrc=|@import|url\(/i);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([`../../incidents/${SLUG}/`]); // the one link, opened in a new tab
    expect(page).toContain('<base target="_blank">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('holds exactly the fragment renderTimelineHtml writes, with every event in order', () => {
    const fragment = fragmentOf(page);
    expect(fragment).toBe(renderTimelineHtml(json));
    const offsets = [...(fragment ?? '').matchAll(/<span class="pm-t"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]);
    // elapsed time across the DST jump (02:00 EST → 03:00 EDT): 01:30 → 03:10 is 40 minutes
    expect(offsets).toEqual(['T+0', 'T+10m', 'T+40m', 'T+50m', 'T+1h20m', 'T+2h']);
    expect(fragment).toContain('<time datetime="2024-03-10T06:30:00.000Z">2024-03-10 01:30 EST</time>');
    expect(fragment).toContain('2024-03-10 04:30 EDT</time> <small class="pm-utc">2024-03-10 08:30 UTC</small>');
  });

  it('escapes the title and drops raw HTML GitHub does not allow from notes', () => {
    expect(page).toContain('<title>Timeline — DB &lt;failover&gt; &amp; &#39;friends&#39;</title>');
    expect(page).not.toContain('<iframe');
    expect(page).not.toContain('evil.example');
    expect(page).not.toContain('onload=alert');
    expect(page).toContain('data-slug="2024-03-10-db-failover"');
  });

  it('is the same bytes on every build', async () => {
    expect(get(await build(root), `embed/${SLUG}/index.html`)).toBe(page);
  });

  it('leaves [internal] events out of a --public build', async () => {
    expect(page).toContain('paged the wrong person');
    const pub = get(await build(root, { public: true }), `embed/${SLUG}/index.html`);
    expect(pub).not.toContain('paged the wrong person');
    expect(pub).not.toMatch(/class="[^"]*pm-internal/);
  });

  it('cannot be closed early by its own inline text', () => {
    const html = renderEmbedPage(json, { css: 'a{}</style><script>x()</script>', script: 'var s="</script><b>";' });
    expect(inline(html, 'style')).toBe('a{}<\\/style><script>x()</script>'); // inert inside <style>
    expect(html).toContain('<script>var s="<\\/script><b>";</script>');
    expect(html).toContain(embedCsp('a{}<\\/style><script>x()</script>', 'var s="<\\/script><b>";').replace(/'/g, '&#39;'));
  });
});
