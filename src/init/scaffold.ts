/**
 * What `pm init` writes, as a list of (path, text), and the writing itself: each file is
 * created only if nothing is at its path (open with O_EXCL, so not even a symlink is
 * followed), and the example incident only into an empty or missing posts/ folder.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILES } from '../config/resolve.js';
import { PACKAGE_NAME, VERSION } from '../version.js';
import { configFile } from './config.js';
import { EXAMPLE_FILE, EXAMPLE_INCIDENT } from './example.js';
import { GITIGNORE, headersFile } from './site-files.js';
import { WORKFLOW_PATH, workflowFile } from './workflow.js';

export interface ScaffoldFile {
  /** Relative to the site root, with `/`. */
  path: string;
  text: string;
}

export interface ScaffoldResult {
  created: string[];
  /** Paths left alone, each with the reason. */
  kept: { path: string; reason: string }[];
}

export function scaffoldFiles(title?: string): ScaffoldFile[] {
  return [
    { path: 'pm.config.yaml', text: configFile(title) },
    { path: `posts/${EXAMPLE_FILE}`, text: EXAMPLE_INCIDENT },
    { path: '.gitignore', text: GITIGNORE },
    { path: WORKFLOW_PATH, text: workflowFile(PACKAGE_NAME, VERSION) },
    { path: 'static/_headers', text: headersFile() },
  ];
}

/** Writes the scaffold into `root` (created if missing); never replaces anything. */
export function scaffold(root: string, title?: string): ScaffoldResult {
  const result: ScaffoldResult = { created: [], kept: [] };
  mkdirSync(root, { recursive: true });
  for (const file of scaffoldFiles(title)) {
    const reason = skipReason(root, file.path);
    if (reason) {
      result.kept.push({ path: file.path, reason });
      continue;
    }
    const full = path.join(root, ...file.path.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    try {
      writeFileSync(full, file.text, { flag: 'wx' });
      result.created.push(file.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      result.kept.push({ path: file.path, reason: 'already exists' });
    }
  }
  return result;
}

function skipReason(root: string, rel: string): string | null {
  if (rel === 'pm.config.yaml') {
    const other = CONFIG_FILES.find((f) => existsSync(path.join(root, f)));
    if (other) return other === rel ? 'already exists' : `the site already has ${other}`;
  }
  if (rel.startsWith('posts/')) {
    const posts = path.join(root, 'posts');
    if (existsSync(posts) && readdirSync(posts).length > 0) return 'posts/ already holds incidents';
  }
  return null;
}
