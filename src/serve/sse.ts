/** Server-sent events to every open page: `event: reload` with the changed paths. */
import type { ServerResponse } from 'node:http';

export interface ReloadMessage {
  /** Reload every page (theme/config change, errors appeared or went away). */
  all: boolean;
  /** Output paths whose bytes changed (`incidents/x/index.html`). */
  paths: string[];
}

/** How many past messages a page that connects late can catch up on. */
const KEPT = 256;

/**
 * Every message has a number. A page is served with the number of the last message before it
 * (inject.ts) and connects with `?since=N`: what was sent between serving the page and its
 * connection (a reload while it was still loading) is sent to it again, so no edit is missed.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private sent: Array<{ seq: number; message: ReloadMessage }> = [];
  private last = 0;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 25_000) {
    // A comment line now and then keeps proxies and idle timeouts from closing the stream.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** The number of the last message sent. */
  get seq(): number {
    return this.last;
  }

  /** `since`: the number the page was served with (null: catch up on nothing). */
  attach(res: ServerResponse, since: number | null = null): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 500\n\n');
    // since > last: the page came from an earlier server, which it notices and reloads for
    if (since !== null && since < this.last) {
      const missed = this.sent.filter((m) => m.seq > since);
      const complete = missed.length === this.last - since;
      for (const m of complete ? missed.map((m) => m.message) : [{ all: true, paths: [] }]) res.write(frame(m));
    }
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  reload(message: ReloadMessage): void {
    this.last++;
    this.sent.push({ seq: this.last, message });
    if (this.sent.length > KEPT) this.sent = this.sent.slice(-KEPT);
    this.write(frame(message));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}

function frame(message: ReloadMessage): string {
  return `event: reload\ndata: ${JSON.stringify(message)}\n\n`;
}
