// Memory and CPU of a process and its descendants, read from /proc (Linux only; elsewhere
// every reading is NaN). Peak RSS of a tree: each process's VmHWM (its own peak resident
// set) summed over the processes alive at a sample; `RssSampler` keeps the largest sum seen
// over samples every 100 ms, so a worker that peaks and exits between two samples may be
// missed, one that is alive at any sample is counted at its own peak.
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './report.mjs';

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** `pid` and every live descendant (parent links from /proc/<pid>/stat). */
export function processTree(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const children = new Map();
  for (const d of entries) {
    const stat = read(`/proc/${d}/stat`);
    // the command name (2nd field) may hold spaces and parentheses: parse after the last ')'
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(d));
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    if (p !== pid && !entries.includes(String(p))) continue;
    out.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

/** `VmHWM` and `VmRSS` of one process in MB, NaN once it is gone. */
function memory(pid) {
  const status = read(`/proc/${pid}/status`);
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status ?? '')?.[1] ?? NaN);
  return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
}

/** Summed over the live tree: `hwm` (peaks) and `rss` (now), in MB, and how many processes. */
export function treeMemory(pid) {
  const tree = processTree(pid);
  let hwm = 0;
  let rss = 0;
  for (const p of tree) {
    const m = memory(p);
    if (Number.isFinite(m.hwm)) hwm += m.hwm;
    if (Number.isFinite(m.rss)) rss += m.rss;
  }
  return tree.length ? { hwm, rss, processes: tree.length } : { hwm: NaN, rss: NaN, processes: 0 };
}

export class RssSampler {
  constructor(pid, everyMs = 100) {
    this.pid = pid;
    this.peak = NaN;
    this.processes = 0;
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample() {
    const m = treeMemory(this.pid);
    if (Number.isFinite(m.hwm) && !(m.hwm <= this.peak)) {
      this.peak = m.hwm;
      this.processes = m.processes;
    }
    return m;
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** CPU seconds (user + system) used so far by the live tree. */
function treeCpu(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const stat = read(`/proc/${p}/stat`);
    if (!stat) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / 100;
}

/**
 * Waits until the tree uses under `share` of a core over `windowMs` (a server that has
 * answered but still works in the background — pm serve runs pm check after start —
 * would otherwise be measured while busy). Gives up after `timeoutMs` and says so.
 */
export async function waitIdle(pid, { windowMs = 500, share = 0.05, timeoutMs = 180_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let before = treeCpu(pid);
  while (Date.now() < until) {
    await sleep(windowMs);
    const now = treeCpu(pid);
    if (now - before < (share * windowMs) / 1000) return true;
    before = now;
  }
  return false;
}
