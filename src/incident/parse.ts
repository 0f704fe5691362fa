/**
 * parseIncident: one file's text → the incident model. Pure: no disk, no clock.
 * Problems become diagnostics; only a file that cannot be read at all is fatal.
 */
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { Reporter } from '../diagnostics.js';
import { readFrontMatter } from '../frontmatter/read.js';
import { renderDocument } from '../markdown/document.js';
import { parseMarkdown } from '../markdown/processor.js';
import { deepestNode, nestingError } from '../load/guard.js';
import { fallbackSlug, slugify } from '../slug.js';
import { parseSourceSpecs } from '../sources/spec.js';
import { documentZone } from '../timeline/document-zone.js';
import { extractTimeline } from '../timeline/extract.js';
import { luxonZone } from '../time/zones.js';
import { DateTime } from 'luxon';
import { readBoolean, readDate, readList, readStatus, readString, readTags, readZone, type FieldContext } from './fields.js';
import type { Incident, IncidentInput } from './types.js';
import { readActions } from './actions.js';
import { readLifecycle } from './lifecycle.js';

export type IncidentConfig = Pick<ResolvedConfig, 'timezone' | 'displayTimezone'>;

export function parseIncident(input: IncidentInput, config: IncidentConfig): Incident {
  const reporter = new Reporter(input.file);
  const fm = readFrontMatter(input.content);
  for (const e of fm.errors) reporter.error('frontmatter/syntax', e.message, e.place);
  if (!fm.present) {
    reporter.error('frontmatter/missing', 'no front-matter: start the file with a --- block holding at least a title', { line: 1, column: 1 });
  }
  const ctx: FieldContext = { reporter, places: fm.places };
  const d = fm.data;

  const tree = parseMarkdown(fm.body);
  // A tree nested past the limit is not walked further (rendering it recursed once per level).
  const deep = deepestNode(tree);
  if (deep) {
    reporter.list.push(nestingError(input.file, deep.line + fm.bodyLineOffset, deep.column, 'here'));
    tree.children = [];
  }
  // Front-matter `timezone`, else a zone note in the prose, else the site's zone.
  const timezone = documentZone({
    tree,
    frontMatter: readZone(d['timezone'], 'timezone', ctx),
    site: config.timezone,
    reporter,
    lineOffset: fm.bodyLineOffset,
  });
  const displayTimezone = readZone(d['display_timezone'], 'display_timezone', ctx) ?? config.displayTimezone ?? timezone;
  const slugText = readString(d['slug'], 'slug', ctx);
  let slug = slugify(slugText ?? slugFromPath(input.file));
  if (!slug) {
    slug = fallbackSlug(input.file);
    const what = slugText === null ? `the file name "${path.posix.basename(input.file)}"` : `slug "${slugText}"`;
    reporter.warn(
      'incident/slug',
      `${what} has no letters or digits to make a URL from; published as ${slug}: set \`slug:\` to choose one`,
      slugText === null ? { line: 1, column: 1 } : fm.places['slug'],
    );
  }
  let title = readString(d['title'], 'title', ctx);
  if (!title) {
    reporter.error(
      'frontmatter/title',
      'title is required: add `title: "What happened"` to the front-matter',
      fm.present ? { line: 2, column: 1 } : { line: 1, column: 1 },
    );
    title = slug;
  }
  const t0 = readDate(d['t0'], 't0', timezone, ctx);
  const lifecycle = readLifecycle(d, timezone, ctx);
  let date = readDate(d['date'], 'date', timezone, ctx);
  if (!date && d['date'] === undefined) {
    date = dateFromPath(input.file, timezone) ?? (t0 ? { ms: t0.ms, hasTime: true } : null);
    if (!date) {
      reporter.error('frontmatter/date', 'date is required: add `date: 2024-03-11` or name the file 2024-03-11-<slug>.md', { line: 1, column: 1 });
    }
  }

  const day = date ?? t0;
  const local = day ? DateTime.fromMillis(t0?.ms ?? day.ms, { zone: luxonZone(timezone) }) : null;
  const timeline = extractTimeline(tree, {
    file: input.file,
    reporter,
    zone: timezone,
    date: local ? { year: local.year, month: local.month, day: local.day } : null,
    lineOffset: fm.bodyLineOffset,
  });

  // The one HTML pass: the page body, each entry's html and the section's notes.
  const document = renderDocument({ tree, section: timeline.section, items: timeline.items, source: fm.body, reporter, lineOffset: fm.bodyLineOffset });

  const sources = parseSourceSpecs(d['sources'], (message, key) => {
    reporter.error('frontmatter/sources', `sources${key ? ` (${key})` : ''}: ${message}`, fm.places['sources']);
  });

  return {
    file: input.file,
    slug,
    bundle: /(^|\/)index\.(md|markdown)$/i.test(input.file),
    title,
    date: date?.ms ?? 0,
    dateHasTime: date?.hasTime ?? false,
    timezone,
    displayTimezone,
    t0: t0?.ms ?? null,
    tags: readTags(d['tags'], ctx),
    severity: readString(d['severity'], 'severity', ctx),
    status: readStatus(d['status'], ctx),
    authors: readList(d['authors'] ?? d['author'], 'authors', ctx),
    services: readList(d['services'], 'services', ctx),
    summary: readString(d['summary'], 'summary', ctx),
    // a post-mortem in draft or in review is left out like `draft: true`
    draft: readBoolean(d['draft'], 'draft', ctx) || lifecycle.review !== 'published',
    ...lifecycle,
    sources,
    data: d,
    places: fm.places,
    tree,
    bodyLineOffset: fm.bodyLineOffset,
    events: timeline.events,
    timelineSection: timeline.section,
    document,
    actions: readActions(tree, fm.bodyLineOffset, reporter),
    diagnostics: reporter.list,
  };
}

function slugFromPath(file: string): string {
  const base = path.posix.basename(file).replace(/\.(md|markdown)$/i, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
}

function dateFromPath(file: string, zone: string): { ms: number; hasTime: boolean } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(slugFromPath(file));
  if (!m) return null;
  const dt = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: luxonZone(zone) });
  return dt.isValid ? { ms: dt.toMillis(), hasTime: false } : null;
}
