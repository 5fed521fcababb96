import { escapeHtml } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { insertActivity } from '../activities/activities.service';
import { newToken } from '../auth/secrets';
import { publish } from '../events/event-bus';
import { emitProcessEvent } from '../processes/triggers';
import type { MailMessage } from './mailer';

export interface TrackedMail {
  workspaceId: string;
  /** Sending the same key again (a retried job) is the same message: one row, one activity. */
  messageKey: string;
  entity: string;
  recordId: string;
  to: string;
  subject: string;
  text: string;
}

/** The text as HTML paragraphs, with the pixel that tells us the client opened it. */
export function trackedHtml(text: string, pixelUrl: string): string {
  const body = escapeHtml(text).replace(/\r?\n/g, '<br>');
  return `<!doctype html><html><body><div>${body}</div><img src="${escapeHtml(pixelUrl)}" width="1" height="1" alt="" style="display:block;border:0"></body></html>`;
}

/**
 * Prepares an e-mail about a record: its row (once per message key) and the message to send, with the
 * text and an HTML part whose 1×1 image lives at `{publicUrl}/t/{key}.gif`.
 */
export async function prepareTrackedMail(
  db: Kysely<DB>,
  mail: TrackedMail,
  publicUrl: string,
): Promise<{ id: string; message: Pick<MailMessage, 'text' | 'html'> }> {
  await db
    .insertInto('email_messages')
    .values({
      workspace_id: mail.workspaceId,
      message_key: mail.messageKey,
      tracking_key: newToken().slice(0, 32),
      entity: mail.entity,
      record_id: mail.recordId,
      recipients: mail.to,
      subject: mail.subject,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'message_key']).doNothing())
    .execute();
  const row = await db
    .selectFrom('email_messages')
    .select(['id', 'tracking_key'])
    .where('workspace_id', '=', mail.workspaceId)
    .where('message_key', '=', mail.messageKey)
    .executeTakeFirstOrThrow();
  const pixel = `${publicUrl.replace(/\/$/, '')}/t/${row.tracking_key}.gif`;
  return { id: row.id, message: { text: mail.text, html: trackedHtml(mail.text, pixel) } };
}

/** After the mail server took the message: it goes on the record's timeline as an outgoing e-mail, once. */
export async function recordSent(db: Kysely<DB>, mail: TrackedMail, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('email_messages')
      .select(['activity_id'])
      .where('workspace_id', '=', mail.workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.activity_id) return;
    const activity = await insertActivity(trx, {
      workspace_id: mail.workspaceId,
      kind: 'email',
      subject: mail.subject,
      body: `${mail.to}\n\n${mail.text}`.slice(0, 20_000),
      direction: 'out',
      result: 'sent',
      entity: mail.entity,
      record_id: mail.recordId,
    });
    await trx
      .updateTable('email_messages')
      .set({ sent_at: new Date(), activity_id: activity.id })
      .where('id', '=', id)
      .execute();
  });
}

/**
 * The client's mail program loaded the pixel: counted every time; the first time the e-mail's activity
 * says "opened" and processes waiting for `email.opened` on the record start. An unknown key does nothing.
 */
export async function markOpened(db: Kysely<DB>, trackingKey: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('email_messages')
      .set((eb) => ({ opens: eb('opens', '+', 1), opened_at: sql<Date>`coalesce(opened_at, now())` }))
      .where('tracking_key', '=', trackingKey)
      .returning(['id', 'workspace_id', 'entity', 'record_id', 'activity_id', 'opens', 'subject'])
      .executeTakeFirst();
    if (row?.opens !== 1) return false;
    if (row.activity_id) {
      await trx
        .updateTable('activities')
        .set({ result: 'opened' })
        .where('id', '=', row.activity_id)
        .execute();
    }
    await emitProcessEvent(trx, {
      workspaceId: row.workspace_id,
      event: 'email.opened',
      entity: row.entity,
      recordId: row.record_id,
      data: { emailId: row.id, subject: row.subject },
    });
    await publish(trx, {
      workspaceId: row.workspace_id,
      responsibleId: null,
      event: {
        type: 'record.changed',
        entity: row.entity,
        recordId: row.record_id,
        action: 'update',
        actorId: null,
      },
    });
    return true;
  });
}
