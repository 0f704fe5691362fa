#!/usr/bin/env node
// Deterministic post-mortems shaped like public ones (no dependencies):
//
//   node bench/gen-realistic.mjs OUT_DIR N [--seed S] [--static DIR]
//
// Writes N files OUT_DIR/YYYY-MM-DD-<slug>-<i>.md (flat, like ../shared/bench/gen-corpus.mjs, so
// the floor reads the same posts). Same N + seed => the same bytes. Unlike the synthetic corpus,
// every post uses the GFM and the shapes real write-ups have: an impact table, a timeline that is
// a list with 12-hour times, sub-headings per event, or a table (zones written in some entries,
// one of several file zones), task-list action items with issue links, bare URLs, reference
// links defined at the end, footnotes, a blockquoted e-mail from a provider, nested lists,
// a shell session in a fenced block, strikethrough, and graphs: external ones and root-relative
// ones (`/images/…`) that `--static DIR` writes into DIR/images/ (the site's static/ folder).
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
let seed = 1;
let staticDir = null;
const pos = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--seed') seed = Number(argv[++i]);
  else if (argv[i] === '--static') staticDir = argv[++i];
  else pos.push(argv[i]);
}
const [outDir, count] = pos;
const N = Number(count);
if (!outDir || !Number.isInteger(N) || N < 0 || !Number.isFinite(seed)) {
  console.error('usage: node bench/gen-realistic.mjs OUT_DIR N [--seed S] [--static DIR]');
  process.exit(2);
}

// mulberry32: small, seeded, the same everywhere
let state = (seed * 2654435761) >>> 0;
const rnd = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;

// Zones with the abbreviation an author would write for a date in the northern winter
// (posts are dated November–February, so no zone here is in daylight time).
const ZONES = [
  ['UTC', 'UTC'],
  ['America/Chicago', 'CST'],
  ['America/New_York', 'EST'],
  ['America/Los_Angeles', 'PST'],
  ['Europe/Berlin', 'CET'],
  ['Europe/London', 'GMT'],
  ['Asia/Tokyo', 'JST'],
  ['Asia/Kolkata', 'IST'],
];
const SYSTEMS = [
  'checkout API',
  'Postgres primary',
  'object store',
  'edge proxy fleet',
  'auth service',
  'Kafka cluster',
  'search index',
  'Redis session store',
  'build farm',
  'mail relay',
  'DNS resolvers',
  'billing workers',
];
const HOSTS = ['pg-main-1', 'pg-main-2', 'edge-ams-4', 'kafka-b3', 'redis-s2', 'mx-02', 'ns-a', 'ci-runner-17', 'api-7f9c', 'lb-west-2'];
const SERVICES = ['api', 'web', 'payments', 'search', 'email', 'ci', 'dns', 'storage'];
const TAGS = [
  'database',
  'network',
  'dns',
  'storage',
  'deploy',
  'config',
  'tls',
  'capacity',
  'provider',
  'kubernetes',
  'queue',
  'cache',
  'security',
  'monitoring',
];
const PEOPLE = ['ana', 'bo', 'chidi', 'dana', 'eun-ji', 'farid', 'grete', 'hiro'];
const TRIGGERS = [
  'a schema migration held a lock on the orders table',
  'the upstream provider null-routed our prefix',
  'a certificate on the edge expired overnight',
  'a config push set the connection pool to zero',
  'the disk of the primary filled with WAL segments',
  'a kernel upgrade changed the default MTU',
  'a retry storm from mobile clients',
  'an expired credential for the backup bucket',
];
const EVENTS = [
  'alert fired: error rate above 5% on the {s}',
  'on-call acknowledged the page',
  '{h} stopped answering health checks',
  'support forwarded the first customer tickets',
  'incident channel opened, {p} is incident commander',
  'status page set to *investigating*',
  'rolled back the last deploy of the {s}; no change',
  'found `ERROR: could not extend file` in the logs of {h}',
  'traffic drained from {h}',
  'provider opened a ticket on their side',
  'failover to {h} started',
  'writes resumed on {h}',
  'error rate back under the SLO',
  'status page set to *monitoring*',
  'backlog drained, queues at zero',
  'incident closed',
];
const WORDS = (
  'we the requests clients queue latency retries replica primary dashboard alert page graph region traffic ' +
  'deploy rollback config change pool connection window capacity backlog customers load host cluster timeout'
).split(' ');

const sentence = () => {
  const w = Array.from({ length: int(7, 16) }, () => pick(WORDS));
  const k = int(0, w.length - 1);
  const r = rnd();
  if (r < 0.2) w[k] = `**${w[k]}**`;
  else if (r < 0.35) w[k] = `\`${w[k]}\``;
  else if (r < 0.45) w[k] = `~~${w[k]}~~`;
  const s = w.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
};
const para = (lo = 2, hi = 4) => Array.from({ length: int(lo, hi) }, sentence).join(' ');
const fill = (s, ctx) => s.replace('{s}', ctx.system).replace('{h}', pick(HOSTS)).replace('{p}', pick(PEOPLE));
const pad = (n) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const clock12 = (min) => {
  const h = Math.floor(min / 60) % 24;
  return `${h % 12 === 0 ? 12 : h % 12}:${pad(min % 60)} ${h < 12 ? 'AM' : 'PM'}`;
};
const clock24 = (min) => `${pad(Math.floor(min / 60) % 24)}:${pad(min % 60)}`;

/** Minutes after local midnight of each event, rising, with the milestones placed along them. */
function events(ctx) {
  const n = int(10, 22);
  let t = int(6 * 60, 11 * 60);
  const list = [];
  for (let i = 0; i < n; i++) {
    t += int(1, 25);
    const marker = i === 1 ? ' [T0]' : i === 2 ? ' [detected]' : i === n - 3 ? ' [mitigated]' : i === n - 1 ? ' [resolved]' : '';
    list.push({ min: t, text: fill(pick(EVENTS), ctx), marker });
  }
  return list;
}

function timeline(ctx) {
  const list = events(ctx);
  const style = pick(['list12', 'headings', 'table', 'list12']);
  const note = chance(0.5) ? `All times are ${ctx.abbr} unless marked, reconstructed from chat the next day.\n\n` : '';
  if (style === 'headings') {
    return `${note}${list.map((e) => `### ${MONTHS[ctx.month - 1]} ${ctx.day}, ${ctx.year} - ${clock12(e.min)}${e.marker}\n\n${e.text}. ${chance(0.4) ? sentence() : ''}`).join('\n\n')}`;
  }
  if (style === 'table') {
    const rows = list.map((e) => `| ${clock24(e.min)} ${ctx.abbr} | ${e.text}${e.marker} |`);
    return `${note}| Time | Event |\n|------|-------|\n${rows.join('\n')}`;
  }
  // 12-hour list; a few entries carry their zone, one an approximation
  return `${note}${list
    .map((e, i) => {
      const zone = i % 5 === 3 ? ` ${ctx.abbr}` : '';
      const approx = i === 4 ? '~' : '';
      const sub = chance(0.15) ? `\n  - ${sentence()}\n  - see ${pick(HOSTS)} logs` : '';
      return `- ${approx}${clock12(e.min)}${zone}${e.marker} ${e.text}${sub}`;
    })
    .join('\n')}`;
}

function post(i) {
  const [zone, abbr] = pick(ZONES);
  const year = int(2016, 2025);
  const month = pick([1, 2, 11, 12]);
  const day = int(1, 28);
  const system = pick(SYSTEMS);
  const ctx = { zone, abbr, year, month, day, system };
  const slug = `${system.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-outage-${i}`;
  const date = `${year}-${pad(month)}-${day < 10 ? `0${day}` : day}`;
  const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])];
  const users = int(200, 90000);
  const graph = int(1, 8);
  const trigger = pick(TRIGGERS);
  const ticket = int(1000, 9999);
  const front = [
    '---',
    `title: "${system[0].toUpperCase()}${system.slice(1)} outage: ${trigger.split(' ').slice(0, 5).join(' ')}"`,
    `date: ${date}`,
    `timezone: ${zone}`,
    `tags: [${tags.join(', ')}]`,
    `severity: ${pick(['SEV1', 'SEV2', 'SEV2', 'SEV3'])}`,
    'status: resolved',
    `authors: [${pick(PEOPLE)}, ${pick(PEOPLE)}]`,
    `services: [${pick(SERVICES)}]`,
    `summary: The ${system} was unavailable for part of the day because ${trigger}.`,
    '---',
  ].join('\n');
  const body = `
## Summary

On ${MONTHS[month - 1]} ${day} the ${system} failed for about ${int(20, 300)} minutes because ${trigger}.
${para()} Dashboard: https://grafana.example.net/d/${slug.slice(0, 8)}/overview?orgId=1&from=now-24h
The [runbook][runbook] was followed until step ${int(2, 9)}.[^timing]

## Impact

| Metric | Value |
|:-------|------:|
| Users affected | ${users.toLocaleString('en-US')} |
| Failed requests | ${int(1, 40)}.${int(0, 9)}% |
| Duration | ${int(20, 300)} min |
| Revenue at risk | $${int(1, 90)},${int(100, 999)} |

- Customers
  - ${sentence()}
  - ${sentence()}
- Internal
  - ${sentence()}

![Error rate during the incident](https://grafana.example.net/render/d-solo/${slug.slice(0, 6)}/errors.png?panelId=${graph})

## Timeline

${timeline(ctx)}

## Communication

The provider wrote back:

> From: noc@provider.example
> Subject: [Ticket #${ticket}] Degraded service in your region
>
> Hello,
>
> ${para(1, 2)}
>
> > ${sentence()}
>
> Regards, the NOC

## Root cause

${para(3, 5)}

\`\`\`console
$ kubectl -n ${pick(SERVICES)} get pods
NAME                        READY   STATUS             RESTARTS   AGE
${pick(SERVICES)}-7f9c6d5b8-x2x4q     0/1     CrashLoopBackOff   ${int(5, 40)}         ${int(1, 9)}h
$ psql -c 'select count(*) from pg_stat_activity'
 count
-------
   ${int(90, 500)}
(1 row)
\`\`\`

![Connections on the primary](/images/graph-${graph}.png)

${para(2, 3)}[^cause]

## Resolution

1. ${sentence()}
2. ${sentence()}
   1. ${sentence()}
   2. ${sentence()}
3. ${sentence()}

## Action items

- [x] ${pick(PEOPLE)}: Alert on ${pick(['disk', 'replication lag', 'certificate expiry', 'pool size'])} for the ${system} ([OPS-${ticket}](https://issues.example.net/browse/OPS-${ticket}))
- [ ] ${pick(PEOPLE)}: ${sentence()} ([OPS-${ticket + 1}][ops]) (due ${year}-${pad(month)}-28)
- [ ] ${pick(PEOPLE)}: Add the failover steps to the [runbook][runbook]
- [ ] ${chance(0.25) ? '' : `${pick(PEOPLE)}: `}~~Rewrite the pooler~~ Tune the pooler instead

## Lessons learned

- What went well
  - ${sentence()}
- What went wrong
  - ${sentence()}
  - ${sentence()}

[runbook]: https://wiki.example.net/runbooks/${slug.slice(0, 12)} "Runbook"
[ops]: https://issues.example.net/browse/OPS-${ticket + 1}
[^timing]: Times come from the paging tool; chat timestamps were up to a minute off.
[^cause]: ${sentence()}
`;
  return { name: `${date}-${slug}.md`, text: `${front}\n${body}` };
}

fs.mkdirSync(outDir, { recursive: true });
let bytes = 0;
for (let i = 0; i < N; i++) {
  const { name, text } = post(i);
  fs.writeFileSync(path.join(outDir, name), text);
  bytes += Buffer.byteLength(text);
}
if (staticDir) {
  fs.mkdirSync(path.join(staticDir, 'images'), { recursive: true });
  // a 1×1 PNG per graph: what matters is that the files exist and are copied
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  for (let g = 1; g <= 8; g++) fs.writeFileSync(path.join(staticDir, 'images', `graph-${g}.png`), png);
}
console.error(`${N} realistic post-mortems, ${(bytes / N / 1024).toFixed(1)} KB each on average, in ${outDir}`);
