/**
 * The shape of a rule in the registry (rules.ts). Kept apart from diagnostics.ts so that
 * the registry and the Diagnostic type can both use it without importing each other.
 */

export type Level = 'error' | 'warning' | 'info';

export interface RuleSpec {
  /** The level the rule is reported at. */
  readonly level: Level;
  /** Other levels it is reported at in some cases (the summary says which). */
  readonly also?: readonly Level[];
  /** One line for the README's rule tables: what the author did and what pm does about it. */
  readonly summary: string;
  /** The README section that explains it: a GitHub heading anchor, without `#`. */
  readonly doc: string;
}
