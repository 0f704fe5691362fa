/**
 * The archive pages (pagination, services, feeds, api/v2, search index) are the same
 * bytes whatever TZ, LANG or SOURCE_DATE_EPOCH; and an incremental build's search index
 * follows an edit to one incident page.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/build/build.js';
import { tempDir } from '../../cli/helpers.js';
import { CLI, ensureCompiled, treeHashes } from '../../build/cli-helpers.js';
import { writeCorpus } from './corpus.js';

const dirs: string[] = [];
beforeAll(() => ensureCompiled());
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function corpus(n: number, config = 'page_size: 20\n'): string {
  const root = tempDir('pm-archive-det-');
  dirs.push(root);
  writeCorpus(root, n, { config, inReviewEvery: 11 });
  return root;
}

describe('archive output is deterministic', () => {
  // SOURCE_DATE_EPOCH is the day follow-ups are judged on (insights): the same in both builds
  it('TZ and LANG change no byte', () => {
    const root = corpus(130);
    const build = (out: string, env: Record<string, string>): Record<string, string> => {
      const r = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', path.join(root, out), '--quiet'], {
        env: { PATH: process.env['PATH'] ?? '', ...env },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      return treeHashes(path.join(root, out));
    };
    const a = build('a', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C', SOURCE_DATE_EPOCH: '1700000000' });
    rmSync(path.join(root, '.pm-cache'), { recursive: true, force: true });
    const b = build('b', { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', SOURCE_DATE_EPOCH: '1700000000' });
    const files = Object.keys(a);
    expect(files).toContain('page/6/index.html');
    expect(files).toContain('services/auth-service/feed.xml');
    expect(files).toContain('api/v2/summary.json');
    expect(files.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  }, 120_000);
});

/** The text Pagefind indexed, from its gzipped fragments. */
function indexedText(out: string): string {
  const dir = path.join(out, 'pagefind', 'fragment');
  return readdirSync(dir)
    .map((f) => gunzipSync(readFileSync(path.join(dir, f))).toString('utf8'))
    .join('\n');
}

describe('search index on an incremental build', () => {
  // the oldest incident: its body is not among those the feeds carry, only the index sees it
  it('an edit to one incident body reaches the index; a rebuild without edits writes nothing', async () => {
    const root = corpus(60, 'page_size: 10\n');
    const out = path.join(root, 'dist');
    await buildSite({ root, out });
    expect(indexedText(out)).toContain('Unique marker');
    expect(indexedText(out)).not.toContain('flamingo');
    const file = path.join(root, 'posts', readdirSync(path.join(root, 'posts')).sort()[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Unique marker', 'Unique flamingo'));
    const second = await buildSite({ root, out });
    expect(second.stats.incremental).toBe(true);
    expect(second.stats.rendered).toBe(1);
    expect(indexedText(out)).toContain('Unique flamingo');
    const third = await buildSite({ root, out });
    expect(third.stats.written).toBe(0);
  }, 60_000);
});
