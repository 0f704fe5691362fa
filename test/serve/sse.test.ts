/**
 * A page that reloads connects to the event stream a moment after it was served: a reload sent
 * in between (a second save while the page was loading) must still reach it, or the page shows
 * an error overlay for a file that was fixed since. The page is served with the number of the
 * last message and connects with ?since=N; the hub sends it what it missed.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../src/serve/sse.js';

function client(): { res: ServerResponse; reloads: () => unknown[] } {
  let text = '';
  const res = {
    writeHead: () => res,
    write: (chunk: string) => ((text += chunk), true),
    on: () => res,
    end: () => undefined,
  } as unknown as ServerResponse;
  const reloads = (): unknown[] => [...text.matchAll(/event: reload\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as unknown);
  return { res, reloads };
}

describe('EventHub catch-up', () => {
  it('sends a page what was sent after it was served, and nothing it already had', () => {
    const hub = new EventHub();
    hub.reload({ all: true, paths: [] });
    const servedAt = hub.seq; // the page is served now…
    hub.reload({ all: false, paths: ['index.html'] }); // …a save lands before it connects
    const late = client();
    hub.attach(late.res, servedAt);
    expect(late.reloads()).toEqual([{ all: false, paths: ['index.html'] }]);
    const current = client();
    hub.attach(current.res, hub.seq);
    expect(current.reloads()).toEqual([]);
    hub.reload({ all: false, paths: ['a.html'] });
    expect(late.reloads()).toHaveLength(2);
    expect(current.reloads()).toEqual([{ all: false, paths: ['a.html'] }]);
    hub.close();
  });

  it('a page too far behind reloads everything; one from an earlier server gets nothing (it reloads on its own)', () => {
    const hub = new EventHub();
    for (let i = 0; i < 300; i++) hub.reload({ all: false, paths: [`p${i}.html`] });
    const behind = client();
    hub.attach(behind.res, 1);
    expect(behind.reloads()).toEqual([{ all: true, paths: [] }]);
    const other = client();
    hub.attach(other.res, 5000);
    expect(other.reloads()).toEqual([]);
    const plain = client();
    hub.attach(plain.res);
    expect(plain.reloads()).toEqual([]);
    hub.close();
  });
});
