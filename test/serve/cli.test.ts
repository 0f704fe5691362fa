import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../cli/helpers.js';
import { copyFixture } from './helpers.js';

describe('pm serve (command)', () => {
  it('serves until SIGINT, then closes and exits 0', async () => {
    const io = captureIO();
    const done = main(['serve', '--root', copyFixture(), '--port', '0'], io);
    for (let i = 0; i < 200 && !io.stderrText.includes('serving '); i++) await new Promise((r) => setTimeout(r, 20));
    const url = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(io.stderrText)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(url!)).status).toBe(200);
    process.emit('SIGINT');
    expect(await done).toBe(0);
    await expect(fetch(url!)).rejects.toThrow();
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('wrong usage exits 2', async () => {
    const io = captureIO();
    expect(await main(['serve', '--port', 'eighty'], io)).toBe(2);
    expect(io.stderrText).toContain('--port must be a number');
    expect(await main(['serve', '--prot', '1'], captureIO())).toBe(2);
  });

  it('--help lists the options', async () => {
    const io = captureIO();
    expect(await main(['serve', '--help'], io)).toBe(0);
    expect(io.stdout).toContain('--strict-port');
    expect(io.stdout).toContain('--drafts');
  });
});
