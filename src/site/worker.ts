/**
 * Build worker process entry (pool.ts): set up once, then process batches of incident
 * files into the staging folder. Leaves when the parent disconnects, so a killed build
 * leaves no worker behind.
 */
import { setupSite, type IncidentResult, type SiteSetup } from './pipeline.js';
import { readAndProcess } from './process.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { DirSink } from './write.js';
import { NewestBodies } from './feed-newest.js';
import type { IncidentSummary } from './types.js';

let state: { setup: SiteSetup; siteKey: string; sink: DirSink } | null = null;
const newest = new NewestBodies<IncidentSummary>();
const reply = (message: WorkerReply): void => void process.send?.(message);
/** A batch runs without turning the event loop, so a killed parent is also noticed by its pid. */
const parent = process.ppid;
const orphaned = (): boolean => !process.connected || process.ppid !== parent;

process.on('disconnect', () => process.exit(0));
process.on('message', (request: WorkerRequest) => {
  if ('init' in request) {
    const { setup, siteKey, staging, specs } = request.init;
    state = { setup: setupSite(setup), siteKey, sink: new DirSink(staging) };
    Object.assign(state.setup.site.renderer.specs, specs);
    return;
  }
  void (async () => {
    try {
      if (!state) throw new Error('build worker used before init');
      const { setup, siteKey, sink } = state;
      const results: IncidentResult[] = [];
      for (const file of request.files) {
        const r = await readAndProcess(setup.root, file, setup.site, siteKey);
        if (orphaned()) process.exit(0);
        sink.put(r.pages);
        // Pages are on disk already: send back their paths only, and a post's body only when
        // the feeds may carry it (feed-newest.ts).
        const summary = r.summary ? { ...r.summary, contentHtml: newest.add(r.summary).kept ? r.summary.contentHtml : '' } : null;
        results.push({ ...r, summary, pages: r.pages.map((p) => ({ path: p.path, contents: '' })) });
      }
      reply({ results });
    } catch (e) {
      reply({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  })();
});
