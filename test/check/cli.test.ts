import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO } from '../cli/helpers.js';
import { makeSite, post } from './helpers.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO();
  const code = await main(['check', ...args], io);
  return { code, out: io.stdout, err: io.stderrText };
}

const clean = (): string => makeSite({ 'posts/2024-04-09-disk.md': post() });
const warned = (): string => makeSite({ 'posts/2024-04-09-disk.md': post({ actions: '- [ ] rotate logs, 50%: soon' }) });
const broken = (): string => makeSite({ 'posts/2024-04-09-disk.md': post({ body: 'See [x](../gone/).' }) });

describe('pm check', () => {
  it('exits 0 and prints nothing on stdout for a clean site', async () => {
    const r = await run(['--root', clean()]);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toBe('1 incident checked: 0 errors, 0 warnings\n');
  });

  it('text format: file:line:column: level: rule: message; warnings exit 0, or 1 with --strict', async () => {
    const root = warned();
    const r = await run(['--root', root]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'posts/2024-04-09-disk.md:25:1: warning: check/action-owner: action item "rotate logs, 50%: soon" has no owner: write "- [ ] name: what to do (due YYYY-MM-DD)"\n',
    );
    expect((await run(['--root', root, '--strict'])).code).toBe(1);
  });

  it('errors exit 1', async () => {
    const r = await run(['--root', broken()]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^posts\/2024-04-09-disk\.md:27:5: error: check\/broken-link: /);
  });

  it('json format: an array of diagnostics', async () => {
    const r = await run(['--root', broken(), '--format', 'json']);
    const list = JSON.parse(r.out) as unknown[];
    expect(list).toEqual([
      {
        level: 'error',
        file: 'posts/2024-04-09-disk.md',
        line: 27,
        column: 5,
        rule: 'check/broken-link',
        message: 'link "../gone/" points to no incident: no incident has the slug "gone"',
      },
    ]);
    expect(JSON.parse((await run(['--root', clean(), '--format', 'json'])).out)).toEqual([]);
  });

  it('github format: workflow annotations with properties and message escaped', async () => {
    const r = await run(['--root', warned(), '--format', 'github']);
    expect(r.out).toBe(
      '::warning file=posts/2024-04-09-disk.md,line=25,col=1,title=check/action-owner::action item "rotate logs, 50%25: soon" has no owner: write "- [ ] name: what to do (due YYYY-MM-DD)"\n',
    );
    const e = await run(['--root', broken(), '--format', 'github']);
    expect(e.out).toMatch(/^::error file=posts\/2024-04-09-disk\.md,line=27,col=5,title=check\/broken-link::link "\.\.\/gone\/"/);
    expect(e.code).toBe(1);
  });

  it('--today turns on the past-due check', async () => {
    const root = clean();
    expect((await run(['--root', root, '--strict'])).code).toBe(0);
    const r = await run(['--root', root, '--today', '2024-05-02', '--strict']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('warning: check/action-overdue: action item "rotate logs" (ana) was due 2024-05-01 and is still open on 2024-05-02');
  });

  it('wrong usage exits 2', async () => {
    expect((await run(['--root', clean(), '--format', 'xml'])).code).toBe(2);
    const bad = await run(['--root', clean(), '--today', '2024-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--today must be a day written YYYY-MM-DD');
    expect((await run(['--stirct'])).err).toContain('did you mean --strict?');
  });
});
