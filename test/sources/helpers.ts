import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource } from '../../src/sources/read.js';
import type { SourceResult, SourceSpec } from '../../src/sources/types.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Reads a fixture as a source; the displayed file is `posts/x/<name>`. */
export function readFixture(name: string, spec: Partial<SourceSpec> = {}, ctx: { zone?: string; year?: number } = {}): Promise<SourceResult> {
  return readSource({ path: name, ...spec }, { absPath: path.join(FIXTURES, name), file: `posts/x/${name}`, zone: ctx.zone ?? 'UTC', year: ctx.year ?? 2017 });
}

export function iso(ms: number): string {
  return new Date(Math.floor(ms)).toISOString();
}

export function rules(r: SourceResult): string[] {
  return r.diagnostics.map((d) => `${d.line}:${d.level}:${d.rule}`);
}
