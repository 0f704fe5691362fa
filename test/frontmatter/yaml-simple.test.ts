import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSimpleYaml } from '../../src/frontmatter/yaml-simple.js';
import { parseYamlFrontMatter } from '../../src/frontmatter/yaml-engine.js';
import { expectSameOrGiveUp } from '../differential.js';

// Scalars as authors write them, with every form YAML reads as something else than a string.
const scalar = fc.constantFrom(
  'SEV2', 'resolved', 'Etc/UTC', 'America/Chicago', '2024-03-11', '2024-03-11T09:14:00+01:00', '2024-03-11 09:14', '12:30', '09:14:05',
  '1', '-1', '+1', '1.5', '.5', '1e3', '0x1F', '0o17', '017', '1_000', '.inf', '-.inf', '.nan', '~', 'null', 'Null', 'NULL', 'nul',
  'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'yes', 'no', 'on', 'off', 'y', 'n',
  'a b', 'a: b', 'a:b', 'a #b', 'a#b', 'a:', '-a', '- a', '?a', ':a', ',a', 'a,b', '[a]', '{a}', '#a', '&a', '*a', '!a', '|', '>', "'a'", '"a"',
  '%a', '@a', '`a', 'a{b', 'a}b', 'a]b', 'é', 'ünïcode words', '😀', 'a\\b', "it's", 'say "hi"', '', ' a', 'a ', 'a  b',
);
const quoted = scalar.map((s) => fc.sample(fc.constantFrom(`"${s}"`, `'${s}'`, s), 1)[0]!);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: quoted },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '  ', ' '), fc.array(quoted, { minLength: 0, maxLength: 3 })).map(([ind, xs]) => `\n${xs.map((x) => `${ind}- ${x}`).join('\n')}`) },
);
const key = fc.constantFrom('title', 'date', 'tags', 'severity', 'timezone', 't0', 'authors', 'draft', 'x-y', '_k', 'true', 'null', '1a', 'a b', 'title');
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => (v.startsWith('\n') ? `${k}:${v}` : `${k}: ${v}`)) },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', 'key:', 'key:  two', 'nested:\n  a: 1', '  indented: x', '---', 'k: [a, [b]]', 'k: {a: 1}', 'k: |\n  text', 'k: "a\\"b"', "k: 'it''s'", 'k:\ttab', 'k: a\r') },
);
const frontMatter = fc.array(line, { maxLength: 8 }).map((ls) => `\n${ls.join('\n')}\n`);

describe('parseSimpleYaml: the simple front-matter fast path', () => {
  it('gives exactly what the yaml engine gives, or gives up', () => {
    expectSameOrGiveUp(frontMatter, parseSimpleYaml, parseYamlFrontMatter, { numRuns: 4000, seed: 42, atLeast: 300 });
  });

  it('takes a typical incident front-matter', () => {
    const text = '\ntitle: "Disk full on forge-2"\ndate: 2025-04-09T07:12:00+02:00\ntags:\n  - disk\n  - backup\nseverity: SEV2\ntimezone: Europe/Berlin\nservices: [git, ci]\ndraft: false\n';
    const fast = parseSimpleYaml(text);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(parseYamlFrontMatter(text));
    expect(fast!.data).toMatchObject({ date: '2025-04-09T07:12:00+02:00', tags: ['disk', 'backup'], draft: false });
  });

  it.each([
    ['a duplicate key', '\ntitle: a\ntitle: b\n'],
    ['a nested map', '\nsources:\n  auth: x\n'],
    ['a comment', '\n# note\ntitle: a\n'],
    ['an escape', '\ntitle: "a\\tb"\n'],
    ['a block scalar', '\nsummary: |\n  text\n'],
    ['a value after two spaces', '\ntitle:  a\n'],
  ])('gives up on %s', (_, text) => {
    expect(parseSimpleYaml(text)).toBeNull();
  });
});
