/** "Did you mean" hints for misspelt flags, commands and keys. */

/** The closest known name within an edit distance of 2, if any. */
export function suggest(input: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const name of names) {
    const d = distance(input, name);
    if (d < bestD || (name.startsWith(input) && input.length >= 2 && bestD > 1)) {
      best = name;
      bestD = Math.min(d, bestD);
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
