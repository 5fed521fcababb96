import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { publish } from '../events/event-bus';

/**
 * Sends the reminders that are due. Rows are claimed with SKIP LOCKED and marked in the same
 * transaction as the notification, so with several server processes each reminder goes out once.
 */
export async function sendDueReminders(db: Kysely<DB>, batch = 100): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('tasks')
      .select(['id', 'workspace_id', 'assignee_id', 'title', 'due_at'])
      .where('remind_at', '<=', sql<Date>`now()`)
      .where('reminded_at', 'is', null)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null)
      .orderBy('remind_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return 0;
    await trx
      .updateTable('tasks')
      .set({ reminded_at: sql`now()` })
      .where(
        'id',
        'in',
        due.map((task) => task.id),
      )
      .execute();
    for (const task of due) {
      await publish(trx, {
        workspaceId: task.workspace_id,
        userIds: [task.assignee_id],
        event: {
          type: 'notification',
          title: task.title,
          body: task.due_at?.toISOString(),
          link: `/tasks?task=${task.id}`,
        },
      });
    }
    return due.length;
  });
}

/** Checks for due reminders every `intervalMs` until stopped; errors are logged, never fatal. */
export function startReminders(
  db: Kysely<DB>,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await sendDueReminders(db)) > 0) {
        // keep draining while full batches come back
      }
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
