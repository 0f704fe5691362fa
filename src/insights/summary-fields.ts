/**
 * The per-incident part of insights and follow-ups, computed when an incident is
 * rendered and stored in its summary: its action items with their linked issues and
 * its root-cause tags. Site-wide pages read only these (never the post again).
 *
 * Root causes are written in front-matter, as a list or a comma-separated string,
 * and slugged like tags:
 *
 *   root_cause: [dns, expired certificate]
 */
import type { ActionItem } from '../incident/actions.js';
import { slugify } from '../slug.js';
import { issueLinks, type Trackers } from './trackers.js';
import type { RootCause, SummaryAction } from './types.js';

export function summaryActions(actions: readonly ActionItem[], trackers: Trackers): SummaryAction[] {
  return actions.map((a) => ({
    done: a.done,
    owner: a.owner,
    text: a.text,
    due: a.due,
    line: a.line,
    issues: issueLinks(a.text, a.links ?? [], trackers),
  }));
}

/** `root_cause:` (or `root_causes:`) → slugged tags, first spelling kept, duplicates merged; anything not text is ignored. */
export function rootCauses(data: Record<string, unknown>): RootCause[] {
  const value = data['root_cause'] ?? data['root_causes'];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const out: RootCause[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') continue;
    const name = String(item).trim();
    const slug = slugify(name);
    if (slug && !out.some((r) => r.slug === slug)) out.push({ slug, name });
  }
  return out;
}
