/**
 * A realistic archive written into a temp site folder: several years of incidents with
 * severities as people write them, services, tags, root causes, timelines with milestone
 * markers (some missing, some incidents with no timeline), `[internal]` events, drafts,
 * and action items with owners, due dates, done/open and linked issues. Seeded: the same
 * seed writes the same files. Returns the model the files were written from, so tests
 * compute what pm should publish independently of pm.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Metric = 'detect' | 'acknowledge' | 'mitigate' | 'resolve';
export const METRICS: Metric[] = ['detect', 'acknowledge', 'mitigate', 'resolve'];

export interface ModelAction {
  owner: string | null;
  due: string | null;
  done: boolean;
  text: string;
  urls: string[];
}
export interface ModelIncident {
  slug: string;
  title: string;
  /** `YYYY-MM-DD` as written in `date:` (the display zone is the file's zone). */
  day: string;
  severity: string | null;
  services: string[];
  tags: string[];
  rootCauses: string[];
  /** Seconds from T0, null when the timeline has no such marker. */
  metrics: Record<Metric, number | null>;
  draft: boolean;
  actions: ModelAction[];
  /** Text of the one `[internal]` event, when it has one. */
  internal: string | null;
}

export const TRACKERS = { '#': 'https://github.com/acme/ops/issues/:id', OPS: 'https://acme.atlassian.net/browse/:id' };
export const LEVEL: Record<string, string> = {
  SEV1: 'sev-1',
  critical: 'sev-1',
  SEV2: 'sev-2',
  major: 'sev-2',
  sev3: 'sev-3',
  minor: 'sev-3',
  'SEV-4': 'sev-4',
};

const SEVERITIES = ['SEV1', 'critical', 'SEV2', 'SEV2', 'major', 'sev3', 'sev3', 'minor', 'SEV-4', null];
const SERVICES = ['api', 'checkout', 'search', 'auth', 'billing', 'dns', 'cdn', 'mail', 'Payments & <Billing>'];
const TAGS = ['database', 'network', 'deploy', 'capacity', 'security', 'third-party', 'config', 'certificates'];
const CAUSES = ['bad deploy', 'expired certificate', 'capacity', 'dns provider', 'config drift', 'dependency'];
const OWNERS = ['ana', '~rfk', 'SRE team', 'bo', 'zoë', null];
const MARKER: Record<Metric, string> = { detect: 'detected', acknowledge: 'acknowledged', mitigate: 'mitigated', resolve: 'resolved' };
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];

/** mulberry32: a tiny seeded generator, enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function generateSite(root: string, count: number, seed = 7): ModelIncident[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(list)))];
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  writeFileSync(path.join(root, 'pm.config.yaml'), `title: Acme incidents\ntrackers:\n  "#": ${TRACKERS['#']}\n  OPS: ${TRACKERS.OPS}\n`);
  const start = Date.UTC(2021, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const model: ModelIncident[] = [];
  for (let i = 0; i < count; i++) {
    const at = start + Math.floor((r() * span) / 60000) * 60000;
    const d = new Date(at);
    const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const slug = `${day}-incident-${i}`;
    const severity = pick(SEVERITIES);
    const services = some(SERVICES, 2);
    const tags = some(TAGS, 3);
    const rootCauses = some(CAUSES, 2);
    const draft = r() < 0.05;
    const hasTimeline = r() > 0.1;
    const steps: Record<Metric, number> = {
      detect: 1 + Math.floor(r() * 60),
      acknowledge: 1 + Math.floor(r() * 30),
      mitigate: 10 + Math.floor(r() * 600),
      resolve: 30 + Math.floor(r() * 3000),
    };
    const metrics: Record<Metric, number | null> = { detect: null, acknowledge: null, mitigate: null, resolve: null };
    const lines: string[] = [`- ${utc(at)} UTC [T0] errors start on ${services[0] ?? 'the site'}`];
    let minutes = 0;
    for (const m of METRICS) {
      minutes += steps[m];
      const marked = r() > 0.15;
      if (hasTimeline && marked) metrics[m] = minutes * 60;
      lines.push(`- ${utc(at + minutes * 60000)} UTC ${marked ? `[${MARKER[m]}] ` : ''}step ${m}`);
    }
    const internal = r() < 0.3 ? `secret-internal-note-${i}` : null;
    if (internal) lines.push(`- ${utc(at + (minutes + 5) * 60000)} UTC [internal] ${internal}`);
    const actions: ModelAction[] = Array.from({ length: Math.floor(r() * 5) }, (_, k) => {
      const owner = pick(OWNERS);
      const due = r() < 0.8 ? new Date(at + Math.floor(r() * 120) * 86400000).toISOString().slice(0, 10) : null;
      const kind = Math.floor(r() * 4);
      const n = 100 + i * 5 + k;
      const [ref, urls] =
        kind === 0
          ? [` #${n}`, [`https://github.com/acme/ops/issues/${n}`]]
          : kind === 1
            ? [` OPS-${n}`, [`https://acme.atlassian.net/browse/OPS-${n}`]]
            : kind === 2
              ? [` [runbook](https://wiki.example.org/runbooks/${n})`, [`https://wiki.example.org/runbooks/${n}`]]
              : ['', []];
      const text = `fix thing ${i}.${k}${ref}`;
      return { owner, due, done: r() < 0.5, text: text.replace(/\[runbook\]\([^)]*\)/, 'runbook'), urls };
    });
    const fm = [
      '---',
      `title: "Incident ${i} on ${services[0] ?? 'the site'}"`,
      `date: ${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
      `timezone: ${pick(ZONES)}`,
      severity ? `severity: ${severity}` : '',
      `services: ${JSON.stringify(services)}`,
      `tags: ${JSON.stringify(tags)}`,
      rootCauses.length ? `root_cause: ${JSON.stringify(rootCauses)}` : '',
      draft ? 'draft: true' : '',
      '---',
    ].filter(Boolean);
    const body = [
      '',
      '## Summary',
      '',
      `Something broke (${i}).`,
      '',
      ...(hasTimeline ? ['## Timeline', '', ...lines, ''] : []),
      '## Action items',
      '',
      ...actions.map((a) => {
        const raw = a.urls[0]?.includes('wiki') ? a.text.replace('runbook', `[runbook](${a.urls[0]})`) : a.text;
        return `- [${a.done ? 'x' : ' '}] ${a.owner ? `${a.owner}: ` : ''}${raw}${a.due ? ` (due ${a.due})` : ''}`;
      }),
      '',
    ];
    writeFileSync(path.join(root, 'posts', `${slug}.md`), [...fm, ...body].join('\n'));
    model.push({ slug, title: `Incident ${i} on ${services[0] ?? 'the site'}`, day, severity, services, tags, rootCauses, metrics, draft, actions, internal });
  }
  return model;
}
