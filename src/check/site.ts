/**
 * checkSite: every diagnostic of a site, for `pm check` and CI. It runs the build's own
 * engine (build/engine.ts) with a writer that keeps only page paths, so it reports exactly
 * what `pm build` would — limits, front-matter, timelines, sources, slugs, copies, local
 * links against every output — except the search index's (never made here), and adds the
 * rules of this folder: on each incident's parsed form as the engine examines it (rows.ts),
 * then the site-wide ones (links between incidents, tag spellings) on what is kept of all:
 * memory stays flat as sites grow.
 *
 * With `store` (pm serve's background check) the engine keeps its cache there and the rows
 * beside it: a second check examines only the incidents whose text or logs changed.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { setupSite, type SetupOptions, type SiteSetup } from '../build/setup.js';
import { runEngine } from '../build/engine.js';
import { MemoryWriter } from '../build/writers.js';
import { openCache } from '../build/store/cache.js';
import { signerFor } from '../build/store/cache-sign.js';
import { plainDir } from '../build/store/cache-files.js';
import { checkLinkRefs, checkLinks, type LinkOwner, type LinkRef } from './links.js';
import { checkPageLinks } from './page-links.js';
import { PathsWriter } from './paths-writer.js';
import { incidentRules, loadRows, rowOf, saveRows, type CheckRow } from './rows.js';
import { checkTags, type TagOwner } from './tags.js';
import type { CheckContext, CheckIncident } from './types.js';

export interface CheckOptions extends SetupOptions {
  /** `YYYY-MM-DD`: report open action items due before this day. Default: no past-due check. */
  today?: string | null;
  /** A folder of pm's own where the check keeps what it found, so the next one examines only what changed. */
  store?: string;
  /** Called after each incident is examined (a background check's worker stops there when its parent is gone). */
  onIncident?: (file: string) => void;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Incident files checked. */
  incidents: number;
}

export async function checkSite(options: CheckOptions = {}): Promise<CheckResult> {
  const setup = setupSite({ ...options, drafts: options.drafts ?? true });
  const { root, files, config } = setup;
  const today = options.today ?? null;
  const signer = options.store ? signerFor(root) : null;
  const kept = options.store && signer && plainFolder(options.store) ? { dir: options.store, signer } : null;
  const store = kept ? openCache(root, kept.dir) : null;
  const stored = kept ? loadRows(kept.dir, kept.signer, today) : new Map<string, CheckRow>();
  const rows = new Map<string, CheckRow>();
  const onExamined = (examined: Parameters<typeof rowOf>[0]): void => {
    rows.set(examined.result.file, rowOf(examined, config, today));
    options.onIncident?.(examined.result.file);
  };
  const memory = new MemoryWriter(false, false); // page paths only: what check/dead-link may point at
  const writer = store && kept ? new PathsWriter(path.join(kept.dir, 'out')) : memory;
  const run = await runEngine(setup, { ...options, store, writer: () => writer, threads: 1, onExamined });
  const entries = run.state?.entries ?? {};
  const outputs = run.state ? new Set([...Object.values(entries).flatMap((e) => e.pages), ...Object.keys(run.state.site)]) : new Set(memory.pages.keys());
  // Rows of the incidents the engine's store spared: kept ones, else examined now (a lost or old rows file).
  const missing = files.filter((f) => !rows.has(f) && !(entries[f] && stored.get(f)?.key === entries[f].key));
  for (const f of files) if (!rows.has(f) && !missing.includes(f)) rows.set(f, stored.get(f)!);
  if (missing.length) {
    const { examineIncident } = await import('../build/examine.js');
    for (const f of missing) onExamined(await examineIncident(root, f, setup.site, run.state?.siteKey ?? ''));
  }
  if (kept && (missing.length || rows.size !== stored.size || files.some((f) => stored.get(f) !== rows.get(f)))) saveRows(kept.dir, kept.signer, today, rows);
  const found = siteRules(
    files.map((f) => rows.get(f)!).filter((r) => r.found),
    config,
    today,
    files,
    outputs,
  );
  return { diagnostics: sortDiagnostics([...found, ...withoutSuperseded(run.result.diagnostics, found)]), incidents: files.length };
}

/** The rows' own diagnostics, then the rules across incidents: links between them, tag spellings. */
function siteRules(
  list: readonly CheckRow[],
  config: SiteSetup['config'],
  today: string | null,
  files: readonly string[],
  outputs: ReadonlySet<string>,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const links: Array<{ owner: LinkOwner; refs: LinkRef[] }> = [];
  const tagged: TagOwner[] = [];
  for (const { found: f } of list) {
    if (!f) continue;
    found.push(...f.own);
    links.push({ owner: { file: f.tags.file, slug: f.slug }, refs: f.refs });
    tagged.push(f.tags);
  }
  const ctx = checkContext(
    config,
    today,
    links.map((l) => l.owner.slug),
    files,
  );
  for (const { owner, refs } of links) found.push(...checkLinkRefs(owner, refs, ctx));
  const tagSlugs = new Set(tagged.flatMap((t) => t.tags.map((tag) => tag.slug)));
  for (const { owner, refs } of links) found.push(...checkPageLinks(owner, refs, { urls: config.urls, slugs: ctx.slugs, tagSlugs, copied: outputs }));
  found.push(...checkTags(tagged));
  return found;
}

/**
 * The build's diagnostics, less a missing-target warning where a rule of this folder says
 * more at the same place (a link to an incident that does not exist is check/broken-link).
 */
function withoutSuperseded(built: readonly Diagnostic[], own: readonly Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;
  const links = new Set(own.filter((d) => d.rule === 'check/broken-link' || d.rule === 'check/dead-link').map(at));
  return built.filter((d) => d.rule !== 'link/missing-target' || !links.has(at(d)));
}

function checkContext(config: SiteSetup['config'], today: string | null, slugs: readonly string[], files: readonly string[]): CheckContext {
  return { requiredSections: config.requiredSections, urls: config.urls, today, slugs: new Set(slugs), files: new Set(files) };
}

/** The rules of src/check over already parsed incidents (no disk). */
export function checkIncidents(list: readonly CheckIncident[], ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { incident, events } of list) {
    out.push(...incidentRules(incident, events, ctx.requiredSections, ctx.today));
    out.push(...checkLinks(incident, ctx));
  }
  out.push(...checkTags(list.map((c) => c.incident)));
  return out;
}

/** Makes the store's folder; false when it is anything but a real folder (a planted link: no store then). */
function plainFolder(dir: string): boolean {
  try {
    plainDir(dir);
    return true;
  } catch {
    return false;
  }
}
