/** Rules of the site as a whole: its files, config, theme, outputs, checks and imports. */
import type { RuleSpec } from '../spec.js';

export const SITE_RULES = {
  'site/unreadable': {
    level: 'error',
    doc: 'pm-build',
    summary:
      'a post, the posts folder, a bundle folder, a bundle or `static/` file or `pm.config.yaml` that cannot be read (no read permission, a link to nothing, a loop of links, a named pipe); that file is left out, the rest is built, and the build fails',
  },
  'site/outside': {
    level: 'error',
    doc: 'building-sites-you-did-not-write',
    summary: 'a post, a bundle, the posts folder or `pm.config.yaml` is a link to outside the site; it is not read',
  },
  'site/outside-root': { level: 'error', doc: 'bundle-assets-and-static', summary: 'a bundle or `static/` file leads outside the site; it is not published' },
  'site/not-a-file': {
    level: 'error',
    doc: 'bundle-assets-and-static',
    summary: 'a bundle or `static/` entry is a named pipe, socket or device; it is not published',
  },
  'site/asset-collision': { level: 'error', doc: 'bundle-assets-and-static', summary: 'two bundle or `static/` files would be published at the same path' },
  'site/duplicate-slug': { level: 'error', doc: 'pm-build', summary: 'two incidents have the same slug, so one page would overwrite the other' },
  'site/page-collision': {
    level: 'error',
    doc: 'pm-build',
    summary: 'an incident page would be written where a site-wide page goes (a slug such as `tags` under `url_preset: flat` or custom `urls`)',
  },
  'site/empty': { level: 'warning', doc: 'pm-build', summary: 'no incidents found in the posts folder' },
  'config/syntax': { level: 'error', doc: 'configuration', summary: '`pm.config.yaml` is not valid YAML or JSON' },
  'config/unknown-key': { level: 'warning', doc: 'configuration', summary: 'a config key pm does not know (the known keys are listed)' },
  'config/value': { level: 'error', doc: 'configuration', summary: 'a config key has a value pm cannot use' },
  'config/urls': { level: 'error', doc: 'configuration', summary: 'a `urls.*` pattern or `url_preset` pm cannot publish' },
  'config/trackers': {
    level: 'error',
    doc: 'configuration',
    summary: 'a `trackers` entry that is not a `#` or a project key mapped to an http(s) URL holding `:id` once',
  },
  'theme/outside': { level: 'error', doc: 'themes', summary: 'a theme file is a link to outside the site; it is neither read nor published' },
  'theme/unreadable': {
    level: 'error',
    also: ['warning'],
    doc: 'themes',
    summary: 'a theme file cannot be read or is a named pipe or device (error); a link to nothing is skipped (warning)',
  },
  'theme/failed': { level: 'error', doc: 'pm-build', summary: 'the theme threw while rendering the site-wide pages; the build stops with exit 1' },
  'build/output': { level: 'warning', doc: 'pm-build', summary: 'something about the output folder pm could not clean up or restore' },
  'build/cache': { level: 'warning', doc: 'pm-build', summary: 'the build cache in `.pm-cache/` could not be saved; the next build starts without it' },
  'serve/rebuild': { level: 'error', doc: 'pm-serve', summary: 'a rebuild of `pm serve` failed; the browser shows the error until the next save' },
  'search/unavailable': {
    level: 'warning',
    doc: 'services-search-and-pages-that-scale',
    summary: 'the search index could not be made; the site is built without search',
  },
  'check/missing-section': {
    level: 'warning',
    doc: 'pm-check',
    summary: 'a section of `required_sections` has no heading (any level, case-insensitive; `## Root cause analysis` counts for "Root cause")',
  },
  'check/broken-link': {
    level: 'error',
    doc: 'pm-check',
    summary: 'a link to another incident that leads nowhere: `../other-slug/`, `/incidents/other-slug/`, or a file link `./other.md` / `posts/other.md`',
  },
  'check/dead-link': {
    level: 'warning',
    doc: 'pm-check',
    summary:
      "any other link to a page of the site (ending in `/` or `.html`) that pm does not write, resolved from the incident's page: a tag no incident has, `about.html`, or a blog's `tag_post-mortem.html` beside the post when the URLs put tag pages elsewhere (the message then names `url_preset: flat`). Folders pm fills itself (`assets/`, `page/`, `api/`…) and links leaving the site are not judged",
  },
  'link/missing-target': {
    level: 'warning',
    doc: 'pm-check',
    summary:
      'a local link or image (`![graph](img/errors.png)`, `[notes](notes.txt)`, `/files/x.pdf`, a `[ref]: …` definition) that points at nothing the site publishes; `pm build` reports it too. `pm check` renders no site-wide page, so it leaves targets shaped like pages (a folder, `.html`, `.xml`, `.json`) to `pm build`',
  },
  'check/action-owner': { level: 'warning', doc: 'pm-check', summary: 'an open action item without `owner:`' },
  'check/action-overdue': {
    level: 'warning',
    doc: 'pm-check',
    summary: 'an open action item due before `--today` (never checked without it: the output does not depend on the clock)',
  },
  'check/tag-spelling': {
    level: 'warning',
    doc: 'pm-check',
    summary: 'one tag written two ways (`IPv6` / `ipv6`) or near-twins (`database` / `databse`, `outage` / `outages`)',
  },
  'check/source-order': { level: 'warning', doc: 'pm-check', summary: 'a log source whose lines go back in time by more than 2 s' },
  'check/placeholder': {
    level: 'warning',
    doc: 'pm-check',
    summary: 'a prompt of the `pm new` template still in the post ("What happened, in two or three sentences…")',
  },
  'import/refused': { level: 'warning', doc: 'pm-import-jekyllhugo-dir', summary: 'a post, folder or image of the blog links outside it; it is not read' },
  'import/front-matter': { level: 'error', doc: 'pm-import-jekyllhugo-dir', summary: "a blog post's front-matter cannot be read; the post is not imported" },
  'import/no-date': { level: 'warning', doc: 'pm-import-jekyllhugo-dir', summary: 'a blog post with no date in its front-matter or file name' },
  'import/keys': { level: 'info', doc: 'pm-import-jekyllhugo-dir', summary: 'front-matter keys with no meaning in pm were left out' },
  'import/image': { level: 'warning', doc: 'pm-import-jekyllhugo-dir', summary: 'an image the post shows could not be copied' },
  'import/template': { level: 'warning', doc: 'pm-import-jekyllhugo-dir', summary: 'Liquid or a Hugo shortcode is not carried over: it stays in the text' },
} as const satisfies Record<string, RuleSpec>;
