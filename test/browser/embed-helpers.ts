/**
 * Helpers for the embed browser test: a static server that sends CORS headers (a status
 * page on another origin fetches timeline.json, as GitHub Pages allows), the host page
 * that embeds an incident both ways, and a site with a payload incident.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StaticServer } from './serve.js';
import { repoRoot } from './site.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 with `Access-Control-Allow-Origin: *`; `x/` → `x/index.html`. */
export async function serveWithCors(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const rel = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/');
      let file = path.resolve(root, `.${rel}`);
      if (file !== root && !file.startsWith(root + path.sep)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
      res.end(body);
    })().catch(() => {
      res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** The host-side listener exactly as the README documents it (between its markers). */
export function readmeListener(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const m = /<!-- pm:embed-listener -->\s*```html\n([\s\S]*?)```/.exec(readme);
  if (!m?.[1]) throw new Error('README.md has no <!-- pm:embed-listener --> block');
  return m[1];
}

export const PAYLOAD = '<img src=x onerror=window.__pwned=1>';

/** A copy of the sample site plus an incident whose title, notes and log carry payloads. */
export function siteWithPayload(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pm-embed-site-'));
  cpSync(path.join(repoRoot, 'posts'), path.join(root, 'posts'), { recursive: true });
  const dir = path.join(root, 'posts', '2024-02-02-payload');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'events.ndjson'), `${JSON.stringify({ time: '2024-02-02T10:05:00Z', message: PAYLOAD })}\n`);
  writeFileSync(
    path.join(dir, 'index.md'),
    [
      '---',
      `title: "Payload <script>window.__pwned=2</script> check"`,
      'date: 2024-02-02',
      'timezone: UTC',
      'severity: SEV3',
      'status: resolved',
      'sources: [{ path: events.ndjson, format: ndjson }]',
      '---',
      '',
      '## Timeline',
      '',
      `All times approximate ${PAYLOAD} reconstructed the next day.`,
      '',
      `- 2024-02-02 10:00 [detected] markdown ${PAYLOAD} <script>window.__pwned=3</script>`,
      '- afternoon: three support e-mails to the provider',
      '- 2024-02-02 10:30 [resolved] done',
      '',
      'Closing note: the provider never answered.',
      '',
    ].join('\n'),
  );
  return root;
}

export interface HostOptions {
  /** The pm site's URL (another origin). */
  site: string;
  slug: string;
  /** `<pm-timeline>` elements: id → extra attributes. */
  elements: Record<string, Record<string, string>>;
  /** Embed an iframe too. */
  iframe?: boolean;
  /** URL fragment of the iframe (`#pm-bg=…`). */
  frameHash?: string;
}

/** A small status page on its own origin, with the README's listener snippet. */
export function hostPage(o: HostOptions): string {
  const json = (slug: string): string => `${o.site}incidents/${slug}/timeline.json`;
  const elements = Object.entries(o.elements).map(([id, attrs]) => {
    const all: Record<string, string> = { src: json(o.slug), ...attrs };
    const text = Object.entries(all)
      .map(([k, v]) => (v === '' ? k : `${k}="${v}"`))
      .join(' ');
    return `<section class="card"><h2>&lt;pm-timeline&gt; #${id}</h2>\n<pm-timeline id="${id}" ${text}></pm-timeline></section>`;
  });
  const iframe = o.iframe
    ? `<section class="card"><h2>iframe</h2>\n<iframe id="frame" src="${o.site}embed/${o.slug}/${o.frameHash ?? ''}" title="Incident timeline" style="width:100%;border:0"></iframe></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example status page</title><link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #f3f4f1; color: #1d1f24; }
  @media (prefers-color-scheme: dark) { body { background: #0e0f12; color: #e6e6e3; } }
  header, main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
  .ok { display: inline-block; background: #1f7a3f; color: #fff; border-radius: 6px; padding: .25rem .75rem; }
  .card { margin: 1rem 0; }
  .card h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; opacity: .7; margin: 0 0 .4rem; }
  iframe, pm-timeline { display: block; border-radius: 8px; overflow: hidden; box-shadow: 0 1px 3px rgb(0 0 0 / .15); }
</style>
<script src="${o.site}embed/pm-timeline.js" defer></script>
</head><body>
<header><h1>Example status page</h1><p class="ok">All systems operational</p></header>
<main>
${iframe}
${elements.join('\n')}
</main>
${readmeListener()}
</body></html>
`;
}
