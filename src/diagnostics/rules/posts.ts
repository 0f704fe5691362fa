/** Rules of one incident file: its front-matter, markdown and the limits that guard a build (frontmatter/, incident/, limits/). */
import type { RuleSpec } from '../spec.js';

export const POST_RULES = {
  'frontmatter/syntax': { level: 'error', doc: 'front-matter', summary: 'the front-matter is not valid YAML, JSON or TOML' },
  'frontmatter/missing': { level: 'error', doc: 'front-matter', summary: 'the file has no front-matter: start it with a `---` block holding at least a title' },
  'frontmatter/title': { level: 'error', doc: 'front-matter', summary: '`title` is missing' },
  'frontmatter/date': {
    level: 'error',
    doc: 'front-matter',
    summary: '`date` (or another date key) is missing, cannot be read, or is outside the years 0001–9999',
  },
  'frontmatter/timezone': { level: 'error', doc: 'front-matter', summary: '`timezone` or `display_timezone` names no zone pm knows' },
  'frontmatter/type': {
    level: 'error',
    also: ['warning'],
    doc: 'front-matter',
    summary: 'a key holds the wrong kind of value (error); an item of a list that is not text is skipped (warning)',
  },
  'frontmatter/tag': { level: 'warning', doc: 'front-matter', summary: 'a tag with no letters or digits is skipped' },
  'frontmatter/status': { level: 'warning', doc: 'front-matter', summary: '`status` is not one of investigating, identified, monitoring, resolved' },
  'frontmatter/review': { level: 'error', doc: 'front-matter', summary: '`review` is not one of draft, in-review, published' },
  'frontmatter/updated': { level: 'error', doc: 'front-matter', summary: '`updated` is earlier than `published`' },
  'incident/slug': {
    level: 'warning',
    doc: 'front-matter',
    summary: 'the file name or `slug` has no letters or digits to make a URL from; published as `incident-<hash>`',
  },
  'incident/failed': {
    level: 'error',
    doc: 'pm-build',
    summary: 'an exception while processing this incident (a stack overflow, a template that throws, a build worker that stopped); only this file fails',
  },
  'actions/due': { level: 'warning', doc: 'pm-check', summary: "an action item's due date is not a day of the calendar" },
  'markdown/html-removed': { level: 'info', doc: 'markdown', summary: "raw HTML that GitHub's rules do not allow was removed from the page" },
  'limits/size': {
    level: 'error',
    doc: 'pm-build',
    summary: 'an incident file over 1 MB is not read (long logs belong in `sources:` files, which are streamed)',
  },
  'limits/nesting': {
    level: 'error',
    doc: 'pm-build',
    summary: 'block quotes, lists and emphasis nested more than 100 levels (`file:line:col` of the first marker past it)',
  },
  'limits/time': {
    level: 'error',
    doc: 'pm-build',
    summary: 'an incident that takes longer than 30 s, or `PM_INCIDENT_TIMEOUT=<seconds>` (an environment variable: a site cannot raise it)',
  },
} as const satisfies Record<string, RuleSpec>;
