/** `pm new incident "Title"`: writes posts/<date>-<slug>.md from the template, never overwriting. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DateTime } from 'luxon';
import { loadConfig, resolveConfig } from '../../config/resolve.js';
import { incidentTemplate } from '../../incident/template.js';
import { slugify } from '../../slug.js';
import { parseDateValue } from '../../time/date-value.js';
import { luxonZone, normalizeZone } from '../../time/zones.js';
import { parseCommand, str, UsageError } from '../args.js';
import { newSpec } from '../specs.js';
import type { CliIO } from '../io.js';

export async function runNew(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(newSpec, argv);
  const [kind, ...rest] = positionals;
  if (kind !== 'incident') {
    throw new UsageError(kind ? `unknown kind "${kind}"; pm can create: incident` : 'say what to create: pm new incident "Title"', newSpec);
  }
  let title = rest.join(' ').trim();
  if (!title) {
    if (!io.isTTY) throw new UsageError('a title is required: pm new incident "Disk full on db1"', newSpec);
    title = await ask(io, 'Title of the incident: ');
    if (!title) throw new UsageError('a title is required', newSpec);
  }
  const root = path.resolve(str(values['root']) ?? '.');
  const config = resolveConfig(loadConfig(root).config, { root });
  const zoneIn = str(values['timezone']);
  const zone = zoneIn ? normalizeZone(zoneIn) : { ok: true as const, zone: config.timezone };
  if (!zone.ok) throw new UsageError(`--timezone: ${zone.reason}`, newSpec);
  const dateIn = str(values['date'])?.trim();
  let ms = io.now();
  let hasTime = false;
  if (dateIn) {
    const parsed = parseDateValue(dateIn, zone.zone);
    if (!parsed.ok) throw new UsageError(`--date: ${parsed.reason}`, newSpec);
    ms = parsed.ms;
    hasTime = parsed.hasTime;
  }
  // the file name and the template's times use the day as written (ISO) or the date's day
  // in the zone: another form of --date (RFC 2822, touch -t) never shapes a path
  const day = /^\d{4}-\d{2}-\d{2}/.exec(dateIn ?? '')?.[0] ?? DateTime.fromMillis(ms, { zone: luxonZone(zone.zone) }).toFormat('yyyy-LL-dd');
  const date = dateIn || day;
  // the template's entries are read in the incident's zone: --date's time there
  const time = hasTime ? DateTime.fromMillis(ms, { zone: luxonZone(zone.zone) }).toFormat('HH:mm') : '00:00';
  const slug = slugify(title);
  if (!slug) throw new UsageError(`the title "${title}" has no letters or digits to make a file name from`, newSpec);
  const dir = path.resolve(root, str(values['dir']) ?? path.relative(root, config.postsDir));
  const single = path.join(dir, `${day}-${slug}.md`);
  const inBundle = path.join(dir, `${day}-${slug}`, 'index.md');
  const file = values['bundle'] === true ? inBundle : single;
  // the other form of the same incident would be a second page with the same slug
  const twin = file === single ? inBundle : single;
  if (existsSync(twin)) {
    io.err(`pm new: ${path.relative(process.cwd(), twin) || twin} already exists; pm new never overwrites. Pick another title or --date, or edit the file.\n`);
    return 1;
  }
  const text = incidentTemplate({
    title,
    date,
    day,
    timezone: zone.zone,
    tags: (str(values['tags']) ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    severity: str(values['severity']) ?? 'SEV3',
    authors: (values['author'] as string[] | undefined) ?? [],
    time,
  });
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      io.err(
        `pm new: ${path.relative(process.cwd(), file) || file} already exists; pm new never overwrites. Pick another title or --date, or edit the file.\n`,
      );
      return 1;
    }
    throw e;
  }
  io.out(`${path.relative(process.cwd(), file)}\n`);
  io.err("pm new: replace the template's prompts with what happened; pm check (and pm serve) list each one still there (check/placeholder)\n");
  return 0;
}

async function ask(io: CliIO, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}
