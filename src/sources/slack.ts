/**
 * A Slack workspace export (`users.json`, `channels.json`, `<channel>/<YYYY-MM-DD>.json`)
 * as a source. `path` names the channel folder, or the export root with `channel:`.
 * Day files are read one at a time in date order (memory holds one day), each event
 * keeping the day file's `file:line`. Only regular files inside the export are read:
 * a symbolic link, a channel name with a slash or `..` is refused.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Reporter } from '../diagnostics.js';
import { Collector } from './collect.js';
import { buildFilter, describeFilter, type LineFilter } from './filter.js';
import { isInside } from '../load/confine.js';
import { parseJsonArray } from './json-array.js';
import { parseWindow } from './spec.js';
import { slackRecord, slackUsers, type SlackState } from './slack-message.js';
import { stripBom } from '../text/controls.js';
import { SourceError, type SourceContext, type SourceSpec, type SourceStats } from './types.js';

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** The export root above a channel folder, when pm may look there (inside the fence, if any). */
function parentOf(dir: string, fence: string | undefined): string | null {
  const up = path.dirname(dir);
  return fence === undefined || isInside(fence, up) ? up : null;
}

/** True when `dir` looks like a Slack export root or one of its channel folders. */
export async function isSlackFolder(dir: string, fence?: string): Promise<boolean> {
  if ((await isFile(path.join(dir, 'users.json'))) || (await isFile(path.join(dir, 'channels.json')))) return true;
  const up = parentOf(dir, fence);
  if (up !== null && (await isFile(path.join(up, 'users.json')))) return true;
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.some((n) => DAY_FILE.test(n));
}

async function isFile(p: string): Promise<boolean> {
  const st = await lstat(p).catch(() => null);
  return st?.isFile() ?? false;
}

async function readJson(file: string, shown: string): Promise<unknown> {
  const text = stripBom(await readFile(file, 'utf8'));
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SourceError('source/malformed', `${shown} is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The export root and the channel folder of a spec. */
async function locate(spec: SourceSpec, ctx: SourceContext): Promise<{ root: string | null; channel: string; shownChannel: string }> {
  const dir = ctx.absPath;
  const isRoot = (await isFile(path.join(dir, 'users.json'))) || (await isFile(path.join(dir, 'channels.json')));
  if (!isRoot) return { root: parentOf(dir, ctx.fence), channel: dir, shownChannel: ctx.file };
  const channels = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const name = spec.channel?.replace(/^#/, '');
  if (name === undefined) {
    throw new SourceError(
      'source/slack-channel',
      `"${spec.path}" is a Slack export: name the channel with \`channel:\` (${channels.length ? `one of ${channels.join(', ')}` : 'it has no channel folder'})`,
    );
  }
  if (!channels.includes(name) || /[/\\]/.test(name) || name === '.' || name === '..') {
    throw new SourceError(
      'source/slack-channel',
      `the Slack export "${spec.path}" has no channel folder "${name}"${channels.length ? `; channels: ${channels.join(', ')}` : ''}`,
    );
  }
  return { root: dir, channel: path.join(dir, name), shownChannel: `${ctx.file}/${name}` };
}

/** Reads a Slack channel's day files into the collector. */
export async function readSlack(
  spec: SourceSpec,
  ctx: SourceContext,
  filter: LineFilter,
  collector: Collector,
  stats: SourceStats,
  warn: (message: string) => void,
): Promise<void> {
  const { root, channel, shownChannel } = await locate(spec, ctx);
  let users = new Map<string, string>();
  const usersFile = root === null ? null : path.join(root, 'users.json');
  if (usersFile !== null && (await isFile(usersFile))) users = slackUsers(await readJson(usersFile, 'users.json'));
  else warn('the Slack export has no users.json (a regular file next to the channel folders): senders are shown by their user id');
  const st: SlackState = { users, includeJoins: spec.include_joins === true, threads: new Map() };
  const entries = await readdir(channel, { withFileTypes: true });
  const days = entries.filter((e) => DAY_FILE.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (days.length === 0)
    throw new SourceError('source/slack-channel', `"${spec.path}" has no day files (YYYY-MM-DD.json): is it a Slack export's channel folder?`);
  for (const day of days) {
    const shown = `${shownChannel}/${day.name}`;
    if (!day.isFile()) {
      warn(`${day.name} is not a regular file (a link or a folder): it is not read`);
      continue;
    }
    const buf = await readFile(path.join(channel, day.name));
    stats.bytes += buf.length;
    const text = stripBom(buf.toString('utf8'));
    stats.lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    let elements;
    try {
      elements = parseJsonArray(text);
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      collector.add({ ok: false, rule: err.rule, level: 'error', reason: err.message }, err.line, shown);
      continue;
    }
    for (const el of elements) {
      const outcome = slackRecord(el.value, st);
      if (outcome?.ok && !filter(outcome.text)) continue;
      collector.add(outcome, el.line, shown);
    }
  }
}

/** The whole source: filters, grouping, the channel's events and the summary diagnostics. */
export async function readSlackSource(spec: SourceSpec, ctx: SourceContext, reporter: Reporter, stats: SourceStats): Promise<Collector> {
  const built = buildFilter(spec);
  const windowMs = spec.group === undefined ? null : parseWindow(spec.group);
  const collector = new Collector(reporter, spec.label, windowMs);
  if (!built.ok) {
    reporter.error('source/regex', `\`${built.key}\` is not a valid regular expression (${built.reason})`);
    return collector;
  }
  try {
    await readSlack(spec, ctx, built.filter, collector, stats, (message) => reporter.warn('source/slack', message));
  } catch (err) {
    if (err instanceof SourceError) reporter.error(err.rule, err.message, { line: err.line, column: err.line ? 1 : 0 });
    else reporter.error('source/unreadable', `source "${spec.path}" cannot be read (${(err as { code?: string }).code ?? String(err)})`);
  }
  collector.finish(stats.lines, describeFilter(spec));
  return collector;
}
