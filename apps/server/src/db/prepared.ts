import type { Compilable, CompiledQuery, Kysely, QueryResult, RawBuilder } from 'kysely';
import { fusedStatement, nameIfRoom, nameStatement } from './named-statements';
import type { DB } from './schema';

// Stands for a value while the query is built; it never reaches PostgreSQL (a NUL would be refused).
const marker = '\u0000voronka.param:';

/** A query builder, or an `sql` template (which compiles against a database). */
type Buildable<Row> = Compilable<Row> | RawBuilder<Row>;

export interface PreparedQuery<Names extends string, Row> {
  run(db: Kysely<DB>, values: Record<Names, unknown>): Promise<QueryResult<Row>>;
  /** The same, sent with the transaction's BEGIN before it or its COMMIT after it (see FusedTransaction). */
  runFused(
    db: Kysely<DB>,
    values: Record<Names, unknown>,
    edge: 'begin' | 'commit',
  ): Promise<QueryResult<Row>>;
}

/**
 * A query that Kysely builds and compiles once, and PostgreSQL parses and plans once per connection (a
 * named statement); each run only binds new values. Building the
 * operation tree costs tens of microseconds of CPU, which for the statements every request runs
 * (the session or API-token lookup, a record by id) is as much as PostgreSQL spends answering them.
 * `build` gets `param(name)`, to use wherever a value goes; it must not depend on anything else
 * that changes between runs (make one prepared query per shape instead).
 *
 * @example
 * const byId = prepared((db, param) => db.selectFrom('deals').selectAll().where('id', '=', param('id')));
 * const { rows } = await byId.run(db, { id });
 */
export function prepared<Names extends string, Row>(
  build: (db: Kysely<DB>, param: (name: Names) => string) => Buildable<Row>,
): PreparedQuery<Names, Row> {
  let compiled: { query: CompiledQuery<Row>; slots: (Names | null)[] } | null = null;
  const bound = (db: Kysely<DB>, values: Record<Names, unknown>) => {
    compiled ??= compile(db, build);
    const { query, slots } = compiled;
    const parameters = query.parameters.map((constant, index) => {
      const name = slots[index];
      return name === null || name === undefined ? constant : values[name];
    });
    return { ...query, parameters };
  };
  return {
    run: (db, values) => db.executeQuery(bound(db, values)),
    runFused(db, values, edge) {
      const query = bound(db, values);
      return db.executeQuery({ ...query, sql: fusedStatement(query.sql, edge) });
    },
  };
}

function compile<Names extends string, Row>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, param: (name: Names) => string) => Buildable<Row>,
) {
  const built = build(db, (name) => `${marker}${name}`);
  const query = 'isRawBuilder' in built ? built.compile(db) : built.compile();
  const slots = query.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(marker) ? (value.slice(marker.length) as Names) : null,
  );
  nameStatement(query.sql);
  return { query, slots };
}

/**
 * Runs a query whose text varies with what was asked (a list and its filters) as a named statement,
 * parsed once per connection; PostgreSQL then plans it for each run's values until it finds that one
 * plan without them costs no more (its `plan_cache_mode = auto` rule), and from then on only binds.
 * Write the LIMIT into the text (`sql.lit`): as a parameter the planner guesses it at a tenth of the
 * rows, prices every plan without values as a sort of the whole table, and plans every run again.
 */
export function runNamed<Row>(db: Kysely<DB>, query: Buildable<Row>): Promise<QueryResult<Row>> {
  const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
  nameIfRoom(compiled.sql);
  return db.executeQuery(compiled);
}
