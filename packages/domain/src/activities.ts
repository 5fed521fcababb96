import { z } from 'zod';

/** A review is the client's feedback after delivery; its `result` is positive, neutral or negative. */
export const activityKinds = ['call', 'meeting', 'email', 'note', 'comment', 'review'] as const;
export const reviewVerdicts = ['positive', 'neutral', 'negative'] as const;
export const ActivityKind = z.enum(activityKinds);
export const ActivityEntity = z.enum(['lead', 'deal', 'contact', 'company']);
export type ActivityEntity = z.infer<typeof ActivityEntity>;

const recordSections: Record<ActivityEntity, string> = {
  lead: 'leads',
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
};

/**
 * Where a record's card opens in the web app, for links the server sends (notifications, the calendar).
 *
 * @example recordLink('company', 'c0…') // "/companies/c0…"
 */
export function recordLink(entity: ActivityEntity, id: string): string {
  return `/${recordSections[entity]}/${id}`;
}

/** An e-mail Voronka sent about the record, and whether the client opened it (open tracking). */
export const emailResults = ['sent', 'opened'] as const;

export const Activity = z
  .object({
    id: z.uuid(),
    kind: ActivityKind,
    subject: z.string().nullable(),
    body: z.string().nullable(),
    direction: z.enum(['in', 'out']).nullable(),
    durationSeconds: z.number().int().nullable(),
    result: z.string().nullable(),
    recordingUrl: z.string().nullable(),
    occurredAt: z.string(),
    entity: ActivityEntity,
    recordId: z.uuid(),
    authorId: z.uuid().nullable(),
    mentions: z.array(z.uuid()),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

export const CreateActivityBody = z.strictObject({
  kind: ActivityKind,
  entity: ActivityEntity,
  recordId: z.uuid(),
  subject: z.string().trim().max(500).nullable().default(null),
  body: z.string().trim().max(20_000).nullable().default(null),
  direction: z.enum(['in', 'out']).nullable().default(null),
  durationSeconds: z.number().int().min(0).max(86_400).nullable().default(null),
  result: z.string().trim().max(500).nullable().default(null),
  recordingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** People named with @ in a comment; each gets a notification. */
  mentions: z.array(z.uuid()).max(50).default([]),
});

/** One line of a record's timeline: an activity, a task or a change from its history. */
export const TimelineItem = z
  .object({
    kind: z.enum(['activity', 'task', 'change']),
    at: z.string(),
    activity: Activity.optional(),
    task: z
      .object({
        id: z.uuid(),
        title: z.string(),
        status: z.enum(['open', 'done']),
        dueAt: z.string().nullable(),
        assigneeId: z.uuid(),
      })
      .optional(),
    change: z
      .object({
        action: z.string(),
        field: z.string().nullable(),
        oldValue: z.unknown(),
        newValue: z.unknown(),
        actorName: z.string().nullable(),
      })
      .optional(),
    /** Set when the item belongs to the lead this deal was converted from. */
    fromLead: z.boolean(),
  })
  .meta({ id: 'TimelineItem' });
export type TimelineItem = z.infer<typeof TimelineItem>;
