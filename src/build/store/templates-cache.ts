/**
 * The theme precompiled (theme/engine.ts), kept between builds so a rebuild never parses a
 * template. Precompiled templates are JavaScript that pm runs, so they are kept in the
 * user's own cache folder (`$XDG_CACHE_HOME/pm/templates/`, else `~/.cache/pm/templates/`,
 * mode 0700), never in the site: a site folder from someone else (a clone, a pull request)
 * must not be able to make pm run code. Anything unreadable or unwritable there is skipped:
 * the templates are compiled again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TemplateSpecs } from '../../theme/engine.js';
import { readJson, writeAtomically } from './cache-files.js';
import { userCacheDir } from './user-cache.js';

interface TemplatesFile {
  key: string;
  specs: TemplateSpecs;
}

/** Where the templates for `key` (site key and Handlebars' version) are kept. */
export function templatesFile(key: string): string {
  return path.join(userCacheDir(), 'templates', `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
}

export function loadTemplates(key: string): TemplateSpecs {
  const file = readJson<TemplatesFile>(templatesFile(key));
  return file?.key === key && typeof file.specs === 'object' && file.specs !== null ? file.specs : {};
}

export function saveTemplates(key: string, specs: TemplateSpecs): void {
  const file = templatesFile(key);
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeAtomically(file, JSON.stringify({ key, specs } satisfies TemplatesFile));
  } catch {
    // a read-only or missing home: the next build compiles the templates again
  }
}
