/**
 * The post-mortem's review lifecycle, from front-matter:
 *
 *   review:    draft | in-review | published   (default published)
 *   published: when the post-mortem was published (default: the incident's date)
 *   updated:   when it was last edited (default: published)
 *
 * A post-mortem still in draft or in review is left out of the site like `draft: true`
 * (built with --drafts, never in --public). Feeds take their `updated` dates from here,
 * so an edited post-mortem reaches feed readers again.
 */
import type { FieldContext } from './fields.js';
import { readDate, readString } from './fields.js';
import type { ReviewState } from './types.js';

export const REVIEW_STATES = ['draft', 'in-review', 'published'] as const satisfies readonly ReviewState[];
export type { ReviewState };

export interface Lifecycle {
  review: ReviewState;
  /** Epoch ms, or null when not given. */
  published: number | null;
  updated: number | null;
}

export function readLifecycle(data: Record<string, unknown>, zone: string, ctx: FieldContext): Lifecycle {
  const published = readDate(data['published'], 'published', zone, ctx)?.ms ?? null;
  const updated = readDate(data['updated'], 'updated', zone, ctx)?.ms ?? null;
  if (published !== null && updated !== null && updated < published) {
    ctx.reporter.error(
      'frontmatter/updated',
      'updated is earlier than published: an edit comes after publication; fix one of the dates',
      ctx.places['updated'],
    );
  }
  return { review: readReview(data['review'], ctx), published, updated };
}

function readReview(value: unknown, ctx: FieldContext): ReviewState {
  const text = readString(value, 'review', ctx);
  if (text === null) return 'published';
  const s = text.toLowerCase().replace(/[\s_]+/g, '-');
  if ((REVIEW_STATES as readonly string[]).includes(s)) return s as ReviewState;
  ctx.reporter.error('frontmatter/review', `review "${text}" is not one of ${REVIEW_STATES.join(', ')}`, ctx.places['review']);
  return 'draft';
}
