// Where a build's main process spends its time, from a V8 CPU profile (`node --cpu-prof`):
// the time of every sample whose stack holds one of a group's functions (inclusive time,
// each sample counted once per group), against the profile's whole span. Function names
// are matched as bundled in lib/pm/ (esbuild may append a digit to a name that collides).
// Only the main process: the build's worker processes and the Pagefind binary are not in it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repo } from './report.mjs';

/** Whether lib/pm/ defines a function of that name (as esbuild may have suffixed it). */
function defined(name) {
  const dir = path.join(repo, 'lib', 'pm');
  const re = new RegExp(`function\\*? ${name}\\d*\\(`);
  return readdirSync(dir).some((f) => f.endsWith('.js') && re.test(readFileSync(path.join(dir, f), 'utf8')));
}

/** The profile in `dir` written by the process that ran `lib/pm/main.js`. */
export function mainProfile(dir) {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).sort()) {
    const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    if (p.nodes.some((n) => /\/lib\/pm\/main\.js$/.test(n.callFrame.url))) return p;
  }
  throw new Error(`no profile of lib/pm/main.js in ${dir}`);
}

/**
 * `groups`: label → function names. Returns { spanMs, groups: { label: { ms, share, found } } }
 * where `found` says whether lib/pm/ still defines a function of the group (one renamed
 * away would otherwise read as costing nothing; one defined but never sampled costs < 1 ms).
 */
export function groupTimes(profile, groups) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const matchers = Object.entries(groups).map(([label, names]) => [label, new RegExp(`^(${names.join('|')})\\d*$`)]);
  const labelsOf = new Map();
  const labels = (id) => {
    if (labelsOf.has(id)) return labelsOf.get(id);
    const own = matchers.filter(([, re]) => re.test(byId.get(id).callFrame.functionName)).map(([l]) => l);
    const up = parent.has(id) ? labels(parent.get(id)) : new Set();
    const set = own.length ? new Set([...up, ...own]) : up;
    labelsOf.set(id, set);
    return set;
  };
  const ms = Object.fromEntries(Object.keys(groups).map((l) => [l, 0]));
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    for (const l of labels(id)) ms[l] += dt;
  });
  const spanMs = (profile.endTime - profile.startTime) / 1000;
  return {
    spanMs,
    groups: Object.fromEntries(Object.entries(groups).map(([l, names]) => [l, { ms: ms[l], share: (100 * ms[l]) / spanMs, found: names.some(defined) }])),
  };
}
