// Types of scripts/rule-tables.mjs, for the test that imports it (test/diagnostics/rules.test.ts).
import type { RuleSpec } from '../src/diagnostics/spec.js';

export type Rule = RuleSpec & { id: string };
export function headingAnchors(markdown: string): Map<string, string>;
export function selectRules(selectors: readonly string[], rules: readonly Rule[]): Rule[];
export function renderTable(selectors: readonly string[], rules: readonly Rule[], anchors: ReadonlyMap<string, string>): string;
export function writeTables(readme: string, rules: readonly Rule[], anchors?: ReadonlyMap<string, string>): string;
export function problems(readme: string, rules: readonly Rule[], anchors?: ReadonlyMap<string, string>): string[];
export function loadRules(): Promise<Rule[]>;
