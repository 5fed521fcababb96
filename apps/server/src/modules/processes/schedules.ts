import cronParser from 'cron-parser';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { type Runtime, startInstance } from './runtime';

const defaultZone = 'Europe/Moscow';

/** The most recent moment a cron expression fell due at or before `now`, or null if it does not parse. */
export function lastDue(cron: string, now: Date, timezone = defaultZone): Date | null {
  try {
    return cronParser
      .parseExpression(cron, { currentDate: new Date(now.getTime() + 1), tz: timezone })
      .prev()
      .toDate();
  } catch {
    return null;
  }
}

/** The syntax error of a cron expression, for the designer; null when it parses. */
export function cronProblem(cron: string, timezone = defaultZone): string | null {
  try {
    cronParser.parseExpression(cron, { tz: timezone });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Starts scheduled processes ("check calls every Monday at 9"). Each schedule trigger remembers the
 * last due time it fired for; a server claims a due time by moving that mark with a conditional
 * update in the transaction that starts the instance, so with any number of servers each due time
 * starts exactly one instance. Due times missed while every server was down fire once, not for each.
 */
export async function fireSchedules(db: Kysely<DB>, runtime: Runtime): Promise<number> {
  const schedules = await db
    .selectFrom('process_triggers as t')
    .innerJoin('process_definitions as d', 'd.id', 't.definition_id')
    .select(['t.id', 't.workspace_id', 't.definition_id', 't.conditions', 't.created_at'])
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
    .where('t.event', '=', 'schedule')
    .where('t.enabled', '=', true)
    .where('d.deleted_at', 'is', null)
    // A schedule has no record to hand over: only processes that run without one.
    .where('d.runs_on', 'is', null)
    .execute();
  const now = runtime.now();
  let started = 0;
  for (const schedule of schedules) {
    const conditions = schedule.conditions as Record<string, string>;
    const due = conditions.cron ? lastDue(conditions.cron, now, conditions.timezone || defaultZone) : null;
    const since = conditions.lastRun ? new Date(conditions.lastRun) : schedule.created_at;
    if (!due || !schedule.version_id || due <= since) continue;
    const versionId = schedule.version_id;
    const claimed = await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('process_triggers')
        .set({ conditions: sql`conditions || jsonb_build_object('lastRun', ${due.toISOString()}::text)` })
        .where('id', '=', schedule.id)
        .where(sql<boolean>`coalesce(conditions ->> 'lastRun', '') = ${conditions.lastRun ?? ''}`)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await startInstance(trx, runtime, {
        workspaceId: schedule.workspace_id,
        definitionId: schedule.definition_id,
        versionId,
        variables: { trigger: { event: 'schedule', dueAt: due.toISOString() } },
      });
      return true;
    });
    if (claimed) started += 1;
  }
  return started;
}
