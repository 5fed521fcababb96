import { parseArgs } from 'node:util';
import type { DatasetOptions } from '../options';

export interface ReportsOptions extends DatasetOptions {
  /** Requests per case and side (endpoint, hand-written SQL), in two alternating rounds. */
  requests: number;
  /** Time budget per case and side, seconds. */
  seconds: number;
  /** Unmeasured requests per case and side before the measured ones (at most 2 s of them). */
  warmup: number;
  /** Only the cases whose name contains this text. */
  only: string | null;
  /** Written into the section's heading and marker, e.g. "before": a run kept beside the latest. */
  label: string | null;
  writeResults: boolean;
}

const usage = `npm run bench:reports -- [options]   (see bench/README.md, "Reports")
  --deals N          dataset size (default 1000000); generated first if the database lacks it
  --seed N           PRNG seed of the dataset (default 1)
  --anchor ISO       end of the dataset's history (default 2026-11-01T00:00:00Z)
  --database-url URL default postgres://postgres@127.0.0.1:5432/voronka_bench_<deals>
  --requests N       requests per case and side (default 60)
  --seconds S        time budget per case and side (default 12)
  --warmup N         unmeasured requests per case and side first, at most 2 s of them (default 200)
  --only TEXT        only the cases whose name contains TEXT
  --label TEXT       keep this run as its own section of RESULTS.md (e.g. before)
  --no-results       do not write bench/RESULTS.md`;

export function parseReportsOptions(argv: string[]): ReportsOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      deals: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      anchor: { type: 'string', default: '2026-11-01T00:00:00Z' },
      'database-url': { type: 'string' },
      requests: { type: 'string', default: '60' },
      seconds: { type: 'string', default: '12' },
      warmup: { type: 'string', default: '200' },
      only: { type: 'string' },
      label: { type: 'string' },
      'no-results': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const deals = integer(values.deals, 'deals', 1);
  if (Number.isNaN(Date.parse(values.anchor))) throw new Error(`--anchor: not a date: ${values.anchor}`);
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error('--seconds: expected a positive number');
  if (values.label !== undefined && !/^[\w-]+$/.test(values.label))
    throw new Error('--label: letters, digits, - and _ only');
  return {
    deals,
    seed: integer(values.seed, 'seed', 0),
    anchor: new Date(values.anchor).toISOString(),
    databaseUrl: values['database-url'] ?? `postgres://postgres@127.0.0.1:5432/voronka_bench_${deals}`,
    requests: integer(values.requests, 'requests', 2),
    warmup: integer(values.warmup, 'warmup', 0),
    seconds,
    only: values.only ?? null,
    label: values.label ?? null,
    writeResults: !values['no-results'],
  };
}

function integer(text: string, name: string, min: number): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name}: expected an integer ≥ ${min}`);
  return value;
}
