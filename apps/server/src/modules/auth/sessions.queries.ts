import type { Kysely } from 'kysely';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/schema';
import { announceActorChange } from '../../http/actor-cache';

export async function insertSession(
  db: Kysely<DB>,
  session: {
    id: string;
    userId: string;
    workspaceId: string;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      workspace_id: session.workspaceId,
      csrf_token: session.csrfToken,
      last_seen_at: now,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
      ip: session.ip,
    })
    .execute();
}

// Every request from the web app runs this lookup first: built once, see db/prepared.ts.
const sessionActorQuery = prepared((db, param) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('role_settings as r', (join) =>
      join.onRef('r.workspace_id', '=', 'u.workspace_id').onRef('r.role', '=', 'u.role'),
    )
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.expires_at as expiresAt',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.workspace_id as workspaceId',
      'u.name',
      'u.role',
      'u.function',
      'u.department_id as departmentId',
      'u.active',
      'r.visibility',
    ])
    .where('s.id', '=', param('sessionId')),
);

/** The session with its user, or undefined; expired sessions and deactivated users do not count. */
export async function findSessionActor(db: Kysely<DB>, sessionId: string) {
  const { rows } = await sessionActorQuery.run(db, { sessionId });
  return rows[0];
}

export async function touchSession(db: Kysely<DB>, sessionId: string, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, workspaceId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  await announceActorChange(db, workspaceId);
}

export async function deleteUserSessions(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  exceptSessionId: string | null,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
  await announceActorChange(db, workspaceId);
}
