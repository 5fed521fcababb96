import { z } from 'zod';

export const ViewEntity = z.enum(['deal', 'lead', 'contact', 'company', 'task']);

/** What a list shows: its filters (as query parameters), sort and columns. */
export const ViewQuery = z.strictObject({
  filters: z.record(z.string().max(100), z.string().max(500)).default({}),
  sort: z.string().max(50).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  columns: z.array(z.string().max(100)).max(50).default([]),
});

export const SavedView = z
  .object({
    id: z.uuid(),
    entity: ViewEntity,
    name: z.string(),
    shared: z.boolean(),
    ownerId: z.uuid().nullable(),
    query: ViewQuery,
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof SavedView>;

export const CreateViewBody = z.strictObject({
  entity: ViewEntity,
  name: z.string().trim().min(1).max(200),
  /** Shared views are seen by the whole workspace; only heads and admins make them. */
  shared: z.boolean().default(false),
  query: ViewQuery,
});

export const BulkDealsBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('assign'),
    ids: z.array(z.uuid()).min(1).max(1000),
    responsibleId: z.uuid(),
  }),
  z.strictObject({ action: z.literal('move'), ids: z.array(z.uuid()).min(1).max(1000), stageId: z.uuid() }),
  z.strictObject({ action: z.literal('delete'), ids: z.array(z.uuid()).min(1).max(1000) }),
  z.strictObject({ action: z.literal('restore'), ids: z.array(z.uuid()).min(1).max(1000) }),
]);
