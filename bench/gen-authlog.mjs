#!/usr/bin/env node
// Deterministic auth.log-like generator for the sources bench:
//   node bench/gen-authlog.mjs OUT N
// ~110 bytes a line: failed passwords, invalid users, disconnects, accepted logins
// and sessions from a few dozen IPs, with a seeded PRNG (same N → same bytes).
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: small, fast, seeded. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const USERS = ['root', 'admin', 'oracle', 'test', 'ubuntu', 'postgres', 'git', 'user', 'pi', 'ftpuser', 'support', 'guest'];
const pad = (n) => String(n).padStart(2, '0');

export function* authLogLines(n, seed = 20170107) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const ips = Array.from({ length: 40 }, () =>
    [1 + Math.floor(rnd() * 222), Math.floor(rnd() * 256), Math.floor(rnd() * 256), 1 + Math.floor(rnd() * 254)].join('.'),
  );
  let t = Date.UTC(2017, 0, 7, 0, 0, 0) / 1000;
  let pid = 20000;
  for (let i = 0; i < n; i++) {
    t += Math.floor(rnd() * 1.2);
    if (rnd() < 0.1) pid++;
    const d = new Date(t * 1000);
    const stamp = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const ip = pick(ips);
    const port = 1024 + Math.floor(rnd() * 64000);
    const r = rnd();
    let msg;
    if (r < 0.45) msg = `Failed password for ${pick(USERS.slice(0, 3))} from ${ip} port ${port} ssh2`;
    else if (r < 0.6) msg = `Failed password for invalid user ${pick(USERS)} from ${ip} port ${port} ssh2`;
    else if (r < 0.75) msg = `Invalid user ${pick(USERS)} from ${ip} port ${port}`;
    else if (r < 0.9) msg = `Received disconnect from ${ip} port ${port}:11: Bye Bye [preauth]`;
    else if (r < 0.95) msg = `Accepted publickey for deploy from ${ip} port ${port} ssh2: RSA SHA256:q9dVdC2QHCQk6KQm1o0QXrOQ4a2x`;
    else msg = `pam_unix(sshd:session): session opened for user deploy by (uid=0)`;
    yield `${stamp} bastion-01.example.net sshd[${pid}]: ${msg}\n`;
  }
}

/** Writes N lines to `out`; resolves with the number of bytes written. */
export async function generateAuthLog(out, n) {
  const stream = createWriteStream(out);
  let bytes = 0;
  let batch = '';
  for (const line of authLogLines(n)) {
    batch += line;
    if (batch.length > 1 << 20) {
      bytes += Buffer.byteLength(batch);
      if (!stream.write(batch)) await new Promise((r) => stream.once('drain', r));
      batch = '';
    }
  }
  bytes += Buffer.byteLength(batch);
  stream.write(batch);
  await new Promise((resolve, reject) => stream.end((err) => (err ? reject(err) : resolve())));
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, count] = process.argv.slice(2);
  if (!out || !count || !/^\d+$/.test(count)) {
    console.error('usage: node bench/gen-authlog.mjs OUT N');
    process.exit(2);
  }
  const bytes = await generateAuthLog(out, Number(count));
  console.log(`${out}: ${count} lines, ${bytes} bytes`);
}
