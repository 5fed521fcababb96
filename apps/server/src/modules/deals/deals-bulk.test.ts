import type { Deal, Pipeline } from '@voronka/domain';
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
let head: Client;
let manager: Client;
let sales: Pipeline;

const countDeals = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('workspace_id', '=', team.workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'bulk');
  head = await signIn(t.app, team.users.head.email);
  manager = await signIn(t.app, team.users.managerA.email);
  sales = (await head.request('GET', '/api/pipelines')).json().items[0];
});

describe('batch create and update', () => {
  it('creates many deals in one call, all or none, naming the item at fault', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ title: `Импорт ${i}`, amount: 1000 + i }));
    const before = await countDeals();
    const bad = await manager.request('POST', '/api/deals/batch', {
      items: [...items, { title: 'x', responsibleId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.items.50.responsibleId');
    const badShape = await manager.request('POST', '/api/deals/batch', {
      items: [{ title: 'ok' }, { title: '' }],
    });
    expect(badShape.json().error.details[0].path).toBe('body.items.1.title');
    expect(await countDeals()).toBe(before);

    const created = await manager.request('POST', '/api/deals/batch', { items });
    expect(created.statusCode).toBe(200);
    expect(created.json().items.map((d: Deal) => d.title)).toEqual(items.map((item) => item.title));
    expect(await countDeals()).toBe(before + 50);
    const tooMany = await manager.request('POST', '/api/deals/batch', {
      items: Array.from({ length: 1001 }, () => ({ title: 'x' })),
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('puts each deal of a batch in its own pipeline and writes each one’s history', async () => {
    // The batch looks a pipeline's stages up once and shares them; these deals alternate between two.
    const pipelines = (await head.request('GET', '/api/pipelines')).json().items as Pipeline[];
    const other = pipelines.find((pipeline) => pipeline.id !== sales.id);
    if (!other) throw new Error('The team has one pipeline only');
    const firstOpen = (pipeline: Pipeline) => pipeline.stages.find((stage) => stage.kind === 'open')?.id;
    const items = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0 ? { title: `Смешанный ${i}` } : { title: `Смешанный ${i}`, pipelineId: other.id },
    );
    const missing = await head.request('POST', '/api/deals/batch', {
      items: [...items, { title: 'x', pipelineId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('body.items.6.pipelineId');
    const created = (await head.request('POST', '/api/deals/batch', { items })).json().items as Deal[];
    expect(created.map((deal) => [deal.pipelineId, deal.stageId])).toEqual(
      items.map((_, i) => (i % 2 === 0 ? [sales.id, firstOpen(sales)] : [other.id, firstOpen(other)])),
    );
    for (const deal of created) {
      const history = (await head.request('GET', `/api/history/deal/${deal.id}`)).json().items as {
        action: string;
        field: string | null;
        newValue: unknown;
      }[];
      expect(history.filter((entry) => entry.field === 'title')).toEqual([
        expect.objectContaining({ action: 'create', newValue: deal.title }),
      ]);
    }
    // A change and a deletion write theirs in the statement that announces them too.
    const [first] = created;
    if (!first) throw new Error('Nothing was created');
    expect(
      (await head.request('PATCH', `/api/deals/${first.id}`, { title: 'Переименован' })).statusCode,
    ).toBe(200);
    expect((await head.request('DELETE', `/api/deals/${first.id}`)).statusCode).toBe(200);
    const history = (await head.request('GET', `/api/history/deal/${first.id}`)).json().items as {
      action: string;
      field: string | null;
      oldValue: unknown;
      newValue: unknown;
    }[];
    expect(history.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'delete', field: null }),
      expect.objectContaining({
        action: 'update',
        field: 'title',
        oldValue: first.title,
        newValue: 'Переименован',
      }),
    ]);
  });

  it('updates many deals in one call, all or none', async () => {
    const deals = (
      await manager.request('POST', '/api/deals/batch', { items: [{ title: 'a' }, { title: 'b' }] })
    ).json().items as Deal[];
    const refused = await manager.request('PATCH', '/api/deals/batch', {
      items: [
        { id: deals[0]!.id, amount: 5 },
        { id: deals[1]!.id, currency: 'RU' },
      ],
    });
    expect(refused.json().error.details[0].path).toBe('body.items.1.currency');
    const missing = await manager.request('PATCH', '/api/deals/batch', {
      items: [
        { id: deals[0]!.id, amount: 5 },
        { id: '00000000-0000-4000-8000-000000000000', amount: 1 },
      ],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('body.items.1');
    expect((await manager.request('GET', `/api/deals/${deals[0]!.id}`)).json().amount).toBe(0);
    const ok = await manager.request('PATCH', '/api/deals/batch', {
      items: deals.map((deal) => ({ id: deal.id, amount: 777 })),
    });
    expect(ok.json().items.map((d: Deal) => d.amount)).toEqual([777, 777]);
  });
});

describe('bulk actions', () => {
  it('assigns many deals to another manager', async () => {
    const deals = (
      await head.request('POST', '/api/deals/batch', { items: [{ title: 'c' }, { title: 'd' }] })
    ).json().items as Deal[];
    const response = await head.request('POST', '/api/deals/bulk', {
      action: 'assign',
      ids: deals.map((d) => d.id),
      responsibleId: team.users.managerB.id,
    });
    expect(response.json()).toEqual({ updated: 2 });
    for (const deal of deals)
      expect((await head.request('GET', `/api/deals/${deal.id}`)).json().responsibleId).toBe(
        team.users.managerB.id,
      );
  });

  it('a move that one deal’s gate refuses moves none and names the refused one', async () => {
    const ready = (
      await head.request('POST', '/api/deals', {
        title: 'Готова',
        amount: 100,
        expectedCloseDate: '2026-12-31',
      })
    ).json() as Deal;
    const blocked = (await head.request('POST', '/api/deals', { title: 'Не готова' })).json() as Deal;
    const target = sales.stages[1]!.id;
    // Both start in Квалификация, which needs a company and a contact: make the first one ready.
    const db = t.database.db;
    const companyId = (
      await db
        .insertInto('companies')
        .values({ workspace_id: team.workspaceId, name: 'К', responsible_id: null, created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const contactId = (
      await db
        .insertInto('contacts')
        .values({
          workspace_id: team.workspaceId,
          name: 'К',
          position: null,
          company_id: null,
          responsible_id: null,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await head.request('PATCH', `/api/deals/${ready.id}`, { companyId, contactId });
    const refused = await head.request('POST', '/api/deals/bulk', {
      action: 'move',
      ids: [ready.id, blocked.id],
      stageId: target,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.refused).toEqual([
      {
        id: blocked.id,
        missing: [
          expect.objectContaining({ field: 'companyId' }),
          expect.objectContaining({ field: 'contactId' }),
        ],
      },
    ]);
    expect((await head.request('GET', `/api/deals/${ready.id}`)).json().stageId).toBe(sales.stages[0]!.id);
    const moved = await head.request('POST', '/api/deals/bulk', {
      action: 'move',
      ids: [ready.id],
      stageId: target,
    });
    expect(moved.json()).toEqual({ updated: 1 });
  });

  it('deletes into a recycle bin and restores from it', async () => {
    const deals = (
      await manager.request('POST', '/api/deals/batch', {
        items: [{ title: 'в корзину 1' }, { title: 'в корзину 2' }],
      })
    ).json().items as Deal[];
    const ids = deals.map((d) => d.id);
    expect((await manager.request('POST', '/api/deals/bulk', { action: 'delete', ids })).json()).toEqual({
      updated: 2,
    });
    expect((await manager.request('GET', `/api/deals/${ids[0]}`)).statusCode).toBe(404);
    const bin = (await manager.request('GET', '/api/deals?deleted=true&limit=500'))
      .json()
      .items.map((d: Deal) => d.id);
    expect(bin).toEqual(expect.arrayContaining(ids));
    expect((await manager.request('POST', `/api/deals/${ids[0]}/restore`)).json().title).toBe('в корзину 1');
    expect(
      (await manager.request('POST', '/api/deals/bulk', { action: 'restore', ids: [ids[1]] })).json(),
    ).toEqual({ updated: 1 });
    const history = (await manager.request('GET', `/api/history/deal/${ids[1]}`)).json().items;
    expect(history[0]).toMatchObject({ field: 'deleted', oldValue: true, newValue: false });
  });

  it('another manager’s deal is named as not found, and nothing changes', async () => {
    const mine = (await manager.request('POST', '/api/deals', { title: 'моя' })).json() as Deal;
    const theirs = (await signIn(t.app, team.users.managerB.email)).request;
    const other = (await theirs('POST', '/api/deals', { title: 'чужая' })).json() as Deal;
    const response = await manager.request('POST', '/api/deals/bulk', {
      action: 'delete',
      ids: [mine.id, other.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.ids.1');
    expect((await manager.request('GET', `/api/deals/${mine.id}`)).statusCode).toBe(200);
  });
});

describe('saved views', () => {
  it('personal views are private; shared ones are for everyone and made by heads and admins', async () => {
    const query = {
      filters: { noNextStep: 'true' },
      sort: 'amount',
      order: 'desc',
      columns: ['title', 'amount'],
    };
    const mine = await manager.request('POST', '/api/views', {
      entity: 'deal',
      name: 'Мои без задач',
      query,
    });
    expect(mine.json()).toMatchObject({
      name: 'Мои без задач',
      shared: false,
      ownerId: team.users.managerA.id,
      query,
    });
    expect(
      (await manager.request('POST', '/api/views', { entity: 'deal', name: 'Всем', shared: true, query }))
        .statusCode,
    ).toBe(403);
    const shared = await head.request('POST', '/api/views', {
      entity: 'deal',
      name: 'Крупные',
      shared: true,
      query,
    });
    expect(shared.json().shared).toBe(true);
    const seenByOther = (
      await (await signIn(t.app, team.users.managerB.email)).request('GET', '/api/views?entity=deal')
    )
      .json()
      .items.map((v: { name: string }) => v.name);
    expect(seenByOther).toEqual(['Крупные']);
    expect((await manager.request('DELETE', `/api/views/${shared.json().id}`)).statusCode).toBe(403);
    expect((await head.request('DELETE', `/api/views/${mine.json().id}`)).statusCode).toBe(404);
    expect((await manager.request('DELETE', `/api/views/${mine.json().id}`)).statusCode).toBe(200);
  });
});
