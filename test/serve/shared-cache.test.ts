import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { serveSite } from '../../src/serve/server.js';
import { ServeBusyError } from '../../src/serve/serve-lock.js';
import { copyFixture } from './helpers.js';

// pm build, pm serve and serve's background check each keep a store in .pm-cache/ (the build's,
// serve/ and serve/check/): none may rewrite another's files, and one server at a time owns serve/.
let root = '';
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const lockFile = (): string => path.join(root, '.pm-cache', 'serve', 'serve.lock');

describe('pm serve beside pm build and another pm serve', () => {
  it('keeps pm build’s local-link warnings for incidents it reuses after a serve ran', async () => {
    root = copyFixture();
    const post = path.join(root, 'posts', '2020-09-02-outbound.md');
    writeFileSync(post, readFileSync(post, 'utf8') + '\n![graph](img/nowhere.png)\n');
    const out = path.join(path.dirname(root), 'dist');
    const missing = (d: string[]): string[] => d.filter((l) => l.includes('img/nowhere.png'));
    const first = await buildSite({ root, out });
    expect(missing(first.diagnostics.map(formatDiagnostic))).toHaveLength(1);
    const h = await serveSite({ root, port: 0, watch: false });
    await h.checked;
    await h.close();
    // another incident changes: pm build reuses the outbound one from its cache, with its links
    const other = path.join(root, 'posts', '2021-05-01-draft.md');
    writeFileSync(other, readFileSync(other, 'utf8') + '\nOne more line.\n');
    const second = await buildSite({ root, out });
    expect(second.stats.incremental).toBe(true);
    expect(missing(second.diagnostics.map(formatDiagnostic))).toEqual(missing(first.diagnostics.map(formatDiagnostic)));
  });

  it('refuses a second server on the same site, naming the first one’s pid, and takes over a dead one’s lock', async () => {
    root = copyFixture();
    const first = await serveSite({ root, port: 0, watch: false });
    try {
      await expect(serveSite({ root, port: 0, watch: false })).rejects.toThrow(ServeBusyError);
      // a lock of another live process (this test's parent) names its pid
      writeFileSync(lockFile(), `${process.ppid}\n`);
      await expect(serveSite({ root, port: 0, watch: false })).rejects.toThrow(`another pm serve (pid ${process.ppid}) is serving this site`);
    } finally {
      writeFileSync(lockFile(), `${process.pid}\n`);
      await first.close();
    }
    expect(existsSync(lockFile())).toBe(false);
    // a server killed hard leaves its lock: the next start takes it over
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    mkdirSync(path.dirname(lockFile()), { recursive: true });
    writeFileSync(lockFile(), `${gone}\n`);
    const next = await serveSite({ root, port: 0, watch: false });
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    await next.close();
  });
});
