import type { CreateInvitationBody } from '@voronka/domain';
import { canAssignRole } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../http/errors';
import { type Actor, requireAdmin } from '../access/actor';
import { hashToken, newToken } from '../auth/secrets';
import { requireDepartment } from '../departments/departments.queries';
import { findUserByEmail } from '../users/users.queries';
import { deleteInvitation, insertInvitation, listInvitations, toInvitation } from './invitations.queries';

const invitationTtlDays = 7;

export async function createInvitation(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateInvitationBody>,
) {
  requireAdmin(actor);
  if (!canAssignRole(actor.role, input.role)) throw forbidden('Only an owner can invite another owner');
  if (await findUserByEmail(db, input.email)) {
    throw new AppError('conflict', 'A user with this email already exists', [
      { path: 'body.email', message: 'already registered' },
    ]);
  }
  if (input.departmentId)
    await requireDepartment(db, actor.workspaceId, input.departmentId, 'body.departmentId');
  const token = newToken();
  const row = await insertInvitation(db, {
    workspace_id: actor.workspaceId,
    email: input.email,
    role: input.role,
    function: input.function,
    department_id: input.departmentId,
    token_hash: hashToken(token),
    invited_by: actor.userId,
    expires_at: new Date(Date.now() + invitationTtlDays * 24 * 3600 * 1000),
  });
  return { ...toInvitation(row), token, acceptPath: `/invite/${token}` };
}

export async function findInvitations(db: Kysely<DB>, actor: Actor) {
  requireAdmin(actor);
  return (await listInvitations(db, actor.workspaceId)).map(toInvitation);
}

export async function revokeInvitation(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  if (!(await deleteInvitation(db, actor.workspaceId, id))) throw notFound('Invitation');
}
