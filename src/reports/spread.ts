/**
 * How evenly chances are spread: the Gini coefficient of activities per resident (0 = everyone the same,
 * towards 1 = a few residents get everything). Residents with none count: they are the ones left out.
 */
export function gini(counts: readonly number[]): number {
  const n = counts.length;
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...counts].sort((a, b) => a - b);
  // Σ (2i − n − 1) x_i over ascending x, divided by n Σ x: the mean absolute difference over twice the mean.
  const weighted = sorted.reduce((sum, count, i) => sum + (2 * (i + 1) - n - 1) * count, 0);
  return Math.round((weighted / (n * total)) * 10_000) / 10_000;
}

/** Residents by how many activities they had: 0, 1, 2, 3, 4 and `5+`. */
export function histogram(counts: readonly number[]): { activities: string; residents: number }[] {
  const buckets = ['0', '1', '2', '3', '4', '5+'];
  const tally = new Array<number>(buckets.length).fill(0);
  for (const count of counts) tally[Math.min(count, buckets.length - 1)]++;
  return buckets.map((activities, i) => ({ activities, residents: tally[i] }));
}
