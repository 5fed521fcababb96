import type { ApiToken, CreateApiTokenBody } from '@voronka/domain';
import { canAdminister } from '@voronka/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { prepared } from '../../db/prepared';
import type { ApiTokensTable, DB } from '../../db/schema';
import { announceActorChange } from '../../http/actor-cache';
import { forbidden, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { hashToken, newToken } from '../auth/secrets';

export const apiTokenPrefix = 'vrk_';

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    userId: row.user_id,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}

/** Admins see every token of the workspace; others only their own. A token acts as the user who made it. */
export async function findApiTokens(db: Kysely<DB>, actor: Actor): Promise<ApiToken[]> {
  let query = db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('revoked_at', 'is', null);
  if (!canAdminister(actor.role)) query = query.where('user_id', '=', actor.userId);
  return (await query.orderBy('created_at', 'desc').execute()).map(toApiToken);
}

export async function createApiToken(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateApiTokenBody>,
) {
  if (actor.via === 'token') throw forbidden('API tokens cannot create API tokens');
  if (input.scopes.includes('admin') && !canAdminister(actor.role))
    throw forbidden('Only an owner or admin can grant the admin scope');
  const token = newToken(apiTokenPrefix);
  const row = await db
    .insertInto('api_tokens')
    .values({
      workspace_id: actor.workspaceId,
      user_id: actor.userId,
      name: input.name,
      prefix: token.slice(0, apiTokenPrefix.length + 6),
      token_hash: hashToken(token),
      scopes: [...new Set(input.scopes)],
      expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 24 * 3600 * 1000) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toApiToken(row), token };
}

export async function revokeApiToken(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  let query = db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (!canAdminister(actor.role)) query = query.where('user_id', '=', actor.userId);
  const result = await query.executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('API token');
  await announceActorChange(db, actor.workspaceId);
}

// Every request with a token runs this lookup first: built once, see db/prepared.ts.
const tokenActorQuery = prepared((db, param) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('role_settings as r', (join) =>
      join.onRef('r.workspace_id', '=', 'u.workspace_id').onRef('r.role', '=', 'u.role'),
    )
    .select([
      't.id as tokenId',
      't.scopes',
      't.expires_at as expiresAt',
      't.last_used_at as lastUsedAt',
      'u.id as userId',
      'u.workspace_id as workspaceId',
      'u.name',
      'u.role',
      'u.function',
      'u.department_id as departmentId',
      'u.active',
      'r.visibility',
    ])
    .where('t.token_hash', '=', param('hash'))
    .where('t.revoked_at', 'is', null),
);

/** The token's row by the hash of the token (`hashToken`). */
export async function findTokenActor(db: Kysely<DB>, hash: string) {
  const { rows } = await tokenActorQuery.run(db, { hash });
  return rows[0];
}
