/**
 * What one incident contributes to the insights and follow-ups pages, kept in its
 * summary (so an incident taken from the build cache supplies it too). A leaf module:
 * render/types.ts imports it, it imports nothing.
 */

/** A linked issue of an action item: a URL written in it, or `#123` / `OPS-123` through a tracker. */
export interface IssueLink {
  /** What the author wrote: `#123`, `OPS-7`, or the link's URL. */
  label: string;
  url: string;
}

/** One action item as the follow-ups page needs it. */
export interface SummaryAction {
  done: boolean;
  owner: string | null;
  text: string;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  /** Line of the item in the incident file. */
  line: number;
  issues: IssueLink[];
}

/** A root-cause tag from front-matter `root_cause:` (slugged like tags). */
export interface RootCause {
  slug: string;
  name: string;
}
