export interface Budget {
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
}

/** Latencies of one run of a task, in milliseconds, and how long the run took. */
export interface Sample {
  latencies: number[];
  seconds: number;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second over the whole run. */
  rate: number;
}

/**
 * Runs `task` from `concurrency` workers, each starting its next request as soon as its last one
 * answers (a closed loop, like N clients), until the request cap or the time budget is reached.
 */
export async function drive(task: (i: number) => Promise<void>, budget: Budget): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + budget.maxSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < budget.maxRequests && performance.now() < deadline) {
      const i = next++;
      const at = performance.now();
      await task(i);
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: budget.concurrency }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export function summarize(samples: Sample[]): Summary {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((total, sample) => total + sample.seconds, 0);
  return {
    count: latencies.length,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    rate: seconds > 0 ? latencies.length / seconds : 0,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
