import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkNesting, checkSize, deepestNode, incidentTimeLimitMs, MAX_INCIDENT_BYTES, MAX_NESTING } from '../../src/load/guard.js';

const parse = (text: string) => unified().use(remarkParse).parse(text);
const F = 'posts/x.md';

describe('checkSize', () => {
  it('accepts a file of exactly 1 MB and refuses one byte more, saying the limit and what to do', () => {
    expect(checkSize(F, MAX_INCIDENT_BYTES)).toBeNull();
    expect(checkSize(F, MAX_INCIDENT_BYTES + 1)).toMatchObject({
      level: 'error',
      file: F,
      rule: 'limits/size',
      message: expect.stringMatching(
        /^the file is 1025 KB; pm reads at most 1024 KB \(1 MB\) per incident: move long logs into a file listed under `sources:`/,
      ),
    });
  });
});

describe('checkNesting (before parsing)', () => {
  it('accepts the limit and names the line and column of the marker past it', () => {
    expect(checkNesting(F, `a\n${'>'.repeat(MAX_NESTING)} x\n`)).toBeNull();
    expect(checkNesting(F, `a\n\n${'>'.repeat(MAX_NESTING + 1)} x\n`)).toMatchObject({ line: 3, column: MAX_NESTING + 1, rule: 'limits/nesting' });
  });

  it('counts list markers of every kind, quotes between them and the spaces that separate them', () => {
    expect(checkNesting(F, `${'- '.repeat(MAX_NESTING + 1)}x`)).toMatchObject({ line: 1, column: 2 * MAX_NESTING + 1 });
    expect(checkNesting(F, `${'1. '.repeat(MAX_NESTING + 1)}x`)).toMatchObject({ line: 1, column: 3 * MAX_NESTING + 1 });
    expect(checkNesting(F, `${'> * 2) + '.repeat(26)}x`)).toMatchObject({ line: 1, column: 25 * 9 + 1 }); // 4 markers in 9 characters
    expect(checkNesting(F, `${'  > '.repeat(MAX_NESTING + 1)}x`)).toMatchObject({ column: 4 * MAX_NESTING + 3 });
  });

  it('does not count markers inside a line, or what only looks like one', () => {
    expect(checkNesting(F, `x ${'> '.repeat(500)}`)).toBeNull();
    expect(checkNesting(F, '-'.repeat(500))).toBeNull(); // a thematic break
    expect(checkNesting(F, `${'1234567890. '.repeat(200)}`)).toBeNull(); // ten digits is no list marker
    expect(checkNesting(F, '*'.repeat(5000))).toBeNull();
  });

  it('is linear: 1 MB of quote markers on separate lines is one quick pass', () => {
    const started = performance.now();
    expect(checkNesting(F, '> a\n'.repeat(250_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('deepestNode (after parsing)', () => {
  it('finds emphasis nested past the limit, which no line prefix shows', () => {
    const n = MAX_NESTING / 2;
    expect(deepestNode(parse(`${'*a **a '.repeat(n)}b${' a** a*'.repeat(n)}`))).toBeNull();
    expect(deepestNode(parse(`x\n\n${'*a **a '.repeat(n + 1)}b${' a** a*'.repeat(n + 1)}`))).toEqual({ line: 3, column: 7 * n + 1 });
  });

  it('finds lists nested by indentation, one level per list (not per item)', () => {
    const lines = (depth: number): string => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- a`).join('\n');
    expect(deepestNode(parse(lines(MAX_NESTING)))).toBeNull();
    expect(deepestNode(parse(lines(MAX_NESTING + 1)))).toEqual({ line: MAX_NESTING + 1, column: 2 * MAX_NESTING + 1 });
  });

  it('measures a tree thousands of levels deep without overflowing the stack', () => {
    expect(deepestNode(parse('>'.repeat(5000)))).toEqual({ line: 1, column: MAX_NESTING + 1 });
  });
});

describe('incidentTimeLimitMs', () => {
  it('is 30 s unless PM_INCIDENT_TIMEOUT gives positive seconds', () => {
    expect(incidentTimeLimitMs({})).toBe(30_000);
    expect(incidentTimeLimitMs({ PM_INCIDENT_TIMEOUT: '2.5' })).toBe(2500);
    for (const bad of ['', '0', '-1', 'soon', 'Infinity']) expect(incidentTimeLimitMs({ PM_INCIDENT_TIMEOUT: bad })).toBe(30_000);
  });
});
