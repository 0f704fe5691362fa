/**
 * Build worker process entry (pool.ts): set up once, then process batches of incident
 * files into the staging folder, replying after each file (the pool's watchdog tells a
 * stuck file from a slow batch by those replies). Leaves when the parent disconnects,
 * so a killed build leaves no worker behind.
 */
import { setupSite, type SiteSetup } from './setup.js';
import { readAndProcess } from './examine.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { DirSink } from '../write/staging.js';
import { NewestBodies } from '../outputs/feed-newest.js';
import type { IncidentSummary } from '../render/types.js';

let state: { setup: SiteSetup; siteKey: string; sink: DirSink } | null = null;
const newest = new NewestBodies<IncidentSummary>();
const reply = (message: WorkerReply): void => void process.send?.(message);
/** A batch runs without turning the event loop, so a killed parent is also noticed by its pid. */
const parent = process.ppid;
const orphaned = (): boolean => !process.connected || process.ppid !== parent;
const exitIfOrphaned = (): void => {
  if (orphaned()) process.exit(0);
};

process.on('disconnect', () => process.exit(0));
process.on('message', (request: WorkerRequest) => {
  if ('check' in request) {
    // `pm serve`'s background check (serve/start-report.ts): a process of its own, stopped on close,
    // and gone with its parent (checked after each incident: a check does not turn the event loop)
    void import('../check/site.js')
      .then(({ checkSite }) => checkSite({ ...request.check, onIncident: exitIfOrphaned }))
      .then(
        (r) => reply({ checked: r.diagnostics }),
        (e: unknown) => reply({ error: e instanceof Error ? e.message : String(e) }),
      );
    return;
  }
  if ('init' in request) {
    const { setup, siteKey, staging, specs } = request.init;
    try {
      state = { setup: setupSite(setup), siteKey, sink: new DirSink(staging) };
      Object.assign(state.setup.site.renderer.specs, specs);
      reply({ ready: true });
    } catch (e) {
      reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
    return;
  }
  void (async () => {
    try {
      if (!state) throw new Error('build worker used before init');
      const { setup, siteKey, sink } = state;
      for (const file of request.files) {
        // No probe thread here: the pool's watchdog stops this whole process instead.
        const r = await readAndProcess(setup.root, file, setup.site, siteKey, { timeGuard: false });
        if (orphaned()) process.exit(0);
        sink.put(r.pages);
        // Pages are on disk already: send back their paths only, and a post's body only when
        // the feeds may carry it (feed-newest.ts).
        const summary = r.summary ? { ...r.summary, contentHtml: newest.add(r.summary).kept ? r.summary.contentHtml : '' } : null;
        reply({ result: { ...r, summary, pages: r.pages.map((p) => ({ path: p.path, contents: '' })) } });
      }
    } catch (e) {
      reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  })();
});
