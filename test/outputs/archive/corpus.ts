/**
 * A generated site of N incidents for the archive tests: several years, severities,
 * services and tags, a timeline with T0 and milestones, action items with owners and
 * due dates, a few post-mortems still in review. Same N and seed → same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SERVICES = ['api', 'Billing', 'dns', 'checkout', 'search', 'Auth Service'];
const TAGS = ['database', 'network', 'dns', 'deploy', 'config', 'tls', 'queue', 'storage'];
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/Chicago', 'Asia/Tokyo'];
const WORDS = ['replica', 'lag', 'certificate', 'expired', 'rollout', 'queue', 'backlog', 'resolver', 'timeout', 'cache'];

export interface CorpusOptions {
  seed?: number;
  /** Every n-th incident is `review: in-review` (0: none). */
  inReviewEvery?: number;
  config?: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Writes `root/posts/*.md` (and pm.config.yaml when given); returns the slugs, newest first. */
export function writeCorpus(root: string, n: number, options: CorpusOptions = {}): string[] {
  const random = rng(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  if (options.config) writeFileSync(path.join(root, 'pm.config.yaml'), options.config);
  const slugs: string[] = [];
  // one incident every ~4 days going back from 2025-06-30: several years for a few hundred
  const start = Date.UTC(2025, 5, 30);
  for (let i = 0; i < n; i++) {
    const day = new Date(start - i * 4 * 86_400_000 - Math.floor(random() * 3) * 86_400_000 * 0);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const slug = `incident-${String(i).padStart(4, '0')}`;
    const word = `${pick(WORDS)}${i}`;
    const tags = [...new Set([pick(TAGS), pick(TAGS)])];
    const services = [...new Set([pick(SERVICES), ...(random() < 0.3 ? [pick(SERVICES)] : [])])];
    const inReview = options.inReviewEvery ? i % options.inReviewEvery === options.inReviewEvery - 1 : false;
    const t0 = `${date} ${pad(1 + Math.floor(random() * 20))}:${pad(Math.floor(random() * 60))}`;
    const detect = 1 + Math.floor(random() * 50);
    const resolve = detect + 10 + Math.floor(random() * 300);
    const body = [
      '---',
      `title: "Incident ${i}: ${word} in ${services[0]}"`,
      `date: ${date}`,
      `slug: ${slug}`,
      `timezone: ${pick(ZONES)}`,
      `severity: ${pick(SEVERITIES)}`,
      `tags: [${tags.join(', ')}]`,
      `services: [${services.map((s) => JSON.stringify(s)).join(', ')}]`,
      `authors: [${pick(['ana', 'bo', 'chen'])}]`,
      `summary: "The ${word} went wrong for ${services.join(' and ')}."`,
      ...(inReview ? ['review: in-review'] : []),
      '---',
      '',
      '## Summary',
      '',
      `Unique marker ${word} for incident ${i}.`,
      '',
      '## Timeline',
      '',
      `- ${t0} [T0] ${word} started`,
      `- T+${detect}m [detected] Alert fired`,
      `- T+${resolve}m [resolved] Fixed`,
      '',
      '## Action items',
      '',
      `- [${i % 3 ? ' ' : 'x'}] Fix the ${word} (owner: ${pick(['ana', 'bo'])}, due: ${date})`,
      '',
    ].join('\n');
    writeFileSync(path.join(root, 'posts', `${date}-${slug}.md`), body);
    if (!inReview) slugs.push(slug);
  }
  return slugs;
}
