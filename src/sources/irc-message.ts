/**
 * The part of an IRC log line after its timestamp, whatever the client wrote it:
 * a message (`<nick> text`, `<@nick>\ttext`), an action (`* nick waves`), a
 * membership or mode line (joins, parts, quits, mode changes, netsplits) or any
 * other notice (topic, nick change). Nicks and text are attacker-controlled: they
 * are only sliced here; collect.ts cleans and escapes them.
 */

export type IrcMessage = { kind: 'message'; text: string } | { kind: 'membership'; text: string } | { kind: 'other'; text: string };

/** `<nick>` or `<@nick>` then a space or a tab; mode prefixes (@ + % ~ &) are left out of the nick. */
const SAID = /^<[ @+%~&!]?([^\s<>]+)>[ \t]?(.*)$/s;
/** `* nick waves` (irssi ` * `, ZNC `* `, weechat ` *\t`, HexChat `*\t`). */
const ACTION = /^\*[ \t]+(\S+)[ \t]+(.*)$/s;

const MEMBERSHIP = [
  // weechat and HexChat arrows
  /^(?:-->|<--)[ \t]/,
  // irssi
  /^-!- \S+ \[[^\]]*\] has (?:joined|quit|left)\b/,
  /^-!- (?:mode|ServerMode)\//,
  /^-!- Netsplit\b/i,
  // ZNC
  /^\*\*\* (?:Joins|Parts|Quits):/,
  /^\*\*\* \S+ sets mode: /,
  // weechat `--\tMode #chan [+o bob] by alice`, netsplits
  /^--[ \t]+(?:Mode |irc: netsplit|irc: netjoin)/,
  // HexChat mode changes, written as `*\talice gives channel operator status to bob`
  /^\*[ \t]+\S+ (?:sets mode|sets channel limit|gives (?:channel (?:operator|half-operator) status|voice)|removes (?:channel (?:operator|half-operator) status|voice)|sets ban|removes ban|has joined|has left|has quit)\b/,
];

/** Classifies what follows the timestamp; the text of a message shows its nick: `<alice> text`. */
export function readIrcMessage(rest: string): IrcMessage {
  const body = rest.replace(/^[ \t]+(?=\*[ \t])/, '');
  for (const re of MEMBERSHIP) if (re.test(body)) return { kind: 'membership', text: tidy(body) };
  const said = SAID.exec(body);
  if (said) return { kind: 'message', text: `<${said[1]}> ${said[2]}` };
  const action = ACTION.exec(body);
  if (action) return { kind: 'message', text: `* ${action[1]} ${action[2]}` };
  return { kind: 'other', text: tidy(body) };
}

function tidy(text: string): string {
  return text.replace(/\t+/g, ' ').trim();
}
