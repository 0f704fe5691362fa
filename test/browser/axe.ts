/** axe-core in a Chromium page: the serious and critical violations, one line each. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './site.js';

const axePath = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}
interface AxeResults {
  violations: AxeViolation[];
  passes: unknown[];
}

/** One line per serious/critical violation: rule, impact, help and the first targets. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const targets = v.nodes
        .slice(0, 4)
        .map((n) => JSON.stringify(n.target))
        .join(', ');
      const why = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 240) ?? '';
      return `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): ${targets}${v.nodes.length > 4 ? ', …' : ''} | ${why}`;
    });
}

/** Runs axe on the page as it is now (the context needs bypassCSP: axe is injected as a script). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
    return JSON.parse(JSON.stringify(await axe.run())) as unknown;
  })) as AxeResults;
  if (results.passes.length === 0) throw new Error('axe did not run');
  return describeViolations(results.violations);
}
