/**
 * Where Jekyll and Hugo keep posts and images.
 *   Jekyll: `_posts/**\/YYYY-MM-DD-name.md`; images anywhere in the site, linked
 *           root-absolute (`/assets/img/x.png`).
 *   Hugo:   `content/posts/` (or `content/post/`, else all of `content/`); a page bundle
 *           `name/index.md` keeps its images beside it; `/images/x.png` is `static/images/x.png`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BlogKind, BlogPost } from './types.js';
import { posix, walk } from './walk.js';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;

export const jekyll: BlogKind = {
  name: 'jekyll',
  posts(dir) {
    return walk(dir, path.join(dir, '_posts'))
      .files.filter((f) => MARKDOWN.test(f))
      .map((file): BlogPost => ({ file, rel: posix(dir, file), name: path.basename(file).replace(MARKDOWN, ''), bundleDir: null }));
  },
  staticRoots: (dir) => [dir],
};

export const hugo: BlogKind = {
  name: 'hugo',
  posts(dir) {
    const content = path.join(dir, 'content');
    const section = ['posts', 'post', 'blog'].map((s) => path.join(content, s)).find((s) => existsSync(s)) ?? content;
    return walk(dir, section)
      .files.filter((f) => MARKDOWN.test(f) && !/^_index\./i.test(path.basename(f)))
      .map((file): BlogPost => {
        const bundle = /^index\./i.test(path.basename(file));
        const name = bundle ? path.basename(path.dirname(file)) : path.basename(file).replace(MARKDOWN, '');
        return { file, rel: posix(dir, file), name, bundleDir: bundle ? path.dirname(file) : null };
      });
  },
  staticRoots: (dir) => [path.join(dir, 'static'), path.join(dir, 'assets')],
};

/** Links refused while listing (reported once per import). */
export function refusedEntries(kind: BlogKind, dir: string): Array<{ rel: string; why: string }> {
  const from = kind.name === 'jekyll' ? path.join(dir, '_posts') : path.join(dir, 'content');
  return walk(dir, from).refused;
}
