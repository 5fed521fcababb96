import type { Session } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { createdFields, writeHistory } from '../history/record-history';
import { findInvitationByToken, markInvitationAccepted } from '../invitations/invitations.queries';
import { findUser, findUserByEmail, insertUser, toUser, updateUser } from '../users/users.queries';
import { countFailures, pruneAttempts, recordAttempt } from './login-attempts.queries';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets';
import { deleteSession, deleteUserSessions, insertSession } from './sessions.queries';

export interface AuthDeps {
  db: Kysely<DB>;
  sessionTtlHours: number;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface StartedSession {
  cookieToken: string;
  expiresAt: Date;
  session: Session;
}

const lockoutWindowMs = 15 * 60 * 1000;
const maxFailuresPerEmail = 5;
const maxFailuresPerIp = 30;
// A real hash of a throwaway password: unknown emails take as long as wrong passwords.
const decoyHash = hashPassword(newToken());

export async function login(
  deps: AuthDeps,
  email: string,
  password: string,
  client: ClientInfo,
): Promise<StartedSession> {
  const since = new Date(Date.now() - lockoutWindowMs);
  const failures = await countFailures(deps.db, email, client.ip, since);
  if (failures.byEmail >= maxFailuresPerEmail || failures.byIp >= maxFailuresPerIp) {
    throw new AppError('rate_limited', 'Too many failed sign-in attempts; try again in 15 minutes');
  }
  const user = await findUserByEmail(deps.db, email);
  const ok = user
    ? await verifyPassword(user.password_hash, password)
    : await verifyPassword(await decoyHash, password);
  await recordAttempt(deps.db, email, client.ip, ok && Boolean(user?.active));
  if (!user || !ok || !user.active) throw new AppError('unauthenticated', 'Wrong email or password');
  if (Math.random() < 0.01) await pruneAttempts(deps.db, new Date(Date.now() - 24 * 3600 * 1000));
  return startSession(deps, user.id, user.workspace_id, client);
}

export async function startSession(
  deps: AuthDeps,
  userId: string,
  workspaceId: string,
  client: ClientInfo,
): Promise<StartedSession> {
  const cookieToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + deps.sessionTtlHours * 3600 * 1000);
  await insertSession(deps.db, {
    id: hashToken(cookieToken),
    userId,
    workspaceId,
    csrfToken,
    expiresAt,
    userAgent: client.userAgent,
    ip: client.ip,
  });
  const session = await describeSession(deps.db, workspaceId, userId, csrfToken);
  return { cookieToken, expiresAt, session };
}

export async function describeSession(
  db: Kysely<DB>,
  workspaceId: string,
  userId: string,
  csrfToken: string,
): Promise<Session> {
  const user = await findUser(db, workspaceId, userId);
  const workspace = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  if (!user) throw new AppError('unauthenticated', 'User no longer exists');
  return { user: toUser(user), workspace, csrfToken };
}

export async function logout(db: Kysely<DB>, actor: Actor): Promise<void> {
  if (actor.sessionId) await deleteSession(db, actor.workspaceId, actor.sessionId);
}

/** Changing a password signs out every other session of that user. */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await findUser(db, actor.workspaceId, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalid('body.currentPassword', 'Current password is wrong');
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, actor.workspaceId, actor.userId, { password_hash: passwordHash });
    await deleteUserSessions(trx, actor.workspaceId, actor.userId, actor.sessionId);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'user',
      recordId: actor.userId,
      actorId: actor.userId,
      action: 'update',
      changes: [{ field: 'password', oldValue: '***', newValue: '***' }],
    });
  });
}

export async function acceptInvitation(
  deps: AuthDeps,
  input: { token: string; name: string; password: string },
  client: ClientInfo,
): Promise<StartedSession> {
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByToken(trx, hashToken(input.token));
    if (!invitation || invitation.accepted_at || invitation.expires_at < new Date()) {
      throw invalid('body.token', 'The invitation is unknown, used or expired');
    }
    if (await findUserByEmail(trx, invitation.email)) {
      throw new AppError('conflict', 'A user with this email already exists', [
        { path: 'email', message: 'already registered' },
      ]);
    }
    const created = await insertUser(trx, {
      workspace_id: invitation.workspace_id,
      email: invitation.email,
      password_hash: passwordHash,
      name: input.name,
      role: invitation.role,
      function: invitation.function,
      department_id: invitation.department_id,
      locale: 'ru',
    });
    await markInvitationAccepted(trx, invitation.id);
    await writeHistory(trx, {
      workspaceId: created.workspace_id,
      entity: 'user',
      recordId: created.id,
      actorId: invitation.invited_by,
      action: 'create',
      changes: createdFields(toUser(created)),
    });
    return created;
  });
  return startSession(deps, user.id, user.workspace_id, client);
}
