/** The check every fast path (a shortcut past a library) is held to. */
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * On every generated input, `fast` gives exactly `reference`'s result or null (it gave up).
 * It must take at least `atLeast` of the inputs: a property where everything falls back
 * proves nothing.
 */
export function expectSameOrGiveUp<T>(
  inputs: fc.Arbitrary<string>,
  fast: (input: string) => T | null,
  reference: (input: string) => unknown,
  run: { numRuns: number; seed: number; atLeast: number },
): void {
  let taken = 0;
  fc.assert(
    fc.property(inputs, (input) => {
      const result = fast(input);
      if (result === null) return;
      taken++;
      expect(result).toStrictEqual(reference(input));
    }),
    { numRuns: run.numRuns, seed: run.seed },
  );
  expect(taken).toBeGreaterThan(run.atLeast);
}
