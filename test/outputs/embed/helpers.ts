/** A small site in a temp folder for the embed tests: one incident with milestones, an internal entry and a payload. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuildOptions } from '../../../src/build/build.js';

export const INCIDENT = [
  '---',
  'title: "DB <failover> & \'friends\'"',
  'date: 2024-03-10',
  'timezone: America/New_York',
  'severity: SEV2',
  'status: resolved',
  '---',
  '',
  '## Timeline',
  '',
  '- 2024-03-10 01:30 [T0] replication lag starts',
  '- 2024-03-10 01:40 [detected] pager fires: `lag > 60s` <iframe src="https://evil.example/" onload=alert(1)></iframe>',
  '- 2024-03-10 03:10 [internal] paged the wrong person',
  '- 2024-03-10 03:20 [acknowledged] on-call takes it',
  '- 2024-03-10 03:50 [mitigated] traffic moved to the replica',
  '- 2024-03-10 04:30 [resolved] primary rebuilt',
  '',
].join('\n');

export const SLUG = '2024-03-10-db-failover';

/** Writes the site and returns its root. */
export function makeSite(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pm-embed-unit-'));
  mkdirSync(path.join(root, 'posts'));
  writeFileSync(path.join(root, 'posts', `${SLUG}.md`), INCIDENT);
  return root;
}

export async function build(root: string, options: BuildOptions = {}): Promise<Map<string, string>> {
  const r = await buildSite({ root, write: false, ...options });
  const errors = r.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.message).join('\n'));
  return new Map(r.pages.map((p) => [p.path, String(p.contents)]));
}

export function get(pages: Map<string, string>, file: string): string {
  const found = pages.get(file);
  if (found === undefined) throw new Error(`no ${file}; have ${[...pages.keys()].join(', ')}`);
  return found;
}
