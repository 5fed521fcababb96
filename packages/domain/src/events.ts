import { z } from 'zod';

/** One message on the live channel (server-sent events). */
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('record.changed'),
    entity: z.string(),
    recordId: z.uuid(),
    action: z.enum(['create', 'update', 'delete']),
    actorId: z.uuid().nullable(),
  }),
  z.object({
    type: z.literal('notification'),
    title: z.string(),
    body: z.string().optional(),
    link: z.string().optional(),
  }),
]);
export type LiveEvent = z.infer<typeof LiveEvent>;
