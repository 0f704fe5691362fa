/**
 * The registry of diagnostic rules: every rule id pm reports, with its level, a one-line
 * summary and the README section that explains it. `Diagnostic.rule` is a {@link RuleId},
 * so an id that is not here does not compile, and the Reporter's `error`/`warn`/`info`
 * accept only the rules registered at that level. The README's rule tables are written
 * from it (scripts/rule-tables.mjs) and a test fails when they differ.
 *
 * To add a rule: add it to the file of its area under rules/, report it, run
 * `node scripts/rule-tables.mjs` to rewrite the README's tables.
 */
import { POST_RULES } from './rules/posts.js';
import { SITE_RULES } from './rules/site.js';
import { SOURCE_RULES } from './rules/sources.js';
import { TIMELINE_RULES } from './rules/timeline.js';
import type { Level, RuleSpec } from './spec.js';

export type { Level, RuleSpec } from './spec.js';

export const RULES = { ...POST_RULES, ...TIMELINE_RULES, ...SOURCE_RULES, ...SITE_RULES } as const;

export type RuleId = keyof typeof RULES;

type Spec<R extends RuleId> = (typeof RULES)[R];
/** The levels rule `R` may be reported at: its default and its `also`. */
export type LevelOf<R extends RuleId> = Spec<R>['level'] | (Spec<R> extends { also: readonly (infer A)[] } ? A : never);
/** The rules that may be reported at level `L`. */
export type RuleAt<L extends Level> = { [R in RuleId]: L extends LevelOf<R> ? R : never }[RuleId];

const table: Readonly<Record<string, RuleSpec>> = RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(table, id);
}

/** Every rule, in the registry's order (by area). */
export function allRules(): Array<RuleSpec & { id: RuleId }> {
  return (Object.keys(RULES) as RuleId[]).map((id) => ({ id, ...table[id]! }));
}

/** The levels a rule may be reported at, its default first. */
export function levelsOf(id: RuleId): Level[] {
  const spec = table[id]!;
  return [spec.level, ...(spec.also ?? [])];
}
