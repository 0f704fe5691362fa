import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildSite } from '../../src/build/build.js';
import { captureIO, tempDir } from './helpers.js';

let root: string;
let cwd: string;
beforeEach(() => {
  root = tempDir('pm-new-forms-');
  cwd = process.cwd();
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

const run = (args: string[]) => {
  const io = captureIO();
  return main(args, io).then((code) => ({ code, out: io.stdout, err: io.stderrText }));
};

describe('pm new incident: --date as touch -t writes it, and --bundle', () => {
  it('a touch-style --date gives the right file name, date and T0, and the template times follow it', async () => {
    const r = await run(['new', 'incident', 'Gateway lost IPv6', '--date', '201811132020.33', '--timezone', 'America/Chicago']);
    expect(r).toMatchObject({ code: 0, out: 'posts/2018-11-13-gateway-lost-ipv6.md\n' });
    const text = readFileSync(path.join(root, 'posts', '2018-11-13-gateway-lost-ipv6.md'), 'utf8');
    expect(text).toMatch(/^date: "?201811132020\.33"?$/m);
    expect(text).toContain('- 2018-11-13 20:20 [detected]');
    const { incidents, diagnostics } = await buildSite({ root, write: false });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    // 20:20:33 CST is 02:20:33 UTC the next day
    expect(incidents[0]).toMatchObject({ slug: '2018-11-13-gateway-lost-ipv6', date: Date.UTC(2018, 10, 14, 2, 20, 33), t0Iso: '2018-11-14T02:20:00.000Z' });
  });

  it('a --date with a time puts that time on the template entries; a day alone keeps 00:00', async () => {
    await run(['new', 'incident', 'Late', '--date', '2026-03-04T23:45']);
    expect(readFileSync(path.join(root, 'posts', '2026-03-04-late.md'), 'utf8')).toContain('- 2026-03-04 23:45 [resolved]');
    await run(['new', 'incident', 'Early', '--date', '2026-03-05']);
    expect(readFileSync(path.join(root, 'posts', '2026-03-05-early.md'), 'utf8')).toContain('- 2026-03-05 00:00 [detected]');
  });

  it('--bundle writes posts/<date>-<slug>/index.md, which builds as that slug', async () => {
    const r = await run(['new', 'incident', 'Disk full', '--date', '2026-03-04', '--bundle']);
    expect(r).toMatchObject({ code: 0, out: 'posts/2026-03-04-disk-full/index.md\n' });
    const { incidents } = await buildSite({ root, write: false });
    expect(incidents.map((i) => i.slug)).toEqual(['2026-03-04-disk-full']);
  });

  it('never makes a second incident with the same slug in the other form', async () => {
    await run(['new', 'incident', 'Disk full', '--date', '2026-03-04', '--bundle']);
    const single = await run(['new', 'incident', 'Disk full', '--date', '2026-03-04']);
    expect(single.code).toBe(1);
    expect(single.err).toContain('posts/2026-03-04-disk-full/index.md already exists');
    expect(existsSync(path.join(root, 'posts', '2026-03-04-disk-full.md'))).toBe(false);
    const again = await run(['new', 'incident', 'Disk full', '--date', '2026-03-04', '--bundle']);
    expect(again.code).toBe(1);
  });
});
