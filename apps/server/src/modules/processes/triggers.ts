import type { Variables } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { ProcessTriggerEventsTable } from '../../db/schema-processes';
import { recordVariables } from './record-variables';
import { type Runtime, startInstance } from './runtime';
import { fireSchedules } from './schedules';

type Trx = Kysely<DB>;
type TriggerEvent = Selectable<ProcessTriggerEventsTable>;

/**
 * Records an event that may start processes (a web form submitted, a missed call, an e-mail opened)
 * in the caller's transaction; lead and deal events are written by database triggers instead.
 */
export async function emitProcessEvent(
  trx: Trx,
  event: { workspaceId: string; event: string; entity: string; recordId: string; data?: Variables },
): Promise<void> {
  await sql`
    insert into process_trigger_events (workspace_id, event, entity, record_id, data)
    select ${event.workspaceId}, ${event.event}, ${event.entity}, ${event.recordId}, ${JSON.stringify(event.data ?? {})}::jsonb
    where process_trigger_wanted(${event.workspaceId}, ${event.event})`.execute(trx);
}

/** A trigger's conditions all hold: each named value equals the event's (a changed field is among them). */
export function conditionsHold(conditions: Record<string, string>, data: Record<string, unknown>): boolean {
  return Object.entries(conditions).every(([key, expected]) => {
    if (expected === '') return true;
    if (key === 'field') return Array.isArray(data.fields) && data.fields.includes(expected);
    return String(data[key] ?? '') === expected;
  });
}

async function startFor(trx: Trx, runtime: Runtime, event: TriggerEvent): Promise<number> {
  const triggers = await trx
    .selectFrom('process_triggers as t')
    .innerJoin('process_definitions as d', 'd.id', 't.definition_id')
    .select(['t.definition_id', 't.conditions'])
    .select((eb) =>
      eb
        .selectFrom('process_versions as v')
        .select('v.id')
        .whereRef('v.definition_id', '=', 't.definition_id')
        .where('v.status', '=', 'published')
        .orderBy('v.version', 'desc')
        .limit(1)
        .as('version_id'),
    )
    .where('t.workspace_id', '=', event.workspace_id)
    .where('t.event', '=', event.event)
    .where('t.enabled', '=', true)
    .where('d.deleted_at', 'is', null)
    // A lead event starts the processes made for leads, and so on.
    .where('d.runs_on', '=', event.entity as 'lead' | 'deal' | 'contact' | 'company')
    .execute();
  if (triggers.length === 0) return 0;
  // Conditions may name any field of the record (pipelineId, source …) or of the event (stageId).
  const record = await recordVariables(trx, event.workspace_id, event.entity, event.record_id);
  const fields = (record[event.entity] ?? {}) as Record<string, unknown>;
  const data = { ...fields, entity: event.entity, ...event.data };
  let started = 0;
  for (const trigger of triggers) {
    if (!trigger.version_id || !conditionsHold(trigger.conditions as Record<string, string>, data)) continue;
    await startInstance(trx, runtime, {
      workspaceId: event.workspace_id,
      definitionId: trigger.definition_id,
      versionId: trigger.version_id,
      variables: { ...record, trigger: { event: event.event, ...event.data } },
      initiatorId: typeof fields.responsibleId === 'string' ? fields.responsibleId : null,
      entity: event.entity,
      recordId: event.record_id,
    });
    started += 1;
  }
  return started;
}

/**
 * Takes due trigger events one at a time (SKIP LOCKED, so any number of server processes can share
 * the work) and starts the matching processes in the transaction that deletes the event. A start that
 * fails rolls back alone; the event is retried with back-off and, after five attempts, kept with its
 * error for the monitor instead of being dropped.
 */
export async function drainTriggerEvents(db: Kysely<DB>, runtime: Runtime, limit = 100): Promise<number> {
  let handled = 0;
  for (; handled < limit; handled++) {
    let claimed: TriggerEvent | undefined;
    let current: string | null = null;
    try {
      claimed = await db.transaction().execute(async (trx) => {
        const event = await trx
          .selectFrom('process_trigger_events')
          .selectAll()
          .where('attempts', '<', 5)
          .where('available_at', '<=', sql<Date>`now()`)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!event) return undefined;
        current = event.id;
        await startFor(trx, runtime, event);
        await trx.deleteFrom('process_trigger_events').where('id', '=', event.id).execute();
        return event;
      });
    } catch (error) {
      if (current === null) throw error;
      await db
        .updateTable('process_trigger_events')
        .set({
          attempts: sql`attempts + 1`,
          last_error: error instanceof Error ? error.message : String(error),
          available_at: sql`now() + make_interval(secs => 10 * power(2, attempts))`,
        })
        .where('id', '=', current)
        .execute();
      continue;
    }
    if (!claimed) break;
  }
  return handled;
}

/** Drains trigger events every `intervalMs` until stopped. */
export function startTriggerLoop(db: Kysely<DB>, runtime: Runtime, intervalMs: number): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      await drainTriggerEvents(db, runtime).catch(() => 0);
      await fireSchedules(db, runtime).catch(() => 0);
    });
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
