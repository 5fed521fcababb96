import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

/** Failed attempts since `since` for this email and for this address, counted in one round trip. */
export async function countFailures(db: Kysely<DB>, email: string, ip: string, since: Date) {
  const row = await db
    .selectFrom('login_attempts')
    .select([
      sql<number>`count(*) filter (where email = ${email})::int`.as('byEmail'),
      sql<number>`count(*) filter (where ip = ${ip})::int`.as('byIp'),
    ])
    .where('success', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
    .executeTakeFirstOrThrow();
  return row;
}

export async function recordAttempt(
  db: Kysely<DB>,
  email: string,
  ip: string,
  success: boolean,
): Promise<void> {
  await db.insertInto('login_attempts').values({ email, ip, success }).execute();
}

/** Old attempts carry no signal; called now and then so the table stays small. */
export async function pruneAttempts(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}
