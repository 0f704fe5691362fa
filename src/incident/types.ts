/** The incident model: what one post-mortem file says, read and checked. */
import type { Root } from 'mdast';
import type { Diagnostic, Place } from '../diagnostics.js';
import type { RenderedDocument } from '../markdown/document.js';
import type { SourceSpec } from '../sources/types.js';
import type { TimelineEvent } from '../timeline/types.js';
import type { ActionItem } from './actions.js';

export type { ActionItem } from './actions.js';

export interface Tag {
  /** URL-safe, lowercase: `ipv6`. */
  slug: string;
  /** As the author first wrote it: `IPv6`. */
  name: string;
}

/** One incident file as read from disk: path relative to the site root, POSIX. */
export interface IncidentInput {
  file: string;
  content: string;
}

export interface Incident {
  file: string;
  slug: string;
  /** True for `posts/<slug>/index.md` bundles (sources resolve inside the folder). */
  bundle: boolean;
  title: string;
  /** Incident / publication date, epoch ms. */
  date: number;
  /** False when `date` was a day without a time. */
  dateHasTime: boolean;
  timezone: string;
  displayTimezone: string;
  /** `t0` from front-matter, epoch ms, else null (the timeline decides). */
  t0: number | null;
  tags: Tag[];
  severity: string | null;
  status: string | null;
  authors: string[];
  services: string[];
  summary: string | null;
  /** True for `draft: true` and for a `review:` other than published. */
  draft: boolean;
  /** Review state and dates (lifecycle.ts). */
  review: ReviewState;
  published: number | null;
  updated: number | null;
  sources: SourceSpec[];
  /** Every front-matter key, known or not, as written. */
  data: Record<string, unknown>;
  /** Where each front-matter key's value was written (file line:column). */
  places: Record<string, Place>;
  /** Markdown body as mdast; positions are body-relative (add bodyLineOffset). */
  tree: Root;
  bodyLineOffset: number;
  /** Hand-written timeline events. */
  events: TimelineEvent[];
  /** Top-level node range of the Timeline section in `tree`, end exclusive. */
  timelineSection: { start: number; end: number } | null;
  /** The body rendered once (sanitized hast): page, feeds and each event's `html` come from it. */
  document: RenderedDocument;
  /** The task list under "Action items", in document order. */
  actions: ActionItem[];
  diagnostics: Diagnostic[];
}

/** Where a post-mortem is in its review (front-matter `review:`); only `published` is built by default. */
export type ReviewState = 'draft' | 'in-review' | 'published';
