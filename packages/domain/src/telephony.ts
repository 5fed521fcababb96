import { z } from 'zod';
import { Activity, ActivityEntity } from './activities';
import { normalizePhone } from './phone';

/**
 * A finished call as a PBX (or a call-tracking service) reports it. The call's own id makes a report
 * sent twice (PBXs retry webhooks) count once.
 */
export const TelephonyCallBody = z.strictObject({
  callId: z.string().trim().min(1).max(200),
  direction: z.enum(['in', 'out']),
  /** `missed`: an incoming call nobody answered, or an outgoing one the client did not pick up. */
  status: z.enum(['answered', 'missed']),
  /** The client's number, written any way; stored as E.164. */
  phone: z
    .string()
    .max(50)
    .transform((value, context) => {
      const phone = normalizePhone(value);
      if (!phone) context.addIssue({ code: 'custom', message: 'Not a phone number' });
      return phone ?? '';
    }),
  /** Our number the client dialled: with call tracking it tells the advertising channel. */
  line: z.string().trim().max(100).nullable().default(null),
  /** The manager on our side, when the PBX knows them. */
  userId: z.uuid().nullable().default(null),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  durationSeconds: z.number().int().min(0).max(86_400).default(0),
  recordingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
});
export type TelephonyCallBody = z.output<typeof TelephonyCallBody>;

export const TelephonyCallResult = z
  .object({
    /** The call as logged on the record's timeline. */
    activity: Activity,
    entity: ActivityEntity,
    recordId: z.uuid(),
    /** An unknown number became a new lead. */
    leadCreated: z.boolean(),
    /** The call-back task a missed incoming call leaves for the record's responsible person. */
    taskId: z.uuid().nullable(),
    /** This call id was reported before; nothing was written again. */
    duplicate: z.boolean(),
  })
  .meta({ id: 'TelephonyCallResult' });
export type TelephonyCallResult = z.infer<typeof TelephonyCallResult>;

/** The results a PBX's calls are logged with; the web app translates them. */
export const pbxCallResults = ['answered', 'missed', 'no answer'] as const;

/** A call's result as the timeline shows it, from what the PBX reported. */
export function callResultOf(
  call: Pick<TelephonyCallBody, 'direction' | 'status'>,
): (typeof pbxCallResults)[number] {
  if (call.status === 'answered') return 'answered';
  return call.direction === 'in' ? 'missed' : 'no answer';
}
