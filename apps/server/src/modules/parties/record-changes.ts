import { type Kysely, sql, type Updateable } from 'kysely';
import type { CompaniesTable, DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { findUser } from '../users/users.queries';

/** The transaction's time, for `deleted_at` of companies and contacts. */
export const deletedNow = sql<Updateable<CompaniesTable>['deleted_at']>`now()`;

/** A responsible person must be an active member of the actor's workspace. */
export async function requireResponsible(db: Kysely<DB>, actor: Actor, userId: string): Promise<void> {
  const user = await findUser(db, actor.workspaceId, userId);
  if (!user?.active) throw invalid('body.responsibleId', 'No such active user in this workspace');
}
