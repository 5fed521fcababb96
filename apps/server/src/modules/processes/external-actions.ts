import type { Variables } from '@voronka/domain';
import { z } from 'zod';
import { AppError } from '../../http/errors';
import type { Mailer } from '../mail/mailer';

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

/** The mailer the email action sends through; without one, email actions fail as incidents. */
export function useProcessMailer(next: Mailer | null): void {
  mailer = next;
}

/**
 * Actions that reach outside our database run as jobs after the step committed. They can repeat if a
 * process dies between doing them and recording that they were done, so each carries the token id as
 * an idempotency key (the webhook's `Idempotency-Key` header, the e-mail's Message-ID).
 */
export async function runExternalAction(action: string, params: Variables, key: string): Promise<Variables> {
  if (action === 'email.send') {
    const input = SendEmail.parse(params);
    if (!mailer) throw new AppError('bad_request', 'No mail server is configured (SMTP_URL)');
    await mailer.send({
      to: Array.isArray(input.to) ? input.to.join(', ') : input.to,
      subject: input.subject,
      text: input.text,
      messageId: `<${key}@voronka.process>`,
    });
    return { emailSent: true };
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
