import { z } from 'zod';

export const DealProductInput = z.strictObject({
  productId: z.uuid().nullable().default(null),
  name: z.string().trim().min(1).max(500),
  price: z.number().min(0).max(1e13),
  quantity: z.number().positive().max(1e9),
  discountPercent: z.number().min(0).max(100).default(0),
  vatRatePercent: z.number().int().min(0).max(100).default(22),
  vatIncluded: z.boolean().default(true),
});
export type DealProductInput = z.infer<typeof DealProductInput>;

export const DealProduct = z
  .object({
    id: z.uuid(),
    productId: z.uuid().nullable(),
    name: z.string(),
    price: z.number(),
    quantity: z.number(),
    discountPercent: z.number(),
    vatRatePercent: z.number(),
    vatIncluded: z.boolean(),
    total: z.number(),
    vat: z.number(),
  })
  .meta({ id: 'DealProduct' });

export const Deal = z
  .object({
    id: z.uuid(),
    title: z.string(),
    pipelineId: z.uuid(),
    stageId: z.uuid(),
    amount: z.number(),
    currency: z.string(),
    probability: z.number().int().nullable(),
    expectedCloseDate: z.string().nullable(),
    responsibleId: z.uuid().nullable(),
    contactId: z.uuid().nullable(),
    companyId: z.uuid().nullable(),
    /** The linked contact's and company's names; null when unlinked, deleted or not visible to the caller. */
    contactName: z.string().nullable(),
    companyName: z.string().nullable(),
    leadId: z.uuid().nullable(),
    /** For a fulfilment deal: the won sales deal it fulfils. */
    sourceDealId: z.uuid().nullable(),
    source: z.string().nullable(),
    lostReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    stageEnteredAt: z.string(),
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** True while the deal is open and has no open task: the "no next step" warning. */
    noNextStep: z.boolean(),
  })
  .meta({ id: 'Deal' });
export type Deal = z.infer<typeof Deal>;

/**
 * What a kanban card needs: the board sends these rather than whole deals, so a board of ten columns of
 * thirty cards is well under half the bytes (the card opens the deal for the rest).
 */
export const DealCard = Deal.pick({
  id: true,
  title: true,
  pipelineId: true,
  stageId: true,
  amount: true,
  currency: true,
  probability: true,
  expectedCloseDate: true,
  responsibleId: true,
  contactName: true,
  companyName: true,
  updatedAt: true,
  noNextStep: true,
}).meta({ id: 'DealCard' });
export type DealCard = z.infer<typeof DealCard>;

/** The kanban of one pipeline: per stage the count and sum of every visible deal, and the latest few. */
export const DealBoard = z
  .object({
    pipelineId: z.uuid(),
    columns: z.array(
      z.object({ stageId: z.uuid(), count: z.number().int(), sum: z.number(), deals: z.array(DealCard) }),
    ),
  })
  .meta({ id: 'DealBoard' });
export type DealBoard = z.infer<typeof DealBoard>;

/** When a deal entered and left one stage. */
export const StageVisit = z
  .object({
    stageId: z.uuid(),
    stageName: z.string(),
    enteredAt: z.string(),
    exitedAt: z.string().nullable(),
    actorId: z.uuid().nullable(),
    overrideComment: z.string().nullable(),
  })
  .meta({ id: 'StageVisit' });
export type StageVisit = z.infer<typeof StageVisit>;

const dealFields = {
  title: z.string().trim().min(1).max(500),
  amount: z.number().min(0).max(1e13),
  currency: z.string().length(3).toUpperCase(),
  probability: z.number().int().min(0).max(100).nullable(),
  expectedCloseDate: z.iso.date().nullable(),
  responsibleId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  source: z.string().trim().max(100).nullable(),
  custom: z.record(z.string(), z.unknown()),
};

export const CreateDealBody = z.strictObject({
  ...dealFields,
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  amount: dealFields.amount.optional(),
  currency: dealFields.currency.default('RUB'),
  probability: dealFields.probability.default(null),
  expectedCloseDate: dealFields.expectedCloseDate.default(null),
  responsibleId: dealFields.responsibleId.optional(),
  contactId: dealFields.contactId.default(null),
  companyId: dealFields.companyId.default(null),
  source: dealFields.source.default(null),
  custom: dealFields.custom.default({}),
  /** When given, the amount is their total and cannot be set by hand. */
  products: z.array(DealProductInput).max(500).optional(),
});
export const UpdateDealBody = z
  .strictObject({ ...dealFields, products: z.array(DealProductInput).max(500) })
  .partial();

export const MoveDealBody = z.strictObject({
  stageId: z.uuid(),
  /** A head of sales may pass a closed gate; the comment is kept in the deal's history. */
  overrideComment: z.string().trim().min(3).max(2000).optional(),
});
export const LoseDealBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const WinDealBody = z.strictObject({ overrideComment: z.string().trim().min(3).max(2000).optional() });
