import type { Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Runs `work` in the caller's transaction when `db` already is one, or in a new transaction otherwise,
 * so a service can be called alone or as one step of a batch that commits or rolls back as a whole.
 */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
