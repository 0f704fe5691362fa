/** Worker thread entry: processes batches of incident files into the staging folder. */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndProcess, setupSite, type IncidentResult, type SetupOptions } from './pipeline.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { DirSink } from './write.js';

const data = workerData as { setup: SetupOptions; siteKey: string; staging: string };
const { root, site } = setupSite(data.setup);
const sink = new DirSink(data.staging);

parentPort?.on('message', (request: WorkerRequest) => {
  void (async () => {
    try {
      const results: IncidentResult[] = [];
      for (const file of request.files) {
        const r = await readAndProcess(root, file, site, data.siteKey);
        await sink.put(r.pages);
        // Pages are on disk already: send back their paths only. Post bodies stay here too;
        // the main thread renders again the few the feeds need (disk-build.ts).
        const summary = r.summary ? { ...r.summary, contentHtml: '' } : null;
        results.push({ ...r, summary, pages: r.pages.map((p) => ({ path: p.path, contents: '' })) });
      }
      await sink.flush();
      parentPort?.postMessage({ results } satisfies WorkerReply);
    } catch (e) {
      parentPort?.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply);
    }
  })();
});
