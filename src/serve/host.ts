/**
 * Which `Host:` headers `pm serve` answers (DNS rebinding protection).
 *
 * A page on evil.example can point its own name at 127.0.0.1 and then read the dev
 * server from the browser: the request arrives with `Host: evil.example:PORT`. The
 * server answers only the names it listens on — 127.0.0.1, localhost, [::1], the
 * host named with `--host` — at its own port. Listening on every interface
 * (`--host 0.0.0.0` or `::`) also accepts IP literals (a rebinding attack needs a
 * name, so an address is never one), which is how other machines on a LAN reach it.
 */
import { isIP } from 'node:net';

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** `evil.example:4000` → {name: 'evil.example', port: 4000}; `[::1]:80` → {name: '::1', port: 80}. */
export function parseHostHeader(value: string): { name: string; port: number } | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  const name = (m[1] ?? m[2] ?? '').toLowerCase();
  if (m[1] !== undefined && isIP(name) !== 6) return null;
  const port = m[3] === undefined ? 80 : Number(m[3]);
  return port <= 65535 ? { name, port } : null;
}

/**
 * A check for one server: `listenHost` is what it listens on (the `--host` value),
 * `port()` the port it got (known only once it listens).
 */
export function hostChecker(listenHost: string, port: () => number): (header: string | undefined) => boolean {
  const own = listenHost.replace(/^\[|\]$/g, '').toLowerCase();
  const names = new Set([...LOOPBACK, own]);
  const anyAddress = WILDCARD.has(own);
  return (header) => {
    if (header === undefined) return false;
    const h = parseHostHeader(header);
    if (!h || h.port !== port()) return false;
    return names.has(h.name) || (anyAddress && isIP(h.name) !== 0);
  };
}
