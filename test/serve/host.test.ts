/**
 * pm serve as seen by an attacker's web page: DNS rebinding (a request to the dev
 * server carrying the attacker's Host) and open redirects (`//evil.example/...`).
 * Requests are sent raw with node:http so the Host header and the request target
 * are exactly what a browser or a crafted link would send.
 */
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostChecker, parseHostHeader } from '../../src/serve/host.js';
import { serveSite, type ServeHandle } from '../../src/serve/server.js';
import { copyFixture } from './helpers.js';

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

function get(port: number, target: string, host: string | null, address = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = host === null ? {} : { host };
    const req = request({ host: address, port, path: target, method: 'GET', headers, setHost: host !== null }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pm serve answers only its own host', () => {
  let root: string;
  let h: ServeHandle;
  beforeAll(async () => {
    root = copyFixture();
    h = await serveSite({ root, port: 0, drafts: true, watch: false });
  });
  afterAll(async () => {
    await h.close();
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('answers the names it listens on, at its port', async () => {
    for (const host of [`127.0.0.1:${h.port}`, `localhost:${h.port}`, `LOCALHOST:${h.port}`]) {
      const a = await get(h.port, '/incidents/2021-05-01-draft/', host);
      expect([host, a.status]).toEqual([host, 200]);
      expect(a.body).toContain('Work in progress.');
    }
  });

  it('refuses a rebinding page: its own name, another port, no Host at all', async () => {
    for (const host of [
      `evil.example:${h.port}`,
      'evil.example',
      `127.0.0.1.evil.example:${h.port}`,
      `localhost.evil.example:${h.port}`,
      `127.0.0.1:${h.port + 1}`,
      `localhost:${h.port}@evil.example`,
      `evil.example:${h.port}, localhost:${h.port}`,
    ]) {
      for (const target of ['/incidents/2021-05-01-draft/', '/incidents/2021-05-01-draft/timeline.json', '/__pm/events', '/__pm/client.js']) {
        const a = await get(h.port, target, host);
        expect([host, target, a.status]).toEqual([host, target, 421]);
        expect(a.body).not.toContain('Work in progress');
      }
    }
    // no Host header at all: Node itself answers 400 to HTTP/1.1, pm 421 otherwise
    const bare = await get(h.port, '/incidents/2021-05-01-draft/', null);
    expect([400, 421]).toContain(bare.status);
    expect(bare.body).not.toContain('Work in progress');
  });

  it('redirects stay on this server whatever the request target', async () => {
    const own = `127.0.0.1:${h.port}`;
    const slash = await get(h.port, '/incidents/2020-09-02-outbound', own);
    expect([slash.status, slash.location]).toEqual([301, '/incidents/2020-09-02-outbound/']);
    for (const target of [
      '//evil.example/incidents/2020-09-02-outbound',
      '///evil.example/incidents/2020-09-02-outbound',
      '/\\evil.example/incidents/2020-09-02-outbound',
      '/%2F%2Fevil.example/incidents/2020-09-02-outbound',
      '//incidents/2020-09-02-outbound',
      '/%5Cevil.example/incidents/2020-09-02-outbound',
      'http://evil.example/incidents/2020-09-02-outbound',
    ]) {
      const a = await get(h.port, target, own);
      if (a.location !== undefined) {
        // path-only: one slash, then a path segment (never `//host` or `/\host`)
        expect(a.location).toMatch(/^\/(?![/\\])/);
        expect(new URL(a.location, `http://${own}/`).host).toBe(own);
      }
      expect(a.location ?? '').not.toContain('evil.example');
    }
  });
});

describe('Host header rules', () => {
  it('parses names, IPv6 literals and ports', () => {
    expect(parseHostHeader('Example.COM:4000')).toEqual({ name: 'example.com', port: 4000 });
    expect(parseHostHeader('[::1]:4000')).toEqual({ name: '::1', port: 4000 });
    expect(parseHostHeader('localhost')).toEqual({ name: 'localhost', port: 80 });
    expect(parseHostHeader('[evil]:1')).toBeNull();
    expect(parseHostHeader('a:b:c')).toBeNull();
    expect(parseHostHeader('a:99999')).toBeNull();
    expect(parseHostHeader('a b:1')).not.toEqual({ name: 'a', port: 1 });
  });

  it('loopback server: its names at its port only', () => {
    const ok = hostChecker('127.0.0.1', () => 4000);
    expect(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000'].map(ok)).toEqual([true, true, true]);
    expect(['127.0.0.1:4001', 'evil.example:4000', '10.0.0.2:4000', 'localhost', undefined].map(ok)).toEqual([false, false, false, false, false]);
  });

  it('a host named with --host is answered; every interface also accepts addresses, never other names', () => {
    const named = hostChecker('devbox.lan', () => 8080);
    expect(['devbox.lan:8080', 'DEVBOX.lan:8080', 'localhost:8080', 'evil.example:8080', '10.0.0.2:8080'].map(named)).toEqual([true, true, true, false, false]);
    const v6 = hostChecker('::1', () => 80);
    expect(['[::1]', '[::1]:80', 'localhost'].map(v6)).toEqual([true, true, true]);
    const any = hostChecker('0.0.0.0', () => 4000);
    expect(['192.168.1.20:4000', '[fe80::1]:4000', '0.0.0.0:4000', 'evil.example:4000', '192.168.1.20:4001'].map(any)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
