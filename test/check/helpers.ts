import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes `files` (path → text, relative to a fresh root) and returns the root. */
export function makeSite(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pm-check-'));
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

/** A complete post-mortem with every default section; `extra` is appended to the body. */
export function post(opts: { title?: string; tags?: string; front?: string; body?: string; actions?: string } = {}): string {
  return [
    '---',
    `title: ${opts.title ?? 'Disk full'}`,
    'timezone: UTC',
    ...(opts.tags ? [`tags: ${opts.tags}`] : []),
    ...(opts.front ? [opts.front] : []),
    '---',
    '',
    '## Summary',
    '',
    'The disk filled up.',
    '',
    '## Impact',
    '',
    'Builds failed.',
    '',
    '## Timeline',
    '',
    '- 2024-04-09 10:00 [T0] Disk at 100%',
    '- 2024-04-09 11:00 [resolved] Cleaned up',
    '',
    '## Root cause',
    '',
    'Logs were never rotated.',
    '',
    '## Action items',
    '',
    opts.actions ?? '- [ ] ana: rotate logs (due 2024-05-01)',
    '',
    ...(opts.body ? [opts.body, ''] : []),
  ].join('\n');
}
