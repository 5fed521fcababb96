import type pg from 'pg';
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
    const open = openTransactions.get(statement.connection);
    if (open) {
      open.statements.push(statement);
      if (/^\s*(commit|rollback)\b/i.test(statement.text)) openTransactions.delete(statement.connection);
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
  if (!unit.transaction) {
    const [statement] = unit.statements;
    if (statement) await send(pool, statement, ids);
    return;
  }
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

async function send(target: pg.Pool | pg.PoolClient, statement: Statement, ids: Map<string, string>) {
  const values = ids.size > 0 ? statement.values?.map((value) => swapIds(value, ids)) : statement.values;
  const { name, text } = statement;
  const result = name
    ? await target.query<{ id?: unknown }>({ name, text, values })
    : await target.query<{ id?: unknown }>(text, values);
  statement.returnedIds.forEach((captured, i) => {
    const row = result.rows[i];
    if (row?.id !== undefined) ids.set(captured, String(row.id));
  });
}

function swapIds(value: unknown, ids: Map<string, string>): unknown {
  if (typeof value !== 'string') return value;
  let swapped = value;
  for (const [captured, fresh] of ids) swapped = swapped.replaceAll(captured, fresh);
  return swapped;
}
