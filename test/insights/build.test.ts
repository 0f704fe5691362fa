/**
 * The insights and follow-ups files through `pm build`: the same bytes whatever TZ and
 * LANG, with SOURCE_DATE_EPOCH or --today (the same day gives the same bytes) and without
 * either; a new day re-renders the follow-ups but no incident; an edited action item reaches
 * them through the cached summaries; a bad day is a usage error.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildSite } from '../../src/build/build.js';
import { captureIO, tempDir } from '../cli/helpers.js';
import { CLI, ensureCompiled, treeHashes } from '../build/cli-helpers.js';
import { generateSite, type ModelIncident } from './generate.js';

let root: string;
let model: ModelIncident[];
beforeAll(() => {
  ensureCompiled();
  root = tempDir('pm-insights-build-');
  model = generateSite(root, 60, 11);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(out: string, env: Record<string, string>, ...flags: string[]): Record<string, string> {
  const r = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', path.join(root, out), '--quiet', ...flags], {
    env: { PATH: process.env['PATH'] ?? '', TMPDIR: process.env['TMPDIR'] ?? '', XDG_CACHE_HOME: process.env['XDG_CACHE_HOME'] ?? '', ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return treeHashes(path.join(root, out));
}
const read = (out: string, file: string): string => readFileSync(path.join(root, out, file), 'utf8');

describe('deterministic insights and follow-ups', () => {
  it('SOURCE_DATE_EPOCH and --today of the same day give the same bytes in any zone and locale', () => {
    const a = cli('a', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C', SOURCE_DATE_EPOCH: String(Date.UTC(2024, 5, 30, 23, 59) / 1000) });
    const b = cli('b', { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }, '--today', '2024-06-30');
    expect(b).toEqual(a);
    expect(a['insights/index.html']).toBeDefined();
    expect(JSON.parse(read('a', 'follow-ups.json')).today).toBe('2024-06-30');
    expect(read('a', 'follow-ups/index.html')).toContain('fu-item fu-overdue');
  });

  it('without a day, two builds in different zones give the same bytes and judge nothing', () => {
    const c = cli('c', { TZ: 'America/Los_Angeles', LANG: 'C' });
    const d = cli('d', { TZ: 'Asia/Kolkata', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' });
    expect(d).toEqual(c);
    expect(JSON.parse(read('c', 'follow-ups.json'))).toMatchObject({ today: null, overdue: null });
    expect(read('c', 'follow-ups/index.html')).not.toContain('fu-item fu-overdue');
    expect(read('c', 'insights.json')).toBe(read('a', 'insights.json'));
  });

  it('the library in memory returns the same files the CLI wrote', async () => {
    const r = await buildSite({ root, write: false });
    for (const file of ['insights.json', 'follow-ups.json', 'insights/index.html', 'follow-ups/index.html']) {
      expect(String(r.pages.find((p) => p.path === file)?.contents), file).toBe(read('c', file));
    }
  });

  it('a bad --today or SOURCE_DATE_EPOCH is a usage error', async () => {
    const io = captureIO();
    expect(await main(['build', '--root', root, '--out', path.join(root, 'x'), '--today', '2024-02-30'], io)).toBe(2);
    expect(io.stderrText).toContain('--today must be a day written YYYY-MM-DD, not "2024-02-30"');
    const env = captureIO();
    env.env = { SOURCE_DATE_EPOCH: 'last tuesday' };
    expect(await main(['build', '--root', root, '--out', path.join(root, 'x')], env)).toBe(2);
    expect(env.stderrText).toContain('SOURCE_DATE_EPOCH must be whole seconds');
  });
});

describe('incremental builds', () => {
  it('a new day re-renders the follow-ups and no incident; an edited action item reaches them from the cache', async () => {
    const out = path.join(root, 'inc');
    const first = await buildSite({ root, out, today: '2023-01-01', threads: 1 });
    expect(first.written).toBe(true);
    const before = JSON.parse(readFileSync(path.join(out, 'follow-ups.json'), 'utf8'));
    const insights = readFileSync(path.join(out, 'insights.json'), 'utf8');

    const next = await buildSite({ root, out, today: '2025-06-30', threads: 1 });
    expect(next.stats).toMatchObject({ incremental: true, rendered: 0 });
    const after = JSON.parse(readFileSync(path.join(out, 'follow-ups.json'), 'utf8'));
    expect(after.today).toBe('2025-06-30');
    expect(after.overdue).toBeGreaterThan(before.overdue);
    expect(readFileSync(path.join(out, 'insights.json'), 'utf8')).toBe(insights);

    // check off one open item in one post: only that post is rendered again
    const target = model.find((i) => !i.draft && i.actions.some((a) => !a.done))!;
    const file = path.join(root, 'posts', `${target.slug}.md`);
    const open = target.actions.find((a) => !a.done)!;
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('- [ ]') && l.includes(open.text))!;
    writeFileSync(file, text.replace(line, line.replace('- [ ]', '- [x]')));
    const edited = await buildSite({ root, out, today: '2025-06-30', threads: 1 });
    expect(edited.stats).toMatchObject({ incremental: true, rendered: 1 });
    const final = JSON.parse(readFileSync(path.join(out, 'follow-ups.json'), 'utf8'));
    expect(final.open).toBe(after.open - 1);
    expect(final.items.find((i: { text: string; incident: { slug: string } }) => i.text === open.text && i.incident.slug === target.slug).done).toBe(true);
  });
});
