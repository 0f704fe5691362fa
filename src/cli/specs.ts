/**
 * Every command's usage, summary and options, kept apart from the commands so that
 * `pm` loads only the code of the command it runs.
 */
import type { CommandSpec } from './args.js';

export const initSpec: CommandSpec = {
  name: 'init',
  usage: 'pm init [DIR] [--title "Site title"]',
  summary: 'Start a site in DIR (default: here): config, an example incident, .gitignore, CI + Pages workflow, _headers. Never overwrites.',
  options: {
    title: { type: 'string', arg: 'TITLE', help: 'site title written into pm.config.yaml (default: Post-mortems)' },
  },
};

export const importSpec: CommandSpec = {
  name: 'import',
  usage: 'pm import jekyll|hugo DIR [--tag post-mortem] [--root DIR]',
  summary: "Copy a Jekyll or Hugo blog's posts into posts/ as bundles with their images. Never overwrites.",
  options: {
    tag: { type: 'string', arg: 'TAG', help: 'only posts with this tag or category' },
    root: { type: 'string', arg: 'DIR', help: 'site root to import into (default: .)' },
  },
};

export const newSpec: CommandSpec = {
  name: 'new',
  usage: 'pm new incident "Title" [--date D] [--timezone Z] [--tags a,b] [--severity S] [--dir posts] [--bundle]',
  summary: 'Create a post-mortem from the template and print its path. Never overwrites an existing file.',
  options: {
    date: { type: 'string', arg: 'D', help: 'incident date: 2026-03-04, 2026-03-04T09:30 or touch -t style 202603040930.00 (default: today in the zone)' },
    timezone: { type: 'string', arg: 'Z', help: 'zone of the timeline: America/Chicago, UTC, +02:00 (default: site zone)' },
    tags: { type: 'string', arg: 'a,b', help: 'comma-separated tags' },
    severity: { type: 'string', arg: 'S', help: 'severity, e.g. SEV2 (default: SEV3)' },
    author: { type: 'string', arg: 'NAME', help: 'author (repeatable)', multiple: true },
    dir: { type: 'string', arg: 'DIR', help: 'folder to write into (default: posts)' },
    bundle: { type: 'boolean', help: 'write <date>-<slug>/index.md: logs and images go beside it' },
    root: { type: 'string', arg: 'DIR', help: 'site root (default: .)' },
  },
};

export const buildSpec: CommandSpec = {
  name: 'build',
  usage: 'pm build [--root DIR] [--out DIR] [--drafts] [--public] [--base-url URL] [--file-links] [--jobs N] [--today YYYY-MM-DD] [--quiet]',
  summary: 'Build the post-mortem site from posts/ into dist/. The previous dist/ stays whole if the build fails.',
  options: {
    root: { type: 'string', arg: 'DIR', help: 'site root holding posts/ and pm.config.yaml (default: .)' },
    out: { type: 'string', arg: 'DIR', help: 'output folder (default: dist)' },
    drafts: { type: 'boolean', help: 'include draft: true incidents' },
    public: { type: 'boolean', help: 'leave [internal] events and drafts out of every output' },
    'base-url': { type: 'string', arg: 'URL', help: 'absolute URL the site is served from (feeds, sitemap)' },
    'file-links': { type: 'boolean', help: 'links name …/index.html, so dist/ can be browsed from disk (config: links: file)' },
    theme: { type: 'string', arg: 'NAME', help: 'theme under themes/ (default: default)' },
    today: {
      type: 'string',
      arg: 'DAY',
      help: "mark follow-ups due before this day overdue (YYYY-MM-DD; default: SOURCE_DATE_EPOCH, else the reader's browser does)",
    },
    jobs: { type: 'string', short: 'j', arg: 'N', help: 'worker processes (default: one per core; env PM_JOBS)' },
    quiet: { type: 'boolean', short: 'q', help: 'print only errors' },
  },
};

export const serveSpec: CommandSpec = {
  name: 'serve',
  usage: 'pm serve [--root DIR] [--port N] [--host 127.0.0.1] [--strict-port] [--drafts] [--open]',
  summary: 'Build the site in memory and serve it; rebuild what an edit touches and reload open pages.',
  options: {
    root: { type: 'string', arg: 'DIR', help: 'site root holding posts/ and pm.config.yaml (default: .)' },
    port: { type: 'string', short: 'p', arg: 'N', help: 'port (default: 4000; the next free one if taken)' },
    host: { type: 'string', arg: 'HOST', help: 'address to listen on (default: 127.0.0.1, this machine only)' },
    'strict-port': { type: 'boolean', help: 'fail when the port is taken instead of trying the next one' },
    drafts: { type: 'boolean', help: 'include draft: true incidents' },
    theme: { type: 'string', arg: 'NAME', help: 'theme under themes/ (default: default)' },
    open: { type: 'boolean', help: 'open the site in the default browser' },
  },
};

export const checkSpec: CommandSpec = {
  name: 'check',
  usage: 'pm check [--root DIR] [--format text|json|github] [--strict] [--today YYYY-MM-DD] [--drafts]',
  summary: 'Check every incident (front-matter, timelines, sources, sections, links, action items, tags) and print each problem; exit 1 on errors.',
  options: {
    root: { type: 'string', arg: 'DIR', help: 'site root (default: .)' },
    format: { type: 'string', arg: 'F', help: 'text (default), json, or github (workflow annotations)' },
    strict: { type: 'boolean', help: 'exit 1 on warnings too' },
    today: { type: 'string', arg: 'DAY', help: 'report open action items due before this day (YYYY-MM-DD; default: no past-due check)' },
    drafts: { type: 'boolean', help: 'check draft incidents too (default: yes)' },
  },
};

export const timelineSpec: CommandSpec = {
  name: 'timeline',
  usage: 'pm timeline FILE [--format table|md|html|json] [--json] [--zone Z] [--source LOG ...]',
  summary: "Print an incident's normalized timeline (the same JSON the site publishes with --json).",
  options: {
    format: { type: 'string', arg: 'F', help: 'table (default), md, html or json' },
    json: { type: 'boolean', help: 'same as --format json' },
    zone: { type: 'string', arg: 'Z', help: 'show local times in this zone' },
    long: { type: 'boolean', help: 'long offsets: T+5 hours 20 minutes' },
    public: { type: 'boolean', help: 'leave [internal] events out' },
    source: { type: 'string', arg: 'LOG', multiple: true, help: 'add a log file (repeatable), path relative to here' },
    'source-format': { type: 'string', arg: 'F', help: 'syslog, ndjson, json, csv, yaml, clf, irc or slack (default: detected)' },
    'source-timezone': { type: 'string', arg: 'Z', help: 'zone of log times without one' },
    'source-year': { type: 'string', arg: 'Y', help: 'year of syslog lines' },
    'source-label': { type: 'string', arg: 'NAME', help: 'name of the source on the page' },
    match: { type: 'string', arg: 'RE', help: 'keep log lines matching RE' },
    exclude: { type: 'string', arg: 'RE', help: 'drop log lines matching RE' },
    group: { type: 'string', arg: 'WINDOW', help: 'fold repeats inside a window, e.g. 10m' },
  },
};
