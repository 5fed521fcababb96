import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { publish } from '../events/event-bus';
import type { Mailer } from '../mail/mailer';

export interface ReminderOptions {
  mailer?: Mailer | null;
  /** Where the app is reached, for the link in the email. */
  publicUrl?: string;
  onError?: (error: unknown) => void;
  batch?: number;
}

interface DueReminder {
  id: string;
  workspace_id: string;
  assignee_id: string;
  title: string;
  due_at: Date | null;
  email: string;
  locale: 'ru' | 'en';
}

function reminderMail(task: DueReminder, publicUrl: string) {
  const link = `${publicUrl.replace(/\/$/, '')}/tasks?task=${task.id}`;
  const due = task.due_at?.toLocaleString(task.locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: 'Europe/Moscow',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return task.locale === 'ru'
    ? {
        subject: `Напоминание: ${task.title}`,
        text: `${task.title}\n${due ? `Срок: ${due} (МСК)\n` : ''}\nОткрыть задачу: ${link}\n`,
      }
    : {
        subject: `Reminder: ${task.title}`,
        text: `${task.title}\n${due ? `Due: ${due} (Moscow time)\n` : ''}\nOpen the task: ${link}\n`,
      };
}

/**
 * Sends the reminders that are due. Rows are claimed with SKIP LOCKED and marked in the same
 * transaction as the browser notification, so with several server processes each reminder goes out
 * once. Emails follow the commit: a failed email is reported, not retried, so none is ever doubled.
 */
export async function sendDueReminders(db: Kysely<DB>, options: ReminderOptions = {}): Promise<number> {
  const due = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('tasks')
      .innerJoin('users', 'users.id', 'tasks.assignee_id')
      .select([
        'tasks.id',
        'tasks.workspace_id',
        'tasks.assignee_id',
        'tasks.title',
        'tasks.due_at',
        'users.email',
        'users.locale',
      ])
      .where('tasks.remind_at', '<=', sql<Date>`now()`)
      .where('tasks.reminded_at', 'is', null)
      .where('tasks.status', '=', 'open')
      .where('tasks.deleted_at', 'is', null)
      .orderBy('tasks.remind_at')
      .limit(options.batch ?? 100)
      .forUpdate('tasks')
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('tasks')
      .set({ reminded_at: sql`now()` })
      .where(
        'id',
        'in',
        rows.map((task) => task.id),
      )
      .execute();
    for (const task of rows) {
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
    return rows;
  });
  if (options.mailer) {
    for (const task of due) {
      try {
        await options.mailer.send({
          to: task.email,
          ...reminderMail(task, options.publicUrl ?? 'http://localhost:3000'),
        });
      } catch (error) {
        options.onError?.(error);
      }
    }
  }
  return due.length;
}

/** Checks for due reminders every `intervalMs` until stopped; errors are reported, never fatal. */
export function startReminders(db: Kysely<DB>, intervalMs: number, options: ReminderOptions): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await sendDueReminders(db, options)) > 0) {
        // keep draining while reminders come back
      }
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
