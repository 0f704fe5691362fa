// Driving the built `pm serve` from outside, as a user would: spawn `node lib/pm/main.js
// serve` on a port picked here (so requests can start at once: with --port 0 the port is
// known only when the CLI prints its URL, which today is after the whole site is built),
// poll a URL until it answers 200, listen to the live-reload events like an open tab, stop
// the server and everything it started.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { cli, sleep } from './report.mjs';

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `pm serve --root ROOT --port P --strict-port` in its own process group. `t0` is
 * performance.now() just before the spawn; `log()` is its stderr so far (the last 64 KB).
 */
export async function startServe(root, env = {}) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--root', root, '--port', String(port), '--strict-port'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    err = (err + d).slice(-65536);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    t0,
    url: `http://127.0.0.1:${port}/`,
    log: () => err,
    exited,
    /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the server is gone. */
    async stop(graceMs = 5000) {
      const group = (sig) => {
        try {
          process.kill(-child.pid, sig);
        } catch {
          // already gone
        }
      };
      group('SIGTERM');
      const t = setTimeout(() => group('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
      group('SIGKILL'); // workers the server may have left behind
    },
  };
}

/** GET once: status and body, or status 0 when nothing listens yet. */
export function get(url, timeoutMs = 300_000) {
  return new Promise((resolve) => {
    const req = http.get(url, { headers: { 'cache-control': 'no-store' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.setTimeout(timeoutMs, () => req.destroy());
    req.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/**
 * Polls `url` every `everyMs` until it answers 200 (and `accept(body)` when given); resolves
 * with performance.now() at the answer. Rejects after `timeoutMs` or when `exited` settles.
 */
export async function waitOk(url, { everyMs = 20, timeoutMs = 600_000, accept, exited } = {}) {
  const until = performance.now() + timeoutMs;
  let gone = false;
  exited?.then(() => (gone = true));
  for (;;) {
    const r = await get(url);
    const at = performance.now();
    if (r.status === 200 && (!accept || accept(r.body))) return { at, body: r.body };
    if (gone) throw new Error(`the server exited before ${url} answered`);
    if (at > until) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last status ${r.status})`);
    await sleep(everyMs);
  }
}

/**
 * A live-reload client (the `/__pm/events` stream an open page listens to) that timestamps
 * every `reload` event on arrival. `next(accept)` resolves with the arrival time of the next
 * event that `accept({all, paths})` takes.
 */
export function listenReloads(url) {
  const waiters = new Set();
  let connected;
  const ready = new Promise((r) => (connected = r));
  const req = http.get(`${url}__pm/events`, (res) => {
    connected();
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      const at = performance.now();
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!/^event: reload$/m.test(block) || !data) continue;
        const msg = { at, ...JSON.parse(data) };
        for (const w of [...waiters]) w(msg);
      }
    });
  });
  req.on('error', () => undefined);
  return {
    ready,
    next(accept, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const w = (msg) => {
          if (!accept(msg)) return;
          clearTimeout(t);
          waiters.delete(w);
          resolve(msg.at);
        };
        const t = setTimeout(() => {
          waiters.delete(w);
          reject(new Error('no matching reload event within the time limit'));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    close: () => req.destroy(),
  };
}
