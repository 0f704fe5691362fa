/**
 * The images a post shows, brought into its bundle: markdown images (`![x](/assets/a.png)`),
 * `<img src>` in raw HTML and the `src` of a Hugo `{{< figure >}}`. A URL resolves the way
 * the blog published it — root-absolute from the blog's static folders, relative from the
 * post's folder — and only to a regular file inside the blog (confine, after links).
 * Copied files keep their name (numbered when two differ); the post's text is changed only
 * at those URLs, to the name beside it.
 */
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { confine } from '../load/confine.js';

export interface ImageRef {
  url: string;
  /** Offset in the body where `url` is written. */
  offset: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;
const HTML_SRC = /<img\b[^>]*?\ssrc\s*=\s*(["'])([^"'<>]*)\1/gi;
const FIGURE_SRC = /\{\{<\s*figure\b[^>]*?\ssrc\s*=\s*(["'])([^"']*)\1/g;

/** Image URLs of `body`, each at the offset where it is written. */
export function imageRefs(body: string): ImageRef[] {
  const refs: ImageRef[] = [];
  const tree = unified().use(remarkParse).parse(body);
  visit(tree, (node) => {
    if (node.type === 'image' && node.position?.start.offset !== undefined) {
      const start = node.position.start.offset;
      const at = body.indexOf(node.url, start);
      if (at >= 0 && at < (node.position.end.offset ?? body.length)) refs.push({ url: node.url, offset: at });
    }
    if (node.type === 'html' && node.position?.start.offset !== undefined) {
      for (const m of node.value.matchAll(HTML_SRC)) {
        refs.push({ url: m[2] ?? '', offset: node.position.start.offset + m.index + m[0].length - 1 - (m[2] ?? '').length });
      }
    }
  });
  for (const m of body.matchAll(FIGURE_SRC)) refs.push({ url: m[2] ?? '', offset: m.index + m[0].length - 1 - (m[2] ?? '').length });
  return refs.filter((r) => r.url && !SCHEME.test(r.url) && !r.url.startsWith('#')).sort((a, b) => a.offset - b.offset);
}

export type Resolved = { ok: true; real: string } | { ok: false; why: string };

/** Where an image URL of the post at `postDir` lives in the blog at `blogDir`. */
export function resolveImage(url: string, blogDir: string, postDir: string, staticRoots: readonly string[]): Resolved {
  let clean: string;
  try {
    clean = decodeURI(url.replace(/[?#].*$/, ''));
  } catch {
    clean = url.replace(/[?#].*$/, '');
  }
  const candidates = clean.startsWith('/') ? staticRoots.map((r) => path.join(r, clean)) : [path.join(postDir, clean), path.join(blogDir, clean)];
  let refused: string | null = null;
  for (const c of candidates) {
    const found = confine(blogDir, c);
    if (found.ok && found.kind === 'file') return { ok: true, real: found.real };
    if (!found.ok && found.problem !== 'missing') refused ??= found.problem === 'outside' ? 'it leads outside the blog folder' : found.what;
  }
  return { ok: false, why: refused ?? 'no such file in the blog' };
}

/** A file name for `real` in the bundle, not taken yet: `a.png`, `a-2.png`… */
export function bundleName(real: string, taken: Map<string, string>): string {
  for (const [name, from] of taken) if (from === real) return name;
  const ext = path.extname(real);
  const base = path.basename(real, ext).replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'image';
  let name = `${base}${ext}`;
  for (let i = 2; taken.has(name) || name === 'index.md'; i++) name = `${base}-${i}${ext}`;
  taken.set(name, real);
  return name;
}

/** `body` with each ref's URL replaced by `names.get(url)` (refs in offset order). */
export function rewriteUrls(body: string, refs: readonly ImageRef[], names: ReadonlyMap<ImageRef, string>): string {
  let out = '';
  let at = 0;
  for (const r of refs) {
    const name = names.get(r);
    if (name === undefined || r.offset < at) continue;
    out += body.slice(at, r.offset) + name;
    at = r.offset + r.url.length;
  }
  return out + body.slice(at);
}
