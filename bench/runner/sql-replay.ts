import type pg from 'pg';
import { namedText } from '../../apps/server/src/db/named-statements';
import type { Statement } from './sql-capture';

/** A statement on its own, or a whole transaction (begin … commit), which must keep one connection. */
interface Unit {
  statements: Statement[];
  transaction: boolean;
  /** Units that had completed before this one was sent: it waits for them, and only them. */
  after: number[];
}

/** An endpoint's statements arranged to be sent again with the same order and the same overlap. */
export interface Replay {
  units: Unit[];
  statementCount: number;
}

/**
 * Groups captured statements into units and works out what each waited for. Statements the endpoint
 * sent together (the kanban's columns under Promise.all) stay concurrent; statements it sent one
 * after another stay sequential, so the raw SQL baseline has the endpoint's round trips and no more.
 */
export function planReplay(statements: Statement[]): Replay {
  const units: Unit[] = [];
  const openTransactions = new Map<number, Unit>();
  for (const statement of [...statements].sort((a, b) => a.sent - b.sent)) {
    // A connection's first run of a statement sent as SQL EXECUTE prepared it first; the replay
    // prepares its own connections as they need it (see `send`).
    if (/^\s*prepare\b/i.test(statement.text)) continue;
    const names = statement.name ? [] : executes(statement.text);
    if (names.length > 0) executed.set(statement, names);
    const open = openTransactions.get(statement.connection);
    if (open) {
      open.statements.push(statement);
      // The COMMIT may close a text of several statements (db/named-statements.ts, `writeAtCommit`).
      if (/(^|;)\s*(commit|rollback)\b/i.test(statement.text)) openTransactions.delete(statement.connection);
      continue;
    }
    const unit: Unit = { statements: [statement], transaction: false, after: [] };
    if (/^\s*begin\b/i.test(statement.text)) {
      unit.transaction = true;
      openTransactions.set(statement.connection, unit);
    }
    units.push(unit);
  }
  const sent = (unit: Unit) => unit.statements[0]?.sent ?? 0;
  const completed = (unit: Unit) => unit.statements.at(-1)?.completed ?? 0;
  for (const unit of units)
    unit.after = units.flatMap((other, i) => (completed(other) < sent(unit) ? [i] : []));
  return { units, statementCount: statements.length };
}

/** Sends a planned endpoint's statements once over `pool`. */
export async function replay(pool: pg.Pool, plan: Replay): Promise<void> {
  // Ids an insert returned during capture are swapped for the ones this replay's insert returns.
  const ids = new Map<string, string>();
  const done: Promise<void>[] = [];
  for (const unit of plan.units) {
    done.push(Promise.all(unit.after.map((i) => done[i])).then(() => runUnit(pool, unit, ids)));
  }
  await Promise.all(done);
}

async function runUnit(pool: pg.Pool, unit: Unit, ids: Map<string, string>): Promise<void> {
  const [first] = unit.statements;
  if (!unit.transaction && first && !executed.has(first)) return send(pool, first, ids);
  const client = await pool.connect();
  try {
    for (const statement of unit.statements) await send(client, statement, ids);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// The SQL PREPARE names a text runs with SQL EXECUTE (db/named-statements.ts), found once when planning.
const executes = (text: string) => [...text.matchAll(/\bexecute (voronka_\d+_f)\(/g)].map((m) => m[1]!);
const executed = new WeakMap<Statement, string[]>();
const preparedOn = new WeakMap<object, Set<string>>();

/** Prepares on `client` what a statement executes, once per connection, as the server's connections do. */
async function prepareFor(client: pg.PoolClient, names: readonly string[]): Promise<void> {
  let prepared = preparedOn.get(client);
  if (!prepared) {
    prepared = new Set();
    preparedOn.set(client, prepared);
  }
  for (const name of names) {
    if (prepared.has(name)) continue;
    const statement = namedText(name);
    if (!statement) throw new Error(`The replay does not know the statement ${name}`);
    await client.query(`prepare ${name} as ${statement}`);
    prepared.add(name);
  }
}

async function send(target: pg.Pool | pg.PoolClient, statement: Statement, ids: Map<string, string>) {
  const values = ids.size > 0 ? statement.values?.map((value) => swapIds(value, ids)) : statement.values;
  const { name } = statement;
  const names = executed.get(statement);
  // Values sent as literals inside an SQL EXECUTE's text follow the ids as well.
  const text = names && ids.size > 0 ? (swapIds(statement.text, ids) as string) : statement.text;
  if (names && 'release' in target) await prepareFor(target, names);
  const result = await sent(target, name ? { name, text, values } : { text, values });
  // A text of several statements answers with one result each; the ids come from the first.
  const rows = Array.isArray(result) ? (result[0]?.rows ?? []) : result.rows;
  statement.returnedIds.forEach((captured, i) => {
    const row = rows[i];
    if (row?.id !== undefined) ids.set(captured, String(row.id));
  });
}

type Answer = pg.QueryResult<{ id?: unknown }> | pg.QueryResult<{ id?: unknown }>[];

/**
 * Sends with pg's callback, as the server does (db/named-statements.ts, `send`): pg's own promise
 * keeps each result alive past young-generation collections, which would slow the baseline's
 * process with garbage collection the server no longer has.
 */
function sent(target: pg.Pool | pg.PoolClient, config: pg.QueryConfig): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Answer) => (error ? reject(error) : resolve(result));
    // A pool and a pooled client take the same (config, callback); their overloads do not unite.
    const query = target.query.bind(target) as (config: pg.QueryConfig, callback: typeof done) => void;
    query(config, done);
  });
}

function swapIds(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value !== 'string') return value;
  let swapped = value;
  for (const [captured, fresh] of ids) swapped = swapped.replaceAll(captured, fresh);
  return swapped;
}
