/**
 * The request handler of `pm serve`: pages come from ServeState (its folder, serve/state.ts), `/x/` is
 * `x/index.html`, a missing page is the site's 404.html with status 404, and HTML
 * gets the live-reload script (and the error overlay) injected on the way out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Page } from '../render/types.js';
import { CLIENT_PATH, CLIENT_SCRIPT, errorPage, EVENTS_PATH, injectServeHtml } from './inject.js';
import type { EventHub } from './sse.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(file: string): string {
  // Atom feeds are XML served with their own type so browsers offer a reader.
  if (file === 'feed.xml') return 'application/atom+xml; charset=utf-8';
  return TYPES[path.posix.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface PageSource {
  page(path: string): Page | undefined;
  errors: Diagnostic[];
  /** Resolves when the page at `path` is current (a site render may be under way). */
  ready(path: string): Promise<void>;
}

/**
 * `/incidents/x/` → `incidents/x/index.html`; null for a path that cannot name a page.
 * The request target is a path only: `//evil.example/x` is the path `evil.example/x`.
 */
export function outputPath(url: string): string | null {
  if (!url.startsWith('/')) return null;
  let p: string;
  try {
    p = decodeURIComponent(new URL(`http://x${url}`).pathname);
  } catch {
    return null;
  }
  if (p.includes('\0') || p.split('/').some((s) => s === '..')) return null;
  p = p.replace(/^\/+/, '');
  return p === '' || p.endsWith('/') ? `${p}index.html` : p;
}

/** Where `/x` (a folder without its slash) is sent: a path on this server, never `//host/...`. */
export function folderLocation(file: string): string {
  return `/${file.split('/').filter(Boolean).map(encodeURIComponent).join('/')}/`;
}

/** `hostAllowed` decides which `Host:` headers are answered (see host.ts); others get 421. */
export function createHandler(
  source: PageSource,
  hub: EventHub,
  hostAllowed: (host: string | undefined) => boolean,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end('pm serve answers only its own address (the URL it printed): this request named another host.\n');
      return;
    }
    void handle(source, hub, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`pm serve: ${e instanceof Error ? e.message : String(e)}\n`);
    });
  };
}

async function handle(source: PageSource, hub: EventHub, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('method not allowed\n');
    return;
  }
  const url = req.url ?? '/';
  if (url.split('?')[0] === EVENTS_PATH) return hub.attach(res, sinceOf(url));
  if (url.split('?')[0] === CLIENT_PATH) return send(req, res, 200, 'client.js', CLIENT_SCRIPT);

  const file = outputPath(url);
  await source.ready(file ?? '404.html');
  let page = file ? source.page(file) : undefined;
  // `/incidents/x` (no slash) is a folder with an index: send the reader there.
  if (file && !page && !path.posix.extname(file) && source.page(`${file}/index.html`)) {
    res.writeHead(301, { location: folderLocation(file), 'cache-control': 'no-store' });
    res.end();
    return;
  }
  if (page && file) return send(req, res, 200, file, page.contents, source.errors, hub.seq);
  page = source.page('404.html');
  if (page) return send(req, res, 404, '404.html', page.contents, source.errors, hub.seq);
  const errors = source.errors;
  return send(
    req,
    res,
    errors.length ? 500 : 404,
    'x.html',
    errors.length ? errorPage(errors, hub.seq) : injectServeHtml('<!doctype html><title>Not found</title><p>Not found</p>', [], hub.seq),
  );
}

/** `?since=N` of the events URL: the page's last message number (inject.ts). */
function sinceOf(url: string): number | null {
  const m = /[?&]since=(\d{1,15})(?:&|$)/.exec(url);
  return m ? Number(m[1]) : null;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, file: string, body: string | Buffer, errors: Diagnostic[] = [], seq = 0): void {
  const type = contentType(file);
  const html = type.startsWith('text/html');
  const out = html ? injectServeHtml(String(body), errors, seq) : body;
  res.writeHead(status, {
    'content-type': type,
    // Data, feeds and the embed script may be read by a page on another origin (a status
    // page trying <pm-timeline> against this server), as the published site allows via
    // _headers. Pages themselves are not shared: they carry drafts and the live-reload hook.
    ...(html ? {} : { 'access-control-allow-origin': '*' }),
    'content-length': Buffer.byteLength(out),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : out);
}
