/**
 * Every test run gets one temp folder of its own (TMPDIR for the tests and every process
 * they start), removed when the run ends — so no test, helper or spawned `pm` can leave
 * folders behind in the machine's temp dir, even when a test fails half-way.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = project.config.env?.TMPDIR;
  return () => {
    if (typeof dir === 'string' && dir.includes('pm-test-run-')) rmSync(dir, { recursive: true, force: true });
  };
}
