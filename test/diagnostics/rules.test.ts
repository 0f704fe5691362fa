/**
 * The registry (src/diagnostics/rules.ts) and the README agree: every rule table between
 * `<!-- rules: … -->` markers is what scripts/rule-tables.mjs writes from the registry, every
 * rule's doc anchor is a README heading, and the registry names only rules pm reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, isRuleId, levelsOf, RULES } from '../../src/diagnostics/rules.js';
import { POST_RULES } from '../../src/diagnostics/rules/posts.js';
import { SITE_RULES } from '../../src/diagnostics/rules/site.js';
import { SOURCE_RULES } from '../../src/diagnostics/rules/sources.js';
import { TIMELINE_RULES } from '../../src/diagnostics/rules/timeline.js';
import { headingAnchors, loadRules, problems, writeTables } from '../../scripts/rule-tables.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const README = readFileSync(path.join(REPO, 'README.md'), 'utf8');
const rules = allRules();
/** README's headings: table edits do not change them. */
const anchors: Map<string, string> = headingAnchors(README);

describe('README rule tables', () => {
  it('are what the registry says, and every doc anchor is a README heading', () => {
    expect(problems(README, rules)).toEqual([]);
    expect(anchors.get('rules')).toBe('Rules');
  });

  it('list every rule of the registry with its levels', () => {
    for (const r of rules) {
      const row = new RegExp(`^\\| \`${r.id}\` \\| ${levelsOf(r.id).join(', ')} \\| `, 'm');
      expect(README, r.id).toMatch(row);
    }
  });

  it('the script reads the same registry from its TypeScript source', async () => {
    expect(await loadRules()).toEqual(rules);
  });

  it('a level, a summary or a rule changed on one side only is caught', () => {
    const levelEdited = README.replace('| `limits/size` | error |', '| `limits/size` | warning |');
    expect(levelEdited).not.toBe(README);
    expect(problems(levelEdited, rules, anchors)).toEqual([expect.stringContaining('differ from the registry')]);
    expect(writeTables(levelEdited, rules, anchors)).toBe(README);

    const dropped = rules.filter((r) => r.id !== 'site/duplicate-slug');
    expect(problems(README, dropped, anchors)).toEqual([expect.stringContaining('differ from the registry')]);
    const summary = rules.map((r) => (r.id === 'limits/time' ? { ...r, summary: 'changed' } : r));
    expect(problems(README, summary, anchors)).toEqual([expect.stringContaining('differ from the registry')]);
  });

  it('a doc anchor that is no heading is named, and headings in code blocks do not count', () => {
    const moved = rules.map((r) => (r.id === 'site/empty' ? { ...r, doc: 'no-such-section' } : r));
    expect(problems(writeTables(README, moved, anchors), moved, anchors)).toEqual(['site/empty: doc "#no-such-section" is no heading of README.md']);
    const small: Map<string, string> = headingAnchors('# A `b` c\n\n```md\n## Hidden\n```\n\n## A b c\n');
    expect([...small.keys()]).toEqual(['a-b-c', 'a-b-c-1']);
  });

  it('a table selector that names no rule is an error, not an empty table', () => {
    expect(() => writeTables('<!-- rules: nosuch/ -->\n<!-- /rules -->\n', rules)).toThrow('"nosuch/" names no rule');
  });
});

describe('the registry', () => {
  it("gives each id once (no area file repeats another one's id)", () => {
    const parts = [POST_RULES, TIMELINE_RULES, SOURCE_RULES, SITE_RULES].map((p) => Object.keys(p).length);
    expect(parts.reduce((a, b) => a + b)).toBe(Object.keys(RULES).length);
  });

  it('has one-line summaries and levels that name each level once', () => {
    for (const r of rules) {
      expect(r.summary, r.id).toMatch(/^[^\n]{10,}$/);
      expect(new Set(levelsOf(r.id)).size, r.id).toBe(levelsOf(r.id).length);
      expect(r.id).toMatch(/^[a-z]+\/[a-z][a-z-]*$/);
    }
    expect(isRuleId('timeline/timestamp')).toBe(true);
    expect(isRuleId('toString')).toBe(false);
  });

  it('names only rules that pm reports (each id is written somewhere in src/ outside the registry)', () => {
    const text: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory() && full !== path.join(REPO, 'src', 'diagnostics')) walk(full);
        else if (e.isFile() && e.name.endsWith('.ts')) text.push(readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(REPO, 'src'));
    const all = text.join('\n');
    const unused = rules.filter((r) => !all.includes(`'${r.id}'`)).map((r) => r.id);
    expect(unused).toEqual([]);
  });
});
