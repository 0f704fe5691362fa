/**
 * One message of a Slack export → a record: the sender's display or real name from
 * users.json, `<@U…>` mentions as `@name`, `<#C…|name>` as `#name`, links as their
 * label, Slack's `&amp; &lt; &gt;` decoded (the text is escaped again on output), `ts`
 * with its microseconds. Joins and leaves (`channel_join`-style subtypes) are left
 * out unless `include_joins`. A thread reply says which thread it belongs to.
 */
import { epochInstant } from './timestamp.js';
import { bad, type ParseOutcome, type ParsedRecord } from './types.js';

/** Subtypes that only say who came and went. */
const MEMBERSHIP = new Set(['channel_join', 'channel_leave', 'group_join', 'group_leave', 'bot_add', 'bot_remove']);
const TS = /^(\d{1,12})(?:\.(\d{1,9}))?$/;

export type Users = ReadonlyMap<string, string>;

/** users.json's array → id → the name Slack shows (display name, else real name, else handle). */
export function slackUsers(list: unknown): Map<string, string> {
  const users = new Map<string, string>();
  if (!Array.isArray(list)) return users;
  for (const u of list) {
    if (!u || typeof u !== 'object') continue;
    const o = u as Record<string, unknown>;
    const profile = (o['profile'] && typeof o['profile'] === 'object' ? o['profile'] : {}) as Record<string, unknown>;
    const name = [profile['display_name'], profile['real_name'], o['real_name'], o['name']].find((v) => typeof v === 'string' && v.trim() !== '');
    if (typeof o['id'] === 'string' && typeof name === 'string') users.set(o['id'], name.trim());
  }
  return users;
}

/** Slack's markup in a message text → what the reader sees. */
export function slackText(text: string, users: Users): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `@${users.get(id) ?? label ?? id}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto):[^|>]*)\|([^>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface SlackState {
  users: Users;
  includeJoins: boolean;
  /** Thread start `ts` → a few words of its first message, for the replies. */
  threads: Map<string, string>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** One element of a `<channel>/<YYYY-MM-DD>.json` array. */
export function slackRecord(value: unknown, st: SlackState): ParseOutcome {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return bad('expected a Slack message object');
  const m = value as Record<string, unknown>;
  const subtype = str(m['subtype']);
  if (subtype && MEMBERSHIP.has(subtype) && !st.includeJoins) return null;
  const ts = str(m['ts']);
  const t = ts ? TS.exec(ts) : null;
  if (!ts || !t) return bad('no `ts` (Slack message time, such as "1599036312.000200")');
  const at = epochInstant(t[1]!, t[2] ?? '');
  if (!at.ok) return bad(`ts: ${at.reason}`);
  const userId = str(m['user']);
  const profile = m['user_profile'] as Record<string, unknown> | undefined;
  const who =
    (userId !== undefined ? st.users.get(userId) : undefined) ??
    filled(profile?.['display_name']) ??
    filled(profile?.['real_name']) ??
    filled(m['username']) ??
    userId ??
    'unknown';
  const text = slackText(str(m['text']) ?? '', st.users);
  const files = Array.isArray(m['files']) ? m['files'].length : 0;
  const body = text || (files ? `(${files} file${files > 1 ? 's' : ''})` : '');
  const threadTs = str(m['thread_ts']);
  let shown = `${who}: ${body}`;
  if (threadTs && threadTs !== ts) {
    const parent = st.threads.get(threadTs);
    shown = `${who} (in thread${parent ? ` “${parent}”` : ''}): ${body}`;
  } else if (threadTs === ts || m['reply_count'] !== undefined) {
    st.threads.set(ts, excerpt(`${who}: ${text}`));
  }
  const rec: ParsedRecord = { ok: true, at: at.at, zone: 'UTC', text: shown };
  if (at.precision) rec.precision = at.precision;
  return rec;
}

function filled(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function excerpt(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}
