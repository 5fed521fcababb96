import type { Deal, FieldChange, Stage } from '@voronka/domain';
import {
  type CreateDealBody,
  canOverrideGate,
  checkStageMove,
  diffRecords,
  type MissingRequirement,
  type UpdateDealBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireValidCustom } from '../custom-fields/custom-fields.service';
import { recordChanged } from '../history/record-changed';
import { createdFields } from '../history/record-history';
import { insertChecked } from './checked-insert';
import { listProducts, replaceProducts } from './deal-products';
import { findDeal, toDeal } from './deals.queries';
import { onDealWon } from './fulfilment';
import { type DealLinks, findLinks, type LinksFound, pipelineStages } from './transaction-lookups';

type Trx = Kysely<DB>;

async function requireLinks(trx: Trx, actor: Actor, links: DealLinks): Promise<void> {
  refuseMissing(await findLinks(trx, actor.workspaceId, links));
}

function refuseMissing(found: LinksFound): void {
  if (!found.responsible) throw invalid('body.responsibleId', 'No such active user in this workspace');
  if (!found.company) throw invalid('body.companyId', 'No such company');
  if (!found.contact) throw invalid('body.contactId', 'No such contact');
}

/** A deal's change, into its history and to the browsers (see `recordChanged`). */
function recordChange(
  trx: Trx,
  actor: Actor,
  deal: { id: string; responsible_id: string | null },
  action: 'create' | 'update' | 'delete',
  changes: FieldChange[],
): Promise<void> {
  return recordChanged(trx, actor, {
    entity: 'deal',
    recordId: deal.id,
    responsibleId: deal.responsible_id,
    action,
    changes,
  });
}

/** Reloads a deal inside the transaction in its API shape. */
async function reload(trx: Trx, actor: Actor, id: string): Promise<Deal> {
  const row = await findDeal(trx, actor, id);
  if (!row) throw notFound('Deal');
  return toDeal(row);
}

export async function getDeal(db: Kysely<DB>, actor: Actor, id: string): Promise<Deal> {
  return reload(db, actor, id);
}

export async function createDeal(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateDealBody>,
): Promise<Deal> {
  return db.transaction().execute((trx) => insertDeal(trx, actor, input));
}

/** Creates a deal inside the caller's transaction, with its first stage visit, history and event. */
export async function insertDeal(
  trx: Trx,
  actor: Actor,
  input: z.output<typeof CreateDealBody>,
  links: { leadId?: string | null; sourceDealId?: string | null } = {},
): Promise<Deal> {
  if (input.products && input.amount !== undefined)
    throw invalid('body.amount', 'With product lines the amount is their total; leave it out');
  const responsibleId = input.responsibleId === undefined ? actor.userId : input.responsibleId;
  // Custom values are checked first: with none given this asks nothing, and the insert stays the
  // transaction's first statement (carrying its BEGIN).
  await requireValidCustom(trx, actor, 'deal', input.custom);
  const checked = await insertChecked(trx, actor, {
    title: input.title,
    pipelineId: input.pipelineId ?? null,
    stageId: input.stageId ?? null,
    amount: input.amount ?? 0,
    currency: input.currency,
    probability: input.probability,
    expectedCloseDate: input.expectedCloseDate,
    responsibleId,
    contactId: input.contactId,
    companyId: input.companyId,
    leadId: links.leadId ?? null,
    sourceDealId: links.sourceDealId ?? null,
    source: input.source,
    custom: input.custom,
  });
  if (!checked.pipelineFound) throw invalid('body.pipelineId', 'No such pipeline');
  if (!checked.stage) throw invalid('body.stageId', 'No such stage in this pipeline');
  if (checked.stage.kind !== 'open') throw invalid('body.stageId', 'A new deal starts in an open stage');
  refuseMissing(checked.links);
  const inserted = checked.deal;
  if (!inserted) throw new Error('The deal insert passed its checks and returned no deal');
  if (input.products) {
    const amount = await replaceProducts(trx, actor.workspaceId, inserted.id, input.products);
    await trx.updateTable('deals').set({ amount }).where('id', '=', inserted.id).execute();
  }
  // The amount of product lines came after the insert; otherwise the insert's answer is the deal.
  const deal = input.products
    ? await reload(trx, { ...actor, visibility: 'all' }, inserted.id)
    : toDeal(inserted);
  const { noNextStep: _, stageEnteredAt: __, companyName: ___, contactName: ____, ...fields } = deal;
  await recordChange(trx, actor, inserted, 'create', createdFields(fields));
  return deal;
}

/** The fields a change is recorded for: the links' names follow their ids and are not kept twice. */
const historyShape = ({
  noNextStep: _,
  stageEnteredAt: __,
  updatedAt: ___,
  companyName: ____,
  contactName: _____,
  ...deal
}: Deal) => deal;

export async function updateDeal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateDealBody>,
): Promise<Deal> {
  return db.transaction().execute((trx) => updateDealIn(trx, actor, id, input));
}

export async function updateDealIn(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateDealBody>,
): Promise<Deal> {
  const current = await findDeal(trx, actor, id, true);
  if (!current) throw notFound('Deal');
  await requireLinks(trx, actor, input);
  await requireValidCustom(trx, actor, 'deal', input.custom);
  let amount = input.amount;
  if (input.products) {
    if (input.amount !== undefined)
      throw invalid('body.amount', 'With product lines the amount is their total; leave it out');
    amount = await replaceProducts(trx, actor.workspaceId, id, input.products);
  } else if (input.amount !== undefined && (await listProducts(trx, actor.workspaceId, id)).length > 0) {
    throw invalid('body.amount', 'This deal’s amount is the total of its product lines; change the lines');
  }
  await trx
    .updateTable('deals')
    .set({
      title: input.title,
      amount,
      currency: input.currency,
      probability: input.probability,
      expected_close_date: input.expectedCloseDate,
      responsible_id: input.responsibleId,
      contact_id: input.contactId,
      company_id: input.companyId,
      source: input.source,
      custom: input.custom === undefined ? undefined : JSON.stringify(input.custom),
      updated_at: new Date(),
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
  const deal = await reload(trx, actor, id);
  const changes = diffRecords(historyShape(toDeal(current)), historyShape(deal));
  if (input.products)
    changes.push({
      field: 'products',
      oldValue: null,
      newValue: input.products.map((p) => `${p.name} × ${p.quantity}`),
    });
  // No change, no history and no event.
  if (changes.length > 0) await recordChange(trx, actor, current, 'update', changes);
  return deal;
}

export class GateClosed extends AppError {
  constructor(missing: MissingRequirement[]) {
    const list = missing.map((item) => `${item.label} (${item.stageName})`).join(', ');
    super('stage_gate', `The deal cannot move on until these are done: ${list}`, { missing });
  }
}

/** The user to hand a deal to on entering a stage: the active person with that function who has the fewest open deals. */
export async function handoffTarget(
  trx: Trx,
  actor: Actor,
  stage: Stage,
  currentResponsible: string | null,
): Promise<string | null> {
  if (!stage.handoffFunction) return null;
  const candidates = await trx
    .selectFrom('users as u')
    .leftJoin('deals as d', (join) =>
      join
        .onRef('d.responsible_id', '=', 'u.id')
        .on('d.closed_at', 'is', null)
        .on('d.deleted_at', 'is', null),
    )
    .select(['u.id', (eb) => eb.fn.count<string>('d.id').as('open')])
    .where('u.workspace_id', '=', actor.workspaceId)
    .where('u.active', '=', true)
    .where('u.function', '=', stage.handoffFunction)
    .groupBy('u.id')
    .orderBy('open')
    .orderBy('u.id')
    .execute();
  if (candidates.length === 0 || candidates.some((c) => c.id === currentResponsible)) return null;
  return candidates[0]?.id ?? null;
}

export interface MoveOptions {
  stageId: string;
  overrideComment?: string;
  lostReason?: string;
}

/**
 * Moves a deal to another stage of its pipeline through the stage gate: refused with every missing
 * output named, unless a head of sales overrides with a comment that is kept in the history.
 */
export async function moveDeal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  options: MoveOptions,
): Promise<Deal> {
  return db.transaction().execute((trx) => moveDealIn(trx, actor, id, options));
}

export async function moveDealIn(trx: Trx, actor: Actor, id: string, options: MoveOptions): Promise<Deal> {
  const current = await findDeal(trx, actor, id, true);
  if (!current) throw notFound('Deal');
  const stages = (await pipelineStages(trx, actor.workspaceId, current.pipeline_id))?.stages ?? [];
  const target = stages.find((stage) => stage.id === options.stageId);
  if (!target) throw invalid('body.stageId', 'No such stage in this deal’s pipeline');
  if (target.id === current.stage_id) return toDeal(current);
  const productCount = (await listProducts(trx, actor.workspaceId, id)).length;
  const custom = (current.custom ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {
    amount: Number(current.amount) > 0 ? Number(current.amount) : null,
    expectedCloseDate: current.expected_close_date,
    companyId: current.company_id,
    contactId: current.contact_id,
    probability: current.probability,
    source: current.source,
    products: productCount > 0 ? productCount : null,
    lostReason: options.lostReason ?? null,
    ...Object.fromEntries(Object.entries(custom).map(([key, value]) => [`custom.${key}`, value])),
  };
  const gate = checkStageMove(stages, current.stage_id, target.id, values);
  const overriding = !gate.allowed;
  if (!gate.allowed) {
    const reasonMissing = gate.missing.some((item) => item.field === 'lostReason');
    if (reasonMissing || !options.overrideComment || !canOverrideGate(actor.role))
      throw new GateClosed(gate.missing);
  }
  const now = new Date();
  const handoff = await handoffTarget(trx, actor, target, current.responsible_id);
  // The deal first: its new stage joins visited_stages in this write, so the visit's insert below
  // finds it there and writes the deal no second time (migration 0024).
  await trx
    .updateTable('deals')
    .set({
      stage_id: target.id,
      stage_entered_at: now,
      probability: target.probability,
      closed_at: target.kind === 'open' ? null : now,
      lost_reason: target.kind === 'lost' ? (options.lostReason ?? null) : null,
      responsible_id: handoff ?? current.responsible_id,
      updated_at: now,
    })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('deal_stage_history')
    .set({ exited_at: now })
    .where('workspace_id', '=', actor.workspaceId)
    .where('deal_id', '=', id)
    .where('exited_at', 'is', null)
    .execute();
  await trx
    .insertInto('deal_stage_history')
    .values({
      workspace_id: actor.workspaceId,
      deal_id: id,
      pipeline_id: current.pipeline_id,
      stage_id: target.id,
      actor_id: actor.userId,
      exited_at: null,
      override_comment: overriding ? (options.overrideComment ?? null) : null,
    })
    .execute();
  if (target.kind === 'won')
    await onDealWon(trx, actor, { ...current, responsible_id: handoff ?? current.responsible_id });
  // After a hand-off the deal may belong to someone the mover cannot see; the mover still gets the result.
  const deal = await reload(trx, { ...actor, visibility: 'all' }, id);
  const changes = diffRecords(historyShape(toDeal(current)), historyShape(deal));
  if (overriding && !gate.allowed) {
    changes.push({
      field: 'gateOverride',
      oldValue: gate.missing.map((item) => item.label),
      newValue: options.overrideComment,
    });
  }
  await recordChange(trx, actor, { id, responsible_id: deal.responsibleId }, 'update', changes);
  return deal;
}

async function closingStage(db: Kysely<DB>, actor: Actor, id: string, kind: 'won' | 'lost'): Promise<string> {
  const deal = await findDeal(db, actor, id);
  if (!deal) throw notFound('Deal');
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('pipeline_id', '=', deal.pipeline_id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!stage) throw new AppError('conflict', `This pipeline has no ${kind} stage`);
  return stage.id;
}

export async function winDeal(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  overrideComment?: string,
): Promise<Deal> {
  return moveDeal(db, actor, id, { stageId: await closingStage(db, actor, id, 'won'), overrideComment });
}

export async function loseDeal(db: Kysely<DB>, actor: Actor, id: string, reason: string): Promise<Deal> {
  return moveDeal(db, actor, id, { stageId: await closingStage(db, actor, id, 'lost'), lostReason: reason });
}

export async function deleteDeal(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute((trx) => deleteDealIn(trx, actor, id));
}

export async function deleteDealIn(trx: Trx, actor: Actor, id: string): Promise<void> {
  const current = await findDeal(trx, actor, id, true);
  if (!current) throw notFound('Deal');
  await trx
    .updateTable('deals')
    .set({ deleted_at: new Date() })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .execute();
  await recordChange(trx, actor, current, 'delete', []);
}

export async function stageTimeline(db: Kysely<DB>, actor: Actor, id: string) {
  if (!(await findDeal(db, actor, id))) throw notFound('Deal');
  const rows = await db
    .selectFrom('deal_stage_history as h')
    .innerJoin('stages as s', 's.id', 'h.stage_id')
    .select(['h.stage_id', 's.name', 'h.entered_at', 'h.exited_at', 'h.actor_id', 'h.override_comment'])
    .where('h.workspace_id', '=', actor.workspaceId)
    .where('h.deal_id', '=', id)
    .orderBy('h.entered_at')
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    stageId: row.stage_id,
    stageName: row.name,
    enteredAt: row.entered_at.toISOString(),
    exitedAt: row.exited_at?.toISOString() ?? null,
    actorId: row.actor_id,
    overrideComment: row.override_comment,
  }));
}

export { listProducts };
