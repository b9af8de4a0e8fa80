// "Did you mean …?" for a name that matches nothing: the closest known name, when it is close enough to be a typo.

/** Levenshtein distance, counting a swap of two neighbours (flahs → flash) as one edit. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `word` (compared without regard to case), if within `maxDistance` edits (default: 2, or
 * a fifth of the word's length for long names); the first such candidate in the order given on a tie.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const wanted = word.toLowerCase();
  const limit = maxDistance ?? Math.max(2, Math.floor(wanted.length / 5));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === wanted || Math.abs(lower.length - wanted.length) >= bestDistance) continue;
    const d = editDistance(wanted, lower);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "; did you mean X?" when one is close, else "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = closest(word, candidates);
  return near === undefined ? "" : `; did you mean ${near}?`;
}
