// Names close to a mistyped one: inspect's "did you mean" for parameters, scopes and hosts, and the
// emulator's --set for switch names.

/** Edit distance (insertions, deletions, substitutions); strings whose lengths differ by more than 8 are simply far. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The closest known name within a small distance (case-insensitive first). */
export function suggest(name: string, known: readonly string[], maxDistance = 2): string | undefined {
  const lower = name.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const k of known) {
    const d = levenshtein(lower.replace(/-/g, '_'), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * One slip of the keyboard apart, in any case: a character added, dropped or changed, or two
 * neighbours swapped (`dfault`, `prdo` for `default`, `prod`). A name this close to a saved profile is
 * taken for it mistyped, even where an unknown name would otherwise be used (store/resolve.ts).
 */
export function isOneSlip(name: string, known: string): boolean {
  const a = name.toLowerCase();
  const b = known.toLowerCase();
  if (a === b) return true;
  if (levenshtein(a, b) <= 1) return true;
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
