import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RebuildEvent, ServeHandle } from '../../src/serve/server.js';

export const FIXTURE = path.resolve(import.meta.dirname, '..', 'fixtures', 'site-basic');

/** A fresh copy of the small fixture site (tests edit it). */
export function copyFixture(): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'pm-serve-')), 'site');
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

/** The next rebuild event that `accept` takes, or a timeout error. */
export function nextRebuild(handle: ServeHandle, accept: (e: RebuildEvent) => boolean = () => true, timeoutMs = 10_000): Promise<RebuildEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      handle.events.off('rebuild', on);
      reject(new Error('no rebuild within the time limit'));
    }, timeoutMs);
    const on = (e: RebuildEvent): void => {
      if (!accept(e)) return;
      clearTimeout(timer);
      handle.events.off('rebuild', on);
      resolve(e);
    };
    handle.events.on('rebuild', on);
  });
}

/** Reads server-sent events from `url` into `messages` until `stop()`. */
export async function sseClient(url: string): Promise<{ messages: Array<{ event: string; data: string }>; stop(): void }> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const messages: Array<{ event: string; data: string }> = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) messages.push({ event, data });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { messages, stop: () => controller.abort() };
}
