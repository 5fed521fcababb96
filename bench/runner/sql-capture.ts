import pg from 'pg';

/** One statement an endpoint sent, with what is needed to send it again the same way. */
export interface Statement {
  text: string;
  values: unknown[] | undefined;
  /**
   * The name it went under when the endpoint sent it as a named statement (db/named-statements.ts):
   * the replay names it too, so PostgreSQL parses and plans it once per connection on both sides.
   */
  name: string | undefined;
  /** Which pooled connection sent it: statements of one transaction share a connection. */
  connection: number;
  /** Logical clock ticks at sending and at completion: they order statements and reveal overlap. */
  sent: number;
  completed: number;
  /** The ids an `insert … returning` produced, so a replay can follow them to later statements. */
  returnedIds: string[];
}

let recording: Statement[] | null = null;
let clock = 0;
const connections = new WeakMap<object, number>();
let connectionCount = 0;
/** When each pooled connection was asked for, until its first statement claims it. */
const askedAt = new WeakMap<object, number>();
let installed = false;

function takeAskedAt(client: object): number | undefined {
  const asked = askedAt.get(client);
  askedAt.delete(client);
  return asked;
}

/**
 * Records every statement node-postgres sends while `work` runs, from any pool in this process. It
 * wraps `pg.Client.prototype.query`, which Kysely's PostgresDialect calls for every statement.
 *
 * @example const statements = await captureStatements(() => app.inject({ url: '/api/deals/board?…' }));
 */
export async function captureStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  install();
  if (recording) throw new Error('captureStatements does not nest');
  const statements: Statement[] = [];
  recording = statements;
  try {
    await work();
  } finally {
    recording = null;
  }
  return statements;
}

function install(): void {
  if (installed) return;
  installed = true;
  // A statement counts as sent when its connection was asked for: a query queued behind a busy pool
  // or a connection still being opened was not waiting for the statements that finished meanwhile.
  const pool = pg.Pool.prototype as unknown as { connect: (...args: unknown[]) => unknown };
  const connect = pool.connect;
  pool.connect = function poolConnect(this: object, ...args: unknown[]) {
    if (!recording || args.length > 0) return connect.apply(this, args);
    const asked = ++clock;
    return (connect.apply(this, args) as Promise<object>).then((client) => {
      askedAt.set(client, asked);
      return client;
    });
  };
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function query(this: object, ...args: unknown[]) {
    const log = recording;
    if (!log) return original.apply(this, args);
    const [config, given] = args;
    const text = typeof config === 'string' ? config : (config as { text: string }).text;
    // A named statement (db/named-statements.ts) carries its values in the config.
    const values = typeof config === 'string' ? given : ((config as { values?: unknown }).values ?? given);
    const name = typeof config === 'string' ? undefined : (config as { name?: string }).name;
    let connection = connections.get(this);
    if (connection === undefined) {
      connection = ++connectionCount;
      connections.set(this, connection);
    }
    const statement: Statement = {
      text,
      values: Array.isArray(values) ? [...values] : undefined,
      name,
      connection,
      sent: takeAskedAt(this) ?? ++clock,
      completed: 0,
      returnedIds: [],
    };
    log.push(statement);
    const completed = (outcome: { rows?: { id?: unknown }[] } | undefined) => {
      statement.completed = ++clock;
      if (outcome && /^\s*insert\b/i.test(text) && /\breturning\b/i.test(text))
        statement.returnedIds = (outcome.rows ?? []).map((row) => String(row.id));
    };
    // The server sends with a callback (db/named-statements.ts, `send`); other callers may want a promise.
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      const wrapped = (error: unknown, outcome: { rows?: { id?: unknown }[] }) => {
        completed(error ? undefined : outcome);
        return callback(error, outcome);
      };
      return original.apply(this, [...args.slice(0, -1), wrapped]);
    }
    const result = original.apply(this, args);
    if (!(result instanceof Promise)) throw new Error('captureStatements expects a promise or a callback');
    return result.then(
      (outcome: { rows?: { id?: unknown }[] }) => {
        completed(outcome);
        return outcome;
      },
      (error: unknown) => {
        completed(undefined);
        throw error;
      },
    );
  };
}
