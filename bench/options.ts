import { parseArgs } from 'node:util';

export interface DatasetOptions {
  deals: number;
  seed: number;
  /** The generated history ends at this instant; a fixed default keeps the data identical run to run. */
  anchor: string;
  databaseUrl: string;
}

export interface RunOptions extends DatasetOptions {
  /** Budget per endpoint and side (HTTP or raw SQL) at concurrency 1 and again at concurrency 10. */
  seconds: number;
  /** Request cap per endpoint and side at concurrency 1; concurrency 10 gets ten times as many. */
  requests: number;
  /** Unmeasured requests per case and side before the measured rounds, at concurrency 10, at most 2 s. */
  warmup: number;
  regenerate: boolean;
  /** Only the cases whose name contains this text. */
  only: string | null;
  writeResults: boolean;
}

const usage = `Options:
  --deals N          deals in the workspace (default 1000000; 100000 is the reference platform's size)
  --seed N           PRNG seed (default 1)
  --anchor ISO       end of the generated two years of history (default 2026-11-01T00:00:00Z)
  --database-url URL default postgres://postgres@127.0.0.1:5432/voronka_bench_<deals>
run only:
  --seconds S        time budget per endpoint and side at each concurrency (default 6)
  --requests N       request cap per endpoint and side at concurrency 1 (default 400; x10 at concurrency 10)
  --warmup N         unmeasured requests per case and side first, ten at a time, at most 2 s (default 400)
  --regenerate       generate the dataset even if a matching one exists
  --only TEXT        run only the cases whose name contains TEXT
  --no-results       do not write bench/RESULTS.md`;

export function parseOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      deals: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      anchor: { type: 'string', default: '2026-11-01T00:00:00Z' },
      'database-url': { type: 'string' },
      seconds: { type: 'string', default: '6' },
      requests: { type: 'string', default: '400' },
      warmup: { type: 'string', default: '400' },
      regenerate: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-results': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const deals = positiveInteger(values.deals, 'deals');
  if (Number.isNaN(Date.parse(values.anchor))) throw new Error(`--anchor: not a date: ${values.anchor}`);
  return {
    deals,
    seed: positiveInteger(values.seed, 'seed', 0),
    anchor: new Date(values.anchor).toISOString(),
    databaseUrl: values['database-url'] ?? `postgres://postgres@127.0.0.1:5432/voronka_bench_${deals}`,
    seconds: Number(values.seconds),
    requests: positiveInteger(values.requests, 'requests'),
    warmup: positiveInteger(values.warmup, 'warmup', 0),
    regenerate: values.regenerate,
    only: values.only ?? null,
    writeResults: !values['no-results'],
  };
}

function positiveInteger(text: string, name: string, min = 1): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name}: expected an integer ≥ ${min}`);
  return value;
}
