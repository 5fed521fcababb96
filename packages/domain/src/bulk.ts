import { z } from 'zod';

const BulkIds = z.array(z.uuid()).min(1).max(1000);

/**
 * One action on many leads, contacts or companies, applied in one transaction: all of them, or none
 * with the refused one named by its place in `ids`.
 */
export const BulkRecordsBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('assign'), ids: BulkIds, responsibleId: z.uuid() }),
  z.strictObject({ action: z.literal('delete'), ids: BulkIds }),
  z.strictObject({ action: z.literal('restore'), ids: BulkIds }),
]);
export type BulkRecordsBody = z.infer<typeof BulkRecordsBody>;

export const BulkResult = z.object({ updated: z.number().int() });
export type BulkResult = z.infer<typeof BulkResult>;
