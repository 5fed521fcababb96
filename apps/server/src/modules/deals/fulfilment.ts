import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { publish } from '../events/event-bus';
import { toStage } from '../pipelines/pipelines.queries';
import { insertTask } from '../tasks/tasks.service';
import { handoffTarget, insertDeal } from './deals.service';

type Trx = Kysely<DB>;

/** Days after delivery when the client is asked for a review (seed 004). */
export const reviewAfterDays = 15;

interface WonDeal {
  id: string;
  title: string;
  pipeline_id: string;
  amount: string;
  currency: string;
  responsible_id: string | null;
  company_id: string | null;
  contact_id: string | null;
  source_deal_id: string | null;
}

/**
 * What winning a deal sets in motion. A won (that is, paid: payment is the stage before) sales deal
 * opens its fulfilment deal in the workspace's fulfilment pipeline, handed to a farmer; a completed
 * fulfilment deal schedules the task to collect the client's review 15 days later.
 */
export async function onDealWon(trx: Trx, actor: Actor, deal: WonDeal): Promise<void> {
  const pipeline = await trx
    .selectFrom('pipelines')
    .select('kind')
    .where('id', '=', deal.pipeline_id)
    .executeTakeFirstOrThrow();
  if (pipeline.kind === 'sales') await openFulfilment(trx, actor, deal);
  else if (deal.source_deal_id) await scheduleReview(trx, actor, deal, deal.source_deal_id);
}

async function openFulfilment(trx: Trx, actor: Actor, deal: WonDeal): Promise<void> {
  const existing = await trx
    .selectFrom('deals')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('source_deal_id', '=', deal.id)
    .executeTakeFirst();
  if (existing) return; // won again after a reopening: fulfilment already exists
  const fulfilment = await trx
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('kind', '=', 'fulfilment')
    .orderBy('position')
    .executeTakeFirst();
  if (!fulfilment) return;
  const firstStage = await trx
    .selectFrom('stages')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('pipeline_id', '=', fulfilment.id)
    .where('kind', '=', 'open')
    .orderBy('position')
    .executeTakeFirst();
  if (!firstStage) return;
  const responsibleId = (await handoffTarget(trx, actor, toStage(firstStage), null)) ?? deal.responsible_id;
  // The system acts here, not the person who won the deal: they need not see fulfilment.
  const system: Actor = { ...actor, visibility: 'all' };
  const created = await insertDeal(
    trx,
    system,
    {
      title: deal.title,
      pipelineId: fulfilment.id,
      stageId: firstStage.id,
      amount: Number(deal.amount),
      currency: deal.currency,
      probability: null,
      expectedCloseDate: null,
      responsibleId,
      contactId: deal.contact_id,
      companyId: deal.company_id,
      source: null,
      custom: {},
    },
    { sourceDealId: deal.id },
  );
  if (responsibleId && responsibleId !== actor.userId) {
    await publish(trx, {
      workspaceId: actor.workspaceId,
      userIds: [responsibleId],
      event: {
        type: 'notification',
        title: `Новый заказ в производстве: ${deal.title}`,
        link: `/deals/${created.id}`,
      },
    });
  }
}

async function scheduleReview(trx: Trx, actor: Actor, deal: WonDeal, salesDealId: string): Promise<void> {
  const due = new Date(Date.now() + reviewAfterDays * 24 * 3600 * 1000);
  await insertTask(
    trx,
    { ...actor, visibility: 'all' },
    {
      title: `Собрать отзыв клиента: ${deal.title}`,
      description:
        'Позвоните клиенту и узнайте, всё ли устроило. Отрицательный отзыв отметьте на карточке клиента.',
      assigneeId: deal.responsible_id ?? actor.userId,
      dueAt: due.toISOString(),
      remindAt: due.toISOString(),
      priority: 'normal',
      recurrence: null,
      entity: 'deal',
      recordId: salesDealId,
    },
  );
}
