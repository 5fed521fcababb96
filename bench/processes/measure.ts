/** Instances run and the time they took. */
export interface Throughput {
  instances: number;
  seconds: number;
  perSecond: number;
}

type Work = (index: number) => unknown;

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

/** Runs instances one after another for `seconds` (checking the clock every few instances). */
export async function runFor(work: Work, seconds: number, firstIndex = 0): Promise<Throughput> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let index = firstIndex;
  for (;;) {
    for (let batch = 0; batch < 16; batch++) {
      const result = work(index++);
      if (isPromise(result)) await result;
    }
    if (performance.now() >= until) break;
  }
  const elapsed = (performance.now() - started) / 1000;
  const instances = index - firstIndex;
  return { instances, seconds: elapsed, perSecond: instances / elapsed };
}

export function combine(parts: readonly Throughput[]): Throughput {
  const instances = parts.reduce((sum, part) => sum + part.instances, 0);
  const seconds = parts.reduce((sum, part) => sum + part.seconds, 0);
  return { instances, seconds, perSecond: instances / seconds };
}

/**
 * Both engines warm up, then take turns (A, B, A, B) so that a burst of load from other work on the
 * machine falls on both rather than on one.
 */
export async function alternate(
  sides: readonly [Work, Work],
  options: { warmUpSeconds: number; seconds: number; rounds: number },
): Promise<[Throughput, Throughput]> {
  for (const work of sides) await runFor(work, options.warmUpSeconds, 1_000_000);
  const results: [Throughput[], Throughput[]] = [[], []];
  let offset = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const [side, work] of sides.entries()) {
      const result = await runFor(work, options.seconds / options.rounds, offset);
      offset += result.instances;
      results[side]!.push(result);
    }
  }
  return [combine(results[0]), combine(results[1])];
}

function collectGarbage(): void {
  if (!globalThis.gc) throw new Error('Run with node --expose-gc (npm run bench:processes does)');
  for (let pass = 0; pass < 3; pass++) globalThis.gc();
}

/**
 * Heap bytes per waiting instance: the heap after a full GC with `count` instances held, minus the heap
 * before, divided by `count`. Returns the held instances so the caller can look at them.
 */
export async function heapPerWaiting(
  start: Work,
  count: number,
): Promise<{ bytesPerInstance: number; held: unknown[] }> {
  const held: unknown[] = [];
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let index = 0; index < count; index++) {
    const result = start(index);
    held.push(isPromise(result) ? await result : result);
  }
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  return { bytesPerInstance: (after - before) / count, held };
}
