import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

// The driver's own conversion of a value to its text form, used for parameters of every query.
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;

// Statement texts that run as named prepared statements, each with its name.
const names = new Map<string, string>();

/**
 * Marks a statement text (one that `prepared()` or `runNamed()` built) to be parsed once per connection,
 * and planned once when PostgreSQL finds one plan does for every run's values, rather than on every run. For the short statements of a process step PostgreSQL spent longer
 * planning than executing (the inbox task's three-table lookup: 0.25 ms to plan, 0.04 ms to run).
 */
export function nameStatement(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `voronka_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/** The text behind a name `nameStatement` gave, with or without the `_f` of its SQL PREPARE. */
export function namedText(name: string): string | undefined {
  const bare = name.replace(/_f$/, '');
  for (const [text, given] of names) if (given === bare) return text;
  return undefined;
}

/**
 * How many texts `nameIfRoom` names. A list's text depends on which filters were asked for, so the
 * number of texts has no bound of its own, and each named text is kept on every pooled connection
 * that ran it: about 200 KB with its plan (the deal list, measured in pg_backend_memory_contexts).
 */
export const listTextCap = 64;
let listTexts = 0;

/**
 * Names a text that varies with the request (see `runNamed`), unless `listTextCap` texts already
 * were: those past it run as ordinary statements, parsed and planned each time. True if named.
 */
export function nameIfRoom(text: string): boolean {
  if (names.has(text)) return true;
  if (listTexts >= listTextCap) return false;
  listTexts += 1;
  nameStatement(text);
  return true;
}

// A statement sent with the BEGIN before it or the COMMIT after it, in one round trip (see fused()).
const fusedMarker = '\u0000voronka.fused:';
interface Fused {
  name: string;
  text: string;
  edge: 'begin' | 'commit';
}
const fusedStatements = new Map<string, Fused>();

/**
 * The text Kysely is handed for a prepared statement that opens (`begin`) or closes (`commit`) a
 * transaction in the same round trip; `NamingClient` sees the marker and sends both.
 */
export function fusedStatement(text: string, edge: Fused['edge']): string {
  const key = `${nameStatement(text)}:${edge}`;
  if (!fusedStatements.has(key)) fusedStatements.set(key, { name: nameStatement(text), text, edge });
  return fusedMarker + key;
}

// The text Kysely is handed for a NOTIFY held until its transaction commits (see `notifyAfterCommit`).
const notifyMarker = '\u0000voronka.notify-after-commit';
// The prefix of a statement held until its transaction commits (see `writeAtCommit`).
const atCommitMarker = '\u0000voronka.at-commit:';

/**
 * A NOTIFY to send once the transaction it is queued in commits, in the COMMIT's round trip; sent at
 * once outside a transaction; a rolled-back transaction sends none.
 *
 * Why not NOTIFY inside the transaction: PostgreSQL takes one database-wide lock at the commit of any
 * transaction that notified and holds it until the commit is flushed to disk, so such commits run one
 * at a time. Ten clients inserting a deal and notifying made 880–1,020 commits a second; notifying
 * after the commit, 1,600–1,690, as without NOTIFY (pgbench at 100,000 deals). A NOTIFY alone writes
 * no WAL of its own, so its commit does not wait for the disk.
 */
export async function notifyAfterCommit(db: Kysely<DB>, channel: string, payload: string): Promise<void> {
  await db.executeQuery(CompiledQuery.raw(notifyMarker, [channel, payload]));
}

/**
 * Runs a statement whose answer nobody reads (a change's history rows) in its transaction's COMMIT
 * round trip, just before the COMMIT, instead of in one of its own; outside a transaction, at once.
 * It commits or rolls back with the rest: if it fails, so does the commit. A later statement of the
 * same transaction does not see what it writes.
 *
 * Each round trip costs the server and PostgreSQL a socket write and a wake-up each; on this
 * two-core machine the server spent about a third of its CPU in `writev` while creating deals.
 */
export async function writeAtCommit(db: Kysely<DB>, statement: Compilable): Promise<void> {
  const { sql: text, parameters } = statement.compile();
  await db.executeQuery(CompiledQuery.raw(db.isTransaction ? atCommitMarker + text : text, [...parameters]));
}

type Sent = pg.QueryResult;
type TransactionState = 'none' | 'deferred' | 'open' | 'committed';
// pg's own query, with all its overloads, for the client below to pass calls on to. It is looked up
// at each call, not kept: the benchmark's SQL capture (bench/runner/sql-capture.ts) wraps it later.
// biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only routes them
type Query = (this: pg.Client, ...args: any[]) => any;
const pgQuery: Query = function (this: pg.Client, ...args) {
  return (pg.Client.prototype.query as Query).apply(this, args);
};

/**
 * Sends through pg's query with a callback, the promise made here. Asked for a promise, pg makes its
 * own, and with it each result outlived V8's young-generation collections: a 50-row page sent
 * 3,000 times that way promoted 168 MB to the old generation and paused the process 446 ms in
 * scavenges, against 8 MB and 37 ms with a callback (.probe of 2026-12-03, pg 8.23, node 20). The
 * server paused 30–40 ms every few hundred requests.
 */
function send(client: pg.Client, config: string | pg.QueryConfig, values?: unknown): Promise<Sent | Sent[]> {
  return new Promise((resolve, reject) => {
    pgQuery.call(client, config, values, (error: Error | null, result: Sent | Sent[]) =>
      error ? reject(error) : resolve(result),
    );
  });
}
const done = (command: string): Sent => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * node-postgres's client, sending the marked texts as named statements. Kysely calls
 * `query(text, values)`; anything else passes through unchanged.
 *
 * It also holds back a transaction's BEGIN until the first statement, so that a fused statement can
 * carry it, and skips the COMMIT of a transaction a fused statement already committed. Any other first
 * statement sends the BEGIN before it, as if it had never waited.
 */
export class NamingClient extends pg.Client {
  // Statements prepared with SQL PREPARE on this connection, for fused runs.
  readonly #prepared = new Set<string>();
  #transaction: TransactionState = 'none';
  // What the open transaction sends with its COMMIT: statements before it, NOTIFYs (channel, payload) after.
  #writes: { text: string; values: readonly unknown[] }[] = [];
  #notices: unknown[][] = [];

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only routes them
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || callback !== undefined)
      return this.#afterBegin(() => pgQuery.apply(this, args));
    const control = this.#control(text);
    if (control) return control;
    if (this.#transaction === 'committed') {
      return Promise.reject(
        new Error('The transaction was committed by its last statement; nothing may follow it'),
      );
    }
    if (text === notifyMarker) {
      if (this.#transaction === 'none') return send(this, 'select pg_notify($1, $2)', values);
      this.#notices.push(values ?? []);
      return Promise.resolve(done('SELECT'));
    }
    if (text.startsWith(atCommitMarker)) {
      // Outside a transaction `writeAtCommit` sends the statement as it is; a marked one is always queued.
      this.#writes.push({ text: text.slice(atCommitMarker.length), values: values ?? [] });
      return Promise.resolve(done('SELECT'));
    }
    if (text.startsWith(fusedMarker)) {
      const fused = fusedStatements.get(text.slice(fusedMarker.length));
      if (!fused) throw new Error('Unknown fused statement');
      return this.#fused(fused, values ?? []);
    }
    const name = names.get(text);
    return this.#afterBegin(() => send(this, name ? { name, text, values } : { text, values }));
  }

  /** Kysely's own transaction statements, answered here when the round trip is not needed. */
  #control(text: string): Promise<Sent> | null {
    if (text === 'begin' && this.#transaction === 'none') {
      this.#transaction = 'deferred';
      return Promise.resolve(done('BEGIN'));
    }
    if (text !== 'commit' && text !== 'rollback') return null;
    const state = this.#transaction;
    const writes = this.#writes.splice(0);
    const notices = this.#notices.splice(0);
    this.#transaction = 'none';
    // Nothing was sent since BEGIN, or the last statement already committed: nothing to end.
    const ended = state === 'deferred' || state === 'committed';
    if (text === 'rollback' || (writes.length === 0 && notices.length === 0))
      return ended ? Promise.resolve(done(text.toUpperCase())) : null;
    return this.#commitWith(state, writes, notices);
  }

  /**
   * The COMMIT in one round trip with what was queued for it: `[begin;] execute w(…); …; commit;
   * select pg_notify(…)`. The NOTIFYs run once the commit is durable, in a transaction of their own.
   */
  async #commitWith(
    state: TransactionState,
    writes: { text: string; values: readonly unknown[] }[],
    notices: unknown[][],
  ): Promise<Sent> {
    const parts: string[] = [];
    if (writes.length > 0) {
      if (state === 'deferred') parts.push('begin');
      for (const write of writes) parts.push(await this.#execute(write.text, write.values));
      parts.push('commit');
    } else if (state === 'open') parts.push('commit');
    if (notices.length > 0) {
      const each = notices.map(
        ([channel, payload]) => `pg_notify(${this.#literal(channel)}, ${this.#literal(payload)})`,
      );
      parts.push(`select ${each.join(', ')}`);
    }
    await send(this, parts.join('; '));
    return done('COMMIT');
  }

  /** `execute s(…)` for a text, with SQL PREPARE sent first the first time this connection runs it. */
  async #execute(text: string, values: readonly unknown[]): Promise<string> {
    const sqlName = `${nameStatement(text)}_f`;
    if (!this.#prepared.has(sqlName)) {
      await send(this, `prepare ${sqlName} as ${text}`);
      this.#prepared.add(sqlName);
    }
    return `execute ${sqlName}(${values.map((value) => this.#literal(value)).join(', ')})`;
  }

  /** Runs `run` after the BEGIN that was held back, if one was. */
  #afterBegin<T>(run: () => T): T | Promise<T> {
    if (this.#transaction !== 'deferred') return run();
    this.#transaction = 'open';
    return send(this, 'begin').then(run);
  }

  /**
   * One round trip instead of two: `begin; execute s(…)` or `execute s(…); commit` as a simple query.
   * Each socket write and read costs both processes a system call and a wake-up, which on a
   * two-core machine is as much CPU as the statements themselves (bench/processes). The statement is
   * prepared with SQL PREPARE, once per connection, so it is planned as a named statement is; its
   * values go as literals escaped by the driver. Its result is the one returned.
   */
  async #fused(fused: Fused, values: readonly unknown[]): Promise<pg.QueryResult> {
    const execute = await this.#execute(fused.text, values);
    // Outside a transaction there is nothing to begin or commit: the statement runs alone.
    if (this.#transaction === 'none') return (await send(this, execute)) as Sent;
    // A BEGIN still held back goes with the statement; one already sent (a read came first) does not.
    const begins = this.#transaction === 'deferred';
    if (fused.edge === 'begin' && !begins) return (await send(this, execute)) as Sent;
    const commits = fused.edge === 'commit';
    // Statements queued for the commit go in before it; NOTIFYs wait for Kysely's COMMIT.
    const writes: string[] = [];
    for (const write of commits ? this.#writes.splice(0) : [])
      writes.push(await this.#execute(write.text, write.values));
    // From here a failure leaves an open (aborted) transaction, which Kysely's ROLLBACK ends.
    this.#transaction = 'open';
    const text = [begins && 'begin', execute, ...writes, commits && 'commit'].filter(Boolean).join('; ');
    const results = (await send(this, text)) as Sent[];
    if (commits) this.#transaction = 'committed';
    const result = results[begins ? 1 : 0];
    if (!result) throw new Error('A fused statement returned no result');
    return result;
  }

  // The text the driver would have sent as a parameter (arrays and JSON included), as a literal.
  #literal(value: unknown): string {
    const prepared = prepareValue(value);
    if (prepared === null || prepared === undefined) return 'null';
    if (typeof prepared !== 'string') throw new Error('A fused statement takes no binary values');
    return this.escapeLiteral(prepared);
  }
}
