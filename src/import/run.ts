/**
 * `pm import jekyll|hugo DIR`: each post of the blog becomes a bundle
 * `posts/<date>-<slug>/index.md` with its images beside it. Nothing is overwritten:
 * a bundle (or `<date>-<slug>.md`) already there keeps the post out and is listed as kept.
 * The blog is untrusted: nothing outside DIR is read, whatever links it holds.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { confine } from '../load/confine.js';
import type { Diagnostic } from '../diagnostics.js';
import { readFrontMatter } from '../frontmatter/read.js';
import { bundleName, imageRefs, resolveImage, rewriteUrls, type ImageRef } from './images.js';
import { mapFields, postTags, rawDate } from './fields.js';
import { refusedEntries } from './kinds.js';
import { carried, carryBaseUrls } from './liquid-urls.js';
import { findTemplates, templateDiagnostic } from './syntax.js';
import type { BlogKind, BlogPost, ImportResult } from './types.js';

export interface ImportOptions {
  kind: BlogKind;
  /** The blog's folder. */
  dir: string;
  /** The site's posts folder (absolute). */
  postsDir: string;
  /** The site root, for the paths printed. */
  root: string;
  /** Only posts with this tag or category (case-insensitive). */
  tag?: string;
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

export function importBlog(o: ImportOptions): ImportResult {
  const dir = path.resolve(o.dir);
  const result: ImportResult = { written: [], kept: [], skipped: 0, diagnostics: [] };
  const note = (d: Omit<Diagnostic, 'level'> & { level?: Diagnostic['level'] }): void => void result.diagnostics.push({ level: 'warning', ...d });
  for (const r of refusedEntries(o.kind, dir)) note({ file: r.rel, line: 0, column: 0, rule: 'import/refused', message: `not read: ${r.why}` });
  for (const post of o.kind.posts(dir)) importPost(post, o, dir, result, note);
  return result;
}

function importPost(
  post: BlogPost,
  o: ImportOptions,
  dir: string,
  result: ImportResult,
  note: (d: Omit<Diagnostic, 'level'> & { level?: Diagnostic['level'] }) => void,
): void {
  const c = confine(dir, post.file);
  if (!c.ok || c.kind !== 'file') return;
  const source = readFileSync(c.real, 'utf8').replace(/\r\n?/g, '\n');
  const fm = readFrontMatter(source);
  for (const e of fm.errors)
    note({
      level: 'error',
      file: post.rel,
      line: e.place.line,
      column: e.place.column,
      rule: 'import/front-matter',
      message: `${e.message}; the post was not imported`,
    });
  if (fm.errors.length) return;
  if (o.tag !== undefined && !postTags(fm.data, o.kind.name).some((t) => t.toLowerCase() === o.tag!.toLowerCase())) {
    result.skipped++;
    return;
  }
  const frontText = source
    .split('\n')
    .slice(1, Math.max(1, fm.bodyLineOffset - 1))
    .join('\n');
  const mapped = mapFields(fm.data, fm.present ? rawDate(frontText) : null, post.name, o.kind.name);
  const name = mapped.day ? `${mapped.day}-${mapped.slug.replace(/^\d{4}-\d{2}-\d{2}-?/, '')}` : mapped.slug;
  const bundle = path.join(o.postsDir, name);
  const shown = path.relative(o.root, path.join(bundle, 'index.md')).split(path.sep).join('/');
  if (taken(bundle) || taken(`${bundle}.md`)) {
    result.kept.push(shown);
    return;
  }
  if (!mapped.day)
    note({
      file: post.rel,
      line: 1,
      column: 1,
      rule: 'import/no-date',
      message: 'no date in the front-matter or the file name: add date: to the imported post',
    });
  if (mapped.dropped.length)
    note({ level: 'info', file: post.rel, line: 1, column: 1, rule: 'import/keys', message: `front-matter left out: ${mapped.dropped.join(', ')}` });
  for (const t of findTemplates(fm.body, fm.bodyLineOffset)) {
    if (!(o.kind.name === 'jekyll' && carried(t.text))) result.diagnostics.push(templateDiagnostic(post.rel, t));
  }
  const body = o.kind.name === 'jekyll' ? carryBaseUrls(fm.body) : fm.body;

  // images: those the post shows, and a Hugo bundle's own
  const postDir = path.dirname(post.file);
  const names = new Map<string, string>();
  const renamed = new Map<ImageRef, string>();
  const refs = imageRefs(body);
  for (const ref of refs) {
    const found = resolveImage(ref.url, dir, postDir, o.kind.staticRoots(dir));
    if (found.ok) renamed.set(ref, bundleName(found.real, names));
    else {
      const lines = body.slice(0, ref.offset).split('\n');
      note({
        file: post.rel,
        line: lines.length + fm.bodyLineOffset,
        column: (lines.at(-1) ?? '').length + 1,
        rule: 'import/image',
        message: `image "${ref.url}" not copied: ${found.why}`,
      });
    }
  }
  if (post.bundleDir) {
    for (const e of readdirSync(post.bundleDir).sort()) {
      const f = confine(dir, path.join(post.bundleDir, e));
      if (f.ok && f.kind === 'file' && IMAGE.test(e)) bundleName(f.real, names);
    }
  }

  mkdirSync(o.postsDir, { recursive: true });
  try {
    mkdirSync(bundle); // fails if something appeared meanwhile: never overwrite
  } catch {
    result.kept.push(shown);
    return;
  }
  try {
    writeFileSync(path.join(bundle, 'index.md'), `${mapped.frontMatter}${rewriteUrls(body, refs, renamed)}`, { flag: 'wx' });
    for (const [file, from] of names) copyFileSync(from, path.join(bundle, file));
  } catch (e) {
    rmSync(bundle, { recursive: true, force: true });
    throw e;
  }
  result.written.push(shown);
}

function taken(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return existsSync(p);
  }
}
