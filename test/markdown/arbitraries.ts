/** Generated markdown for the differential tests of the fast paths (plain.ts, html-direct.ts). */
import fc from 'fast-check';

// Link targets, safe and not: the sanitizer keeps or drops each.
const url = fc.constantFrom(
  'https://e.example/a', 'HTTP://E.EXAMPLE', 'mailto:a@e.example', '#frag', '/rel/a:b', 'a?x:y', 'a#x:y', 'é%2', '%zz%41',
  'javascript:alert(1)', 'JavaScript:x', 'data:text/html,x', 'vbscript:x', 'irc:x', 'x"y', 'x&y', 'a<b', '(a)', '<a b>',
);
export const word = fc.constantFrom('disk', 'db-01', 'T0', 'rollback', 'é', 'naïve', '😀', '2024', '42', 'a_b', 'x');
// Pieces of inline text: mostly what posts are made of, plus every character that
// starts or ends a construct, in places where it does and where it does not.
const piece = (odd: number) => fc.oneof(
  { weight: odd ? 0 : 1, arbitrary: word },
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', ' ', ': ', ', ', '. ', ' (', ') ', ' — ') },
  { weight: 2, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 2, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 2, arbitrary: word.map((w) => `\`${w}\``) },
  { weight: 2, arbitrary: word.map((w) => `[${w}](https://e.example/${w}?a=1&b=2)`) },
  { weight: 1, arbitrary: fc.tuple(word, url).map(([w, u]) => `[${w}](${u})`) },
  {
    weight: odd,
    arbitrary: fc.constantFrom(
      '*', '**', '***', '_', '__', '`', '``', '[', ']', '](', '(', ')', '<', '>', '<b>', '&', '&amp;', '&#42;', '\\', '\\*',
      '!', '![', '~', '~~', '|', '#', '-', '+', '=', '1.', '2)', '\t', '  ', '"', "'", '<https://e.example>', ' `<a `>',
      '[x]: /u', '[ ]', '[x]', '\u00a0', ';', '*a', 'a*', '* ', '** a**',
    ),
  },
);
export const docs = (odd: number) => {
  const inline = fc.array(piece(odd), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
  const line = fc.oneof(
  { weight: 5, arbitrary: inline },
  { weight: 3, arbitrary: inline.map((t) => `- ${t}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 3, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('```', '```sh', '```sh x', '````', '   ```', '~~~', '---', '***', '===', '> q', '    code', ' - x', '* x', '1. x', '   ', ' x') },
  );
  return fc.array(line, { minLength: 1, maxLength: 12 }).map((ls) => ls.join('\n'));
};

// A construct just outside the subset (or just inside), alone in otherwise clean text.
export const nearMiss = fc.tuple(word, fc.constantFrom<((w: string) => string)[]>(
  (w) => `* ${w}*`, (w) => `*${w} *`, (w) => `** ${w}**`, (w) => `*${w}**`, (w) => `**${w}*`, (w) => `*${w}*${w}`,
  (w) => `${w}*${w}*`, (w) => `_${w}_`, (w) => `${w}_${w}_`, (w) => `__${w}__`, (w) => `*${w}_*`, (w) => `(*${w}*)`,
  (w) => `\` ${w}\``, (w) => `\`${w} \``, (w) => `\` ${w} \``, (w) => `\`${w}\`\``, (w) => `\`\`${w}\``, (w) => `\`<${w}\`>`,
  (w) => `\`<${w}\` x>`, (w) => `\`<${w}>\``, (w) => `\`<a title='${w}\`'>`, (w) => `\`<https://e.example/${w}\`>`, (w) => `\`*${w}*\``, (w) => `\`[${w}](u)\``,
  (w) => `![${w}](u)`, (w) => `!\`${w}\``, (w) => `[${w}](u "t")`, (w) => `[${w}](<u>)`, (w) => `[${w}]( u)`, (w) => `[${w}](u)x`,
  (w) => `[*${w}*](u)`, (w) => `[\`${w}\`](u)`, (w) => `[${w}](u*)`, (w) => `[${w}](a&amp;b)`, (w) => `[${w}](u))`, (w) => `[[${w}](u)`,
  (w) => `[${w}]`, (w) => `${w}]`, (w) => `&${w};`, (w) => `<${w}>`, (w) => `${w}\\`,
)).map(([w, f]) => f(w));
