import type { Variables } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';
import type { Mailer } from '../mail/mailer';
import { prepareTrackedMail, recordSent, type TrackedMail } from '../mail/tracked-mail';

const SendEmail = z.object({
  to: z.union([z.email(), z.array(z.email()).min(1)]),
  subject: z.string().min(1),
  text: z.string(),
});
const CallWebhook = z.object({
  url: z.url({ protocol: /^https?$/ }),
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST'),
  body: z.unknown().optional(),
});

let mailer: Mailer | null = null;
let publicUrl = 'http://localhost:3000';

/**
 * The mailer the email action sends through (without one, email actions fail as incidents), and the
 * address clients reach this server at, where an e-mail's open-tracking pixel points.
 */
export function useProcessMailer(next: Mailer | null, url?: string): void {
  mailer = next;
  if (url) publicUrl = url;
}

/** The step the action runs for: its instance's record, when it has one, is what an e-mail is about. */
export interface ActionContext {
  db: Kysely<DB>;
  workspaceId: string;
  instanceId: string;
}

async function aboutRecord(context: ActionContext) {
  const instance = await context.db
    .selectFrom('process_instances')
    .select(['entity', 'record_id'])
    .where('workspace_id', '=', context.workspaceId)
    .where('id', '=', context.instanceId)
    .executeTakeFirst();
  return instance?.entity && instance.record_id
    ? { entity: instance.entity, recordId: instance.record_id }
    : null;
}

/**
 * Actions that reach outside our database run as jobs after the step committed. They can repeat if a
 * process dies between doing them and recording that they were done, so each carries the token id as
 * an idempotency key (the webhook's `Idempotency-Key` header, the e-mail's Message-ID).
 */
export async function runExternalAction(
  action: string,
  params: Variables,
  key: string,
  context?: ActionContext,
): Promise<Variables> {
  if (action === 'email.send') {
    const input = SendEmail.parse(params);
    if (!mailer) throw new AppError('bad_request', 'No mail server is configured (SMTP_URL)');
    const to = Array.isArray(input.to) ? input.to.join(', ') : input.to;
    const message = { to, subject: input.subject, text: input.text, messageId: `<${key}@voronka.process>` };
    // An e-mail about a record goes on its timeline, and its opening can start processes.
    const record = context ? await aboutRecord(context) : null;
    if (!context || !record) {
      await mailer.send(message);
      return { emailSent: true };
    }
    const mail: TrackedMail = { workspaceId: context.workspaceId, messageKey: key, ...record, ...message };
    const tracked = await prepareTrackedMail(context.db, mail, publicUrl);
    await mailer.send({ ...message, ...tracked.message });
    await recordSent(context.db, mail, tracked.id);
    return { emailSent: true, emailId: tracked.id };
  }
  if (action === 'webhook.call') {
    const input = CallWebhook.parse(params);
    const response = await fetch(input.url, {
      method: input.method,
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(input.body ?? {}),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new AppError('bad_request', `The webhook answered ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    return {
      webhookStatus: response.status,
      ...(type.includes('json') && { webhookResponse: await response.json() }),
    };
  }
  throw new AppError('bad_request', `Unknown action ${action}`);
}
