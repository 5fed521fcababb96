import { parseArgs } from 'node:util';

export interface ProcessBenchOptions {
  runs: number;
  /** In memory: seconds per engine and process, after the warm-up, in two alternating rounds. */
  seconds: number;
  warmUpSeconds: number;
  /** Waiting instances held for the heap figure: ours, and bpmn-engine's (each holds far more). */
  waiting: number;
  waitingBpmnEngine: number;
  clients: number;
  /** Persisted: time budget and instance cap per phase (start, then complete). */
  pgSeconds: number;
  pgMaxInstances: number;
  pgliteSeconds: number;
  databaseUrl: string;
  pglite: boolean;
  writeResults: boolean;
}

const usage = `npm run bench:processes -- [options]   (see bench/README.md)
  --runs N                 full runs, each reported (default 2)
  --seconds S              in memory: seconds per engine and process (default 6)
  --warm-up S              in memory: warm-up seconds per engine and process (default 1)
  --waiting N              waiting instances held for our heap figure (default 20000)
  --waiting-bpmn-engine N  the same for bpmn-engine (default 1000; ~0.7 MB each)
  --clients N              concurrent clients on the database (default 10, the pool's size)
  --pg-seconds S           PostgreSQL: seconds per phase (default 8)
  --pg-max N               PostgreSQL: instances per phase at most (default 20000)
  --pglite-seconds S       PGlite: seconds per phase (default 4)
  --database-url URL       default postgres://postgres@127.0.0.1:5432/voronka_bench_processes (dropped and re-created)
  --no-pglite              skip the PGlite reference
  --no-results             do not write bench/RESULTS.md`;

export function parseOptions(argv: string[]): ProcessBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '2' },
      seconds: { type: 'string', default: '6' },
      'warm-up': { type: 'string', default: '1' },
      waiting: { type: 'string', default: '20000' },
      'waiting-bpmn-engine': { type: 'string', default: '1000' },
      clients: { type: 'string', default: '10' },
      'pg-seconds': { type: 'string', default: '8' },
      'pg-max': { type: 'string', default: '20000' },
      'pglite-seconds': { type: 'string', default: '4' },
      'database-url': {
        type: 'string',
        default: 'postgres://postgres@127.0.0.1:5432/voronka_bench_processes',
      },
      'no-pglite': { type: 'boolean', default: false },
      'no-results': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return {
    runs: positive(values.runs, 'runs'),
    seconds: positive(values.seconds, 'seconds', false),
    warmUpSeconds: positive(values['warm-up'], 'warm-up', false),
    waiting: positive(values.waiting, 'waiting'),
    waitingBpmnEngine: positive(values['waiting-bpmn-engine'], 'waiting-bpmn-engine'),
    clients: positive(values.clients, 'clients'),
    pgSeconds: positive(values['pg-seconds'], 'pg-seconds', false),
    pgMaxInstances: positive(values['pg-max'], 'pg-max'),
    pgliteSeconds: positive(values['pglite-seconds'], 'pglite-seconds', false),
    databaseUrl: values['database-url'],
    pglite: !values['no-pglite'],
    writeResults: !values['no-results'],
  };
}

function positive(text: string, name: string, integer = true): number {
  const value = Number(text.replaceAll('_', ''));
  if (!(value > 0) || (integer && !Number.isSafeInteger(value))) {
    throw new Error(`--${name}: expected a positive ${integer ? 'integer' : 'number'}`);
  }
  return value;
}
