import type { ProcessGraph, Variables } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { advance, isStale, type Runtime, requireRuntime, startInstance } from './runtime';

export interface MessageInput {
  name: string;
  correlationKey?: string;
  variables: Variables;
}

/**
 * Delivers a message ("invoice paid", "contract signed") from an integration or another system:
 * every instance waiting for it (a message catch event, boundary or event-based gateway branch with
 * that name and correlation key) moves on, each in its own transaction, and every process whose
 * published version starts with that message starts once.
 */
export async function correlateMessage(
  db: Kysely<DB>,
  maybeRuntime: Runtime | null,
  actor: Actor,
  input: MessageInput,
): Promise<{ delivered: number; started: number }> {
  const runtime = requireRuntime(maybeRuntime);
  const waiting = await db
    .selectFrom('process_tokens')
    .select('instance_id')
    .distinct()
    .where('workspace_id', '=', actor.workspaceId)
    .where('message_name', '=', input.name)
    .$if(input.correlationKey !== undefined, (query) =>
      query.where('correlation_key', '=', input.correlationKey ?? ''),
    )
    .execute();
  let delivered = 0;
  for (const { instance_id } of waiting) {
    try {
      await db.transaction().execute((trx) =>
        advance(trx, runtime, actor.workspaceId, instance_id, actor.userId, {
          type: 'message',
          name: input.name,
          ...(input.correlationKey !== undefined && { correlationKey: input.correlationKey }),
          variables: input.variables,
        }),
      );
      delivered += 1;
    } catch (error) {
      if (!isStale(error)) throw error;
    }
  }
  const versions = await db
    .selectFrom('process_versions as v')
    .innerJoin('process_definitions as d', 'd.id', 'v.definition_id')
    .select(['v.id', 'v.definition_id', 'v.graph'])
    .where('v.workspace_id', '=', actor.workspaceId)
    .where('v.status', '=', 'published')
    .where('d.deleted_at', 'is', null)
    .where(
      'v.version',
      '=',
      sql<number>`(select max(w.version) from process_versions w where w.definition_id = v.definition_id and w.status = 'published')`,
    )
    .execute();
  let started = 0;
  for (const version of versions) {
    const graph = version.graph as ProcessGraph;
    const start = graph.startEvents.find((id) => {
      const event = graph.elements[id]?.event;
      return event?.type === 'message' && event.message === input.name;
    });
    if (!start) continue;
    await db.transaction().execute((trx) =>
      startInstance(trx, runtime, {
        workspaceId: actor.workspaceId,
        definitionId: version.definition_id,
        versionId: version.id,
        startEventId: start,
        variables: input.variables,
        initiatorId: actor.userId,
      }),
    );
    started += 1;
  }
  return { delivered, started };
}
