/** A small seeded generator (mulberry32): the demo data is the same on every machine and every start. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
    /** Around `median`, skewed to the right like real deal sizes; rounded to hundreds. */
    amount: (median: number) =>
      Math.round((median * Math.exp((next() + next() + next() - 1.5) * 0.6)) / 100) * 100,
  };
}
export type Random = ReturnType<typeof seededRandom>;
