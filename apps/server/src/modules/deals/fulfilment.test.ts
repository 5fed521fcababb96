import type { Deal, Pipeline, Task } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

let t: TestApp;
let team: Team;
let closer: Client;
let farmer: Client;
let head: Client;
let sales: Pipeline;
let production: Pipeline;
let companyId: string;
let contactId: string;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'fulfilment');
  const db = t.database.db;
  await db
    .updateTable('users')
    .set({ function: 'closer' })
    .where('id', '=', team.users.managerA.id)
    .execute();
  await db
    .updateTable('users')
    .set({ function: 'farmer' })
    .where('id', '=', team.users.managerB.id)
    .execute();
  closer = await signIn(t.app, team.users.managerA.email);
  farmer = await signIn(t.app, team.users.managerB.email);
  head = await signIn(t.app, team.users.head.email);
  [sales, production] = (await head.request('GET', '/api/pipelines')).json().items as Pipeline[] as [
    Pipeline,
    Pipeline,
  ];
  companyId = (
    await closer.request('POST', '/api/companies?allowDuplicates=true', { name: 'ООО «Клиент»' })
  ).json().id;
  contactId = (
    await closer.request('POST', '/api/contacts?allowDuplicates=true', { name: 'Клиент', companyId })
  ).json().id;
});

async function wonDeal(): Promise<Deal> {
  const deal = (
    await closer.request('POST', '/api/deals', {
      title: 'Поставка стеллажей',
      amount: 40_000,
      expectedCloseDate: '2026-12-20',
      companyId,
      contactId,
    })
  ).json() as Deal;
  const won = await closer.request('POST', `/api/deals/${deal.id}/win`, {});
  expect(won.statusCode, won.body).toBe(200);
  return won.json();
}

describe('won and paid: hand-off to fulfilment', () => {
  it('opens a fulfilment deal for the farmer, linked back to the sales deal, once', async () => {
    const deal = await wonDeal();
    const orders = (await head.request('GET', `/api/deals?pipelineId=${production.id}&limit=500`)).json()
      .items as Deal[];
    const order = orders.find((candidate) => candidate.sourceDealId === deal.id);
    expect(order).toMatchObject({
      title: 'Поставка стеллажей',
      amount: 40_000,
      stageId: production.stages[0]!.id,
      responsibleId: team.users.managerB.id,
      companyId,
      contactId,
    });
    expect((await farmer.request('GET', `/api/deals/${order!.id}`)).statusCode).toBe(200);

    // Reopened and won again: still one fulfilment deal.
    await closer.request('POST', `/api/deals/${deal.id}/move`, { stageId: sales.stages[7]!.id });
    await closer.request('POST', `/api/deals/${deal.id}/win`, {});
    const again = (await head.request('GET', `/api/deals?pipelineId=${production.id}&limit=500`))
      .json()
      .items.filter((d: Deal) => d.sourceDealId === deal.id);
    expect(again).toHaveLength(1);
  });

  it('delivery schedules the review task 15 days later on the sales deal', async () => {
    const deal = await wonDeal();
    const order = (await head.request('GET', `/api/deals?pipelineId=${production.id}&limit=500`))
      .json()
      .items.find((d: Deal) => d.sourceDealId === deal.id) as Deal;
    const delivered = await farmer.request('POST', `/api/deals/${order.id}/win`, {});
    expect(delivered.statusCode, delivered.body).toBe(200);
    const tasks = (await farmer.request('GET', `/api/tasks?entity=deal&recordId=${deal.id}`)).json()
      .items as Task[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      title: 'Собрать отзыв клиента: Поставка стеллажей',
      assigneeId: team.users.managerB.id,
      status: 'open',
    });
    const days = (Date.parse(tasks[0]!.dueAt!) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(14.9);
    expect(days).toBeLessThan(15.1);
  });

  it('a negative review on a deal flags the client’s card', async () => {
    const deal = await wonDeal();
    expect((await closer.request('GET', `/api/reviews/company/${companyId}`)).json().hasNegative).toBe(false);
    const bad = await closer.request('POST', '/api/activities', {
      kind: 'review',
      entity: 'deal',
      recordId: deal.id,
      result: 'плохо',
    });
    expect(bad.json().error.details[0].path).toBe('body.result');
    await closer.request('POST', '/api/activities', {
      kind: 'review',
      entity: 'deal',
      recordId: deal.id,
      result: 'negative',
      body: 'Сорвали сроки доставки',
    });
    const reviews = (await closer.request('GET', `/api/reviews/company/${companyId}`)).json();
    expect(reviews.hasNegative).toBe(true);
    expect(reviews.items[0]).toMatchObject({ result: 'negative', body: 'Сорвали сроки доставки' });
    expect((await closer.request('GET', `/api/reviews/contact/${contactId}`)).json().hasNegative).toBe(true);
  });

  it('a client’s reviews are those on the client and on its deals, newest first', async () => {
    const deal = await wonDeal();
    const review = (entity: string, recordId: string, body: string, occurredAt: string) =>
      closer.request('POST', '/api/activities', {
        kind: 'review',
        entity,
        recordId,
        result: 'positive',
        body,
        occurredAt,
      });
    expect((await review('company', companyId, 'Всё понравилось', '2026-01-10T09:00:00Z')).statusCode).toBe(
      200,
    );
    expect((await review('deal', deal.id, 'Привезли вовремя', '2026-01-12T09:00:00Z')).statusCode).toBe(200);
    const bodies = (await closer.request('GET', `/api/reviews/company/${companyId}`))
      .json()
      .items.map((item: { body: string }) => item.body);
    expect(bodies.indexOf('Привезли вовремя')).toBeGreaterThanOrEqual(0);
    expect(bodies.indexOf('Всё понравилось')).toBeGreaterThan(bodies.indexOf('Привезли вовремя'));
    const onDeal = (await closer.request('GET', `/api/reviews/deal/${deal.id}`)).json();
    expect(onDeal.items.map((item: { body: string }) => item.body)).toEqual(['Привезли вовремя']);
  });
});
