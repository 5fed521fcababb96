import type { Deal, Pipeline } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { sentTexts } from '../../../test/sent-texts';
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
let managerA: Client;
let managerB: Client;
let sales: Pipeline;
let companyId: string;
let contactId: string;

const stage = (name: string) => sales.stages.find((s) => s.name === name)!.id;
const countRows = async (table: 'record_history' | 'deal_stage_history') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'deals');
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  managerB = await signIn(t.app, team.users.managerB.email);
  sales = (await head.request('GET', '/api/pipelines')).json().items[0];
  const db = t.database.db;
  companyId = (
    await db
      .insertInto('companies')
      .values({
        workspace_id: team.workspaceId,
        name: 'ООО «Ромашка»',
        responsible_id: team.users.managerA.id,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  contactId = (
    await db
      .insertInto('contacts')
      .values({
        workspace_id: team.workspaceId,
        name: 'Иван Петров',
        position: null,
        company_id: companyId,
        responsible_id: team.users.managerA.id,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

async function newDeal(client: Client, body: Record<string, unknown> = {}): Promise<Deal> {
  const response = await client.request('POST', '/api/deals', { title: 'Поставка упаковки', ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('creating a deal', () => {
  it('starts in the first open stage of the first sales pipeline, owned by its creator, in RUB', async () => {
    const deal = await newDeal(managerA, { amount: 40_000 });
    expect(deal).toMatchObject({
      pipelineId: sales.id,
      stageId: stage('Квалификация'),
      responsibleId: team.users.managerA.id,
      amount: 40_000,
      currency: 'RUB',
      probability: 10,
      closedAt: null,
      noNextStep: true,
    });
    const visits = (await managerA.request('GET', `/api/deals/${deal.id}/stages`)).json().items;
    expect(visits).toMatchObject([{ stageName: 'Квалификация', exitedAt: null }]);
  });

  it('sums product lines into the amount, with VAT inside by default', async () => {
    const deal = await newDeal(managerA, {
      products: [
        { name: 'Коробка 40×30', price: 120.5, quantity: 200, discountPercent: 5 },
        { name: 'Доставка', price: 3000, quantity: 1, vatIncluded: false, vatRatePercent: 22 },
      ],
    });
    // 120.50 × 200 = 24 100, −5% = 22 895; delivery 3 000 + 22% VAT = 3 660; total 26 555
    expect(deal.amount).toBe(26_555);
    const lines = (await managerA.request('GET', `/api/deals/${deal.id}/products`)).json().items;
    expect(lines.map((line: { total: number }) => line.total)).toEqual([22_895, 3_660]);
    const refused = await managerA.request('PATCH', `/api/deals/${deal.id}`, { amount: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('body.amount');
  });

  it('answers with the deal exactly as it then reads, links, names and product total included', async () => {
    const answers = [
      await newDeal(managerA, {
        title: 'Полная сделка',
        amount: 12_500.5,
        currency: 'USD',
        probability: 35,
        expectedCloseDate: '2026-12-31',
        source: 'Выставка',
        companyId,
        contactId,
      }),
      await newDeal(managerA, { title: 'Пустая' }),
      await newDeal(managerA, {
        title: 'С товарами',
        products: [{ name: 'Коробка', price: 99.9, quantity: 3 }],
      }),
    ];
    expect(answers[0]).toMatchObject({ companyName: 'ООО «Ромашка»', contactName: 'Иван Петров' });
    for (const answer of answers) {
      const read = (await head.request('GET', `/api/deals/${answer.id}`)).json();
      expect(answer).toStrictEqual(read);
    }
  });

  it('refuses a stage of another pipeline, a closed stage, and a stranger as responsible, writing nothing', async () => {
    const pipelines = (await head.request('GET', '/api/pipelines')).json().items as Pipeline[];
    const stranger = await createTeam(t, 'deals-stranger');
    const deals = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('deals')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [await countRows('record_history'), await deals()];
    const otherStage = await managerA.request('POST', '/api/deals', {
      title: 'x',
      pipelineId: sales.id,
      stageId: pipelines[1]!.stages[0]!.id,
    });
    expect(otherStage.json().error.details[0].path).toBe('body.stageId');
    const won = await managerA.request('POST', '/api/deals', {
      title: 'x',
      stageId: stage('Сделка успешна'),
    });
    expect(won.json().error.details[0].path).toBe('body.stageId');
    const foreign = await managerA.request('POST', '/api/deals', {
      title: 'x',
      responsibleId: stranger.users.managerA.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.responsibleId');
    const noPipeline = await managerA.request('POST', '/api/deals', {
      title: 'x',
      pipelineId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noPipeline.statusCode).toBe(400);
    expect(noPipeline.json().error.details[0].path).toBe('body.pipelineId');
    expect([await countRows('record_history'), await deals()]).toEqual(before);
  });

  it('starts in the open stage it names, of another pipeline too, with that stage’s probability', async () => {
    const pipelines = (await head.request('GET', '/api/pipelines')).json().items as Pipeline[];
    const other = pipelines[1]!;
    const second = other.stages.filter((s) => s.kind === 'open')[1]!;
    const deal = await newDeal(managerA, { pipelineId: other.id, stageId: second.id });
    expect(deal).toMatchObject({ pipelineId: other.id, stageId: second.id, probability: second.probability });
    const chosen = await newDeal(managerA, { stageId: stage('Договор'), probability: 55 });
    expect(chosen).toMatchObject({ pipelineId: sales.id, stageId: stage('Договор'), probability: 55 });
  });

  it('is two round trips: the insert with its checks and the BEGIN, then the history with the COMMIT', async () => {
    // The first create of a shape on a connection prepares its statements; count a later one.
    const body = { companyId, contactId };
    await newDeal(managerA, body);
    const sent = await sentTexts(() => newDeal(managerA, body));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^begin; execute \w+\(/);
    expect(sent[1]).toMatch(/; commit; select pg_notify\(/);
  });
});

describe('the stage gate', () => {
  it('refuses to move on with every missing output named, and writes nothing', async () => {
    const deal = await newDeal(managerA);
    const [history, visits] = [await countRows('record_history'), await countRows('deal_stage_history')];
    const response = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Выявление потребностей'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'stage_gate',
      message:
        'The deal cannot move on until these are done: Компания (Квалификация), Контакт (Квалификация)',
      details: {
        missing: [
          { field: 'companyId', stageName: 'Квалификация' },
          { field: 'contactId', stageName: 'Квалификация' },
        ],
      },
    });
    expect((await managerA.request('GET', `/api/deals/${deal.id}`)).json().stageId).toBe(deal.stageId);
    expect([await countRows('record_history'), await countRows('deal_stage_history')]).toEqual([
      history,
      visits,
    ]);
  });

  it('lets the deal on once the fields are filled, and asks for the outputs of every skipped stage', async () => {
    const deal = await newDeal(managerA);
    await managerA.request('PATCH', `/api/deals/${deal.id}`, { companyId, contactId });
    const moved = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Выявление потребностей'),
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().probability).toBe(20);
    const skip = await managerA.request('POST', `/api/deals/${deal.id}/move`, { stageId: stage('Договор') });
    expect(skip.json().error.details.missing.map((m: { field: string }) => m.field)).toEqual([
      'amount',
      'expectedCloseDate',
    ]);
    await managerA.request('PATCH', `/api/deals/${deal.id}`, {
      amount: 40_000,
      expectedCloseDate: '2026-12-20',
    });
    const jumped = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Договор'),
    });
    expect(jumped.statusCode).toBe(200);
    expect(jumped.json()).toMatchObject({ expectedCloseDate: '2026-12-20', amount: 40_000 });
    const visits = (await managerA.request('GET', `/api/deals/${deal.id}/stages`)).json().items;
    expect(visits.map((v: { stageName: string }) => v.stageName)).toEqual([
      'Квалификация',
      'Выявление потребностей',
      'Договор',
    ]);
    expect(visits.slice(0, 2).every((v: { exitedAt: string | null }) => v.exitedAt !== null)).toBe(true);
  });

  it('a head of sales may pass a closed gate with a comment that lands in history; a manager may not', async () => {
    const deal = await newDeal(managerA);
    const byManager = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Презентация'),
      overrideComment: 'Срочно',
    });
    expect(byManager.statusCode).toBe(422);
    const byHead = await head.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Презентация'),
      overrideComment: 'Клиент известен, оформим позже',
    });
    expect(byHead.statusCode).toBe(200);
    const history = (await head.request('GET', `/api/history/deal/${deal.id}`)).json().items;
    expect(history.find((h: { field: string }) => h.field === 'gateOverride')).toMatchObject({
      actor: { id: team.users.head.id },
      newValue: 'Клиент известен, оформим позже',
      oldValue: ['Компания', 'Контакт', 'Сумма', 'Ожидаемая дата закрытия'],
    });
    const visits = (await head.request('GET', `/api/deals/${deal.id}/stages`)).json().items;
    expect(visits.at(-1).overrideComment).toBe('Клиент известен, оформим позже');
  });

  it('always lets a deal step back', async () => {
    const deal = await newDeal(managerA, { companyId, contactId });
    await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Выявление потребностей'),
    });
    const back = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Квалификация'),
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('hand-off by function', () => {
  it('entering "Выявление потребностей" hands the deal to the closer with the fewest open deals', async () => {
    const db = t.database.db;
    await db
      .updateTable('users')
      .set({ function: 'closer' })
      .where('id', 'in', [team.users.managerB.id, team.users.subManager.id])
      .execute();
    await newDeal(managerB, { title: 'Уже в работе у B' });
    const deal = await newDeal(managerA, { companyId, contactId });
    const moved = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Выявление потребностей'),
    });
    expect(moved.json().responsibleId).toBe(team.users.subManager.id);
    expect((await managerA.request('GET', `/api/deals/${deal.id}`)).statusCode).toBe(404);
    await db
      .updateTable('users')
      .set({ function: null })
      .where('id', 'in', [team.users.managerB.id, team.users.subManager.id])
      .execute();
  });
});

describe('closing', () => {
  it('winning needs every remaining output; losing needs a reason; a closed deal can be reopened', async () => {
    const deal = await newDeal(managerA, { companyId, contactId });
    const notYet = await managerA.request('POST', `/api/deals/${deal.id}/win`, {});
    expect(notYet.statusCode).toBe(422);
    await managerA.request('PATCH', `/api/deals/${deal.id}`, {
      amount: 40_000,
      expectedCloseDate: '2026-12-01',
    });
    const won = await managerA.request('POST', `/api/deals/${deal.id}/win`, {});
    expect(won.statusCode).toBe(200);
    expect(won.json()).toMatchObject({
      stageId: stage('Сделка успешна'),
      probability: 100,
      noNextStep: false,
    });
    expect(won.json().closedAt).not.toBeNull();

    const noReason = await managerA.request('POST', `/api/deals/${deal.id}/lose`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.reason');
    const lost = await managerA.request('POST', `/api/deals/${deal.id}/lose`, {
      reason: 'Выбрали конкурента',
    });
    expect(lost.json()).toMatchObject({
      stageId: stage('Сделка провалена'),
      lostReason: 'Выбрали конкурента',
    });
    const moveToLost = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Сделка провалена'),
    });
    expect(moveToLost.statusCode).toBe(200);

    const reopened = await managerA.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: stage('Договор'),
    });
    expect(reopened.json()).toMatchObject({ closedAt: null, lostReason: null });
  });
});

describe('next step warning', () => {
  it('is on while an open deal has no open task, and off once it has one', async () => {
    const deal = await newDeal(managerA);
    expect(deal.noNextStep).toBe(true);
    await t.database.db
      .insertInto('tasks')
      .values({
        workspace_id: team.workspaceId,
        title: 'Перезвонить',
        description: null,
        assignee_id: team.users.managerA.id,
        due_at: new Date(),
        remind_at: null,
        reminded_at: null,
        recurrence: null,
        done_at: null,
        entity: 'deal',
        record_id: deal.id,
        created_by: null,
      })
      .execute();
    expect((await managerA.request('GET', `/api/deals/${deal.id}`)).json().noNextStep).toBe(false);
    const flagged = (await managerA.request('GET', '/api/deals?noNextStep=true&limit=500'))
      .json()
      .items.map((d: Deal) => d.id);
    expect(flagged).not.toContain(deal.id);
  });
});

describe('lists, board and search', () => {
  it('a manager sees only own deals; the head sees the department', async () => {
    const mine = await newDeal(managerB, { title: 'Сделка менеджера B' });
    expect((await managerA.request('GET', `/api/deals/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await managerA.request('POST', `/api/deals/${mine.id}/move`, { stageId: stage('Квалификация') }))
        .statusCode,
    ).toBe(404);
    const ids = (await managerA.request('GET', '/api/deals?limit=500')).json().items.map((d: Deal) => d.id);
    expect(ids).not.toContain(mine.id);
    expect((await head.request('GET', `/api/deals/${mine.id}`)).statusCode).toBe(200);
  });

  it('pages through every deal exactly once, in order', async () => {
    for (let i = 0; i < 7; i++) await newDeal(managerA, { title: `Пагинация ${i}`, amount: 1000 * (i % 3) });
    const all = (await head.request('GET', '/api/deals?limit=500&sort=amount&order=asc')).json()
      .items as Deal[];
    const seen: Deal[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/deals?limit=4&sort=amount&order=asc${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await head.request('GET', query)).json() as { items: Deal[]; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(new Set(seen.map((d) => d.id)).size).toBe(seen.length);
    const amounts = seen.map((d) => d.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const bad = await head.request('GET', '/api/deals?cursor=garbage');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.cursor');
  });

  it('one shape of page asked by different people, with different values, answers each with their own', async () => {
    // A page's query is built once per shape and bound per request: values must never carry over.
    const stranger = await createTeam(t, 'deals-shape');
    const strangerOwner = await signIn(t.app, stranger.users.owner.email);
    const theirs = (await strangerOwner.request('GET', '/api/pipelines')).json().items[0] as Pipeline;
    const made = {
      a: [
        await newDeal(managerA, { title: 'Форма A1', amount: 70_001 }),
        await newDeal(managerA, { title: 'Форма A2', amount: 70_002 }),
      ],
      b: [await newDeal(managerB, { title: 'Форма B1', amount: 80_001 })],
      stranger: [await newDeal(strangerOwner, { title: 'Форма C1', amount: 90_001, pipelineId: theirs.id })],
    };
    const page = async (
      client: Client,
      pipelineId: string,
      responsibleId: string,
      min: number,
      cursor = '',
    ) => {
      const query = `pipelineId=${pipelineId}&responsibleId=${responsibleId}&minAmount=${min}&sort=amount&order=desc&limit=1`;
      const response = await client.request('GET', `/api/deals?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: Deal[]; nextCursor: string | null };
    };
    const firstA = await page(managerA, sales.id, team.users.managerA.id, 70_000);
    expect(firstA.items.map((d) => d.title)).toEqual(['Форма A2']);
    const secondA = await page(managerA, sales.id, team.users.managerA.id, 70_000, firstA.nextCursor ?? '');
    expect(secondA.items.map((d) => d.title)).toEqual(['Форма A1']);
    expect((await page(managerB, sales.id, team.users.managerB.id, 80_000)).items.map((d) => d.id)).toEqual([
      made.b[0]?.id,
    ]);
    // Manager B asking for A's deals sees none of them; the head sees them.
    expect((await page(managerB, sales.id, team.users.managerA.id, 70_000)).items).toEqual([]);
    expect((await page(head, sales.id, team.users.managerA.id, 70_002)).items.map((d) => d.title)).toEqual([
      'Форма A2',
    ]);
    const strangerPage = await page(strangerOwner, theirs.id, stranger.users.owner.id, 90_000);
    expect(strangerPage.items.map((d) => d.id)).toEqual([made.stranger[0]?.id]);
    expect((await page(strangerOwner, sales.id, team.users.managerA.id, 0)).items).toEqual([]);
    expect(made.a).toHaveLength(2);
  });

  it('a page lists each deal exactly as the deal reads on its own', async () => {
    // A page's JSON is written by PostgreSQL and a single deal's by toDeal: every field must agree,
    // including kopecks, a calendar date, a closed deal's reason and time, custom values and names.
    const plain = await newDeal(managerA, { title: 'Страница: простая' });
    const linked = await newDeal(managerA, {
      title: 'Страница: со связями',
      amount: 12345.67,
      companyId,
      contactId,
      expectedCloseDate: '2027-02-28',
    });
    await t.database.db
      .updateTable('deals')
      .set({
        custom: JSON.stringify({ budget: 500000, segment: 'A', tags: ['опт', 'юг'], nested: { ok: true } }),
        source: 'exhibition',
        lost_reason: 'Дорого',
        closed_at: new Date('2026-11-30T08:15:30.123Z'),
      })
      .where('id', '=', linked.id)
      .execute();
    const page = (await head.request('GET', '/api/deals?limit=500')).json().items as Deal[];
    const listed = page.filter((d) => d.id === plain.id || d.id === linked.id);
    expect(listed).toHaveLength(2);
    for (const deal of page) {
      const single = await head.request('GET', `/api/deals/${deal.id}`);
      expect(deal).toStrictEqual(single.json());
    }
    const shown = listed.find((d) => d.id === linked.id)!;
    expect(shown).toMatchObject({
      amount: 12345.67,
      expectedCloseDate: '2027-02-28',
      companyName: 'ООО «Ромашка»',
      contactName: 'Иван Петров',
      closedAt: '2026-11-30T08:15:30.123Z',
      lostReason: 'Дорого',
      custom: { budget: 500000, segment: 'A', tags: ['опт', 'юг'], nested: { ok: true } },
    });
    expect(shown.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('finds deals by words in any form and by prefix', async () => {
    const deal = await newDeal(managerA, { title: 'Поставка гофрокоробов для склада' });
    for (const q of ['поставки', 'гофрокороб', 'склад', 'поставка скл']) {
      const ids = (await managerA.request('GET', `/api/deals?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((d: Deal) => d.id);
      expect(ids, q).toContain(deal.id);
    }
    expect(
      (await managerA.request('GET', `/api/deals?q=${encodeURIComponent('ромашки')}`)).json().items,
    ).toEqual([]);
  });

  it('the board gives each stage its count and sum over visible deals', async () => {
    const board = (await head.request('GET', `/api/deals/board?pipelineId=${sales.id}&perStage=2`)).json();
    expect(board.columns.map((c: { stageId: string }) => c.stageId)).toEqual(sales.stages.map((s) => s.id));
    const all = (await head.request('GET', `/api/deals?limit=500&pipelineId=${sales.id}`)).json()
      .items as Deal[];
    for (const column of board.columns as { stageId: string; count: number; sum: number; deals: Deal[] }[]) {
      const inStage = all.filter((d) => d.stageId === column.stageId);
      expect(column.count).toBe(inStage.length);
      expect(column.sum).toBe(inStage.reduce((sum, d) => sum + d.amount, 0));
      expect(column.deals.length).toBe(Math.min(2, inStage.length));
      // A card carries the deal's own values for what the board shows, and nothing more.
      for (const card of column.deals) {
        const deal = all.find((d) => d.id === card.id)!;
        const { id, title, pipelineId, stageId, amount, currency, probability, expectedCloseDate } = deal;
        const { responsibleId, contactName, companyName, updatedAt, noNextStep } = deal;
        expect(card).toStrictEqual({
          ...{ id, title, pipelineId, stageId, amount, currency, probability, expectedCloseDate },
          ...{ responsibleId, contactName, companyName, updatedAt, noNextStep },
        });
      }
    }
    const managerBoard = (await managerB.request('GET', `/api/deals/board?pipelineId=${sales.id}`)).json();
    const managerCount = managerBoard.columns.reduce((n: number, c: { count: number }) => n + c.count, 0);
    const managerAll = (await managerB.request('GET', '/api/deals?limit=500'))
      .json()
      .items.filter((d: Deal) => d.pipelineId === sales.id);
    expect(managerCount).toBe(managerAll.length);
  });
});

describe('bad input and other workspaces', () => {
  it('answers 4xx naming the field, never 500', async () => {
    const deal = await newDeal(managerA);
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/deals', { title: '' }, 400, 'body.title'],
      ['POST', '/api/deals', { title: 'x', amount: -1 }, 400, 'body.amount'],
      ['POST', '/api/deals', { title: 'x', colour: 'red' }, 400, 'body.colour'],
      ['POST', '/api/deals', { title: 'x', expectedCloseDate: '31.12.2026' }, 400, 'body.expectedCloseDate'],
      [
        'POST',
        '/api/deals',
        { title: 'x', products: [{ name: 'a', price: 1, quantity: 0 }] },
        400,
        'body.products.0.quantity',
      ],
      [
        'POST',
        '/api/deals',
        {
          title: 'x',
          products: [{ name: 'a', price: 1, quantity: 1, productId: '00000000-0000-4000-8000-000000000000' }],
        },
        400,
        'body.products.0.productId',
      ],
      ['PATCH', '/api/deals/not-a-uuid', { title: 'x' }, 400, 'params.id'],
      ['POST', `/api/deals/${deal.id}/move`, { stageId: 'nope' }, 400, 'body.stageId'],
      [
        'POST',
        `/api/deals/${deal.id}/move`,
        { stageId: '00000000-0000-4000-8000-000000000000' },
        400,
        'body.stageId',
      ],
      ['GET', '/api/deals?sort=colour', undefined, 400, 'querystring.sort'],
    ];
    for (const [method, url, body, status, path] of cases) {
      const response = await managerA.request(method, url, body);
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(status);
      expect(response.json().error.details[0].path, `${method} ${url}`).toBe(path);
    }
  });

  it('links a deal only to a live company and contact of its own workspace, naming the one at fault', async () => {
    const stranger = await createTeam(t, 'deals-links');
    const strangerOwner = await signIn(t.app, stranger.users.owner.email);
    const created = async (client: Client, url: string) => {
      const response = await client.request('POST', url, { name: 'Чужая или удалённая' });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().id as string;
    };
    const theirCompany = await created(strangerOwner, '/api/companies');
    const gone = await created(managerA, '/api/contacts');
    expect((await managerA.request('DELETE', `/api/contacts/${gone}`)).statusCode).toBe(200);
    const before = await countRows('deal_stage_history');
    for (const [body, path] of [
      [{ companyId: theirCompany }, 'body.companyId'],
      [{ companyId: theirCompany, contactId }, 'body.companyId'],
      [{ companyId, contactId: gone }, 'body.contactId'],
      [{ contactId: '00000000-0000-4000-8000-000000000000' }, 'body.contactId'],
      // The responsible person is checked in the links' statement when there are links to check.
      [{ companyId, contactId, responsibleId: stranger.users.managerA.id }, 'body.responsibleId'],
    ] as const) {
      const response = await managerA.request('POST', '/api/deals', { title: 'Связи', ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details[0].path).toBe(path);
    }
    expect(await countRows('deal_stage_history')).toBe(before);
    const linked = await newDeal(managerA, { title: 'Связи', companyId, contactId });
    expect([linked.companyId, linked.contactId]).toEqual([companyId, contactId]);
    expect((await newDeal(managerA, { title: 'Только контакт', contactId })).companyId).toBeNull();
  });

  it('another workspace cannot see or touch a deal', async () => {
    const deal = await newDeal(managerA);
    const stranger = await createTeam(t, 'deals-other');
    const owner = await signIn(t.app, stranger.users.owner.email);
    for (const [method, url, body] of [
      ['GET', `/api/deals/${deal.id}`, undefined],
      ['PATCH', `/api/deals/${deal.id}`, { title: 'hacked' }],
      ['POST', `/api/deals/${deal.id}/move`, { stageId: stage('Договор') }],
      ['POST', `/api/deals/${deal.id}/lose`, { reason: 'x' }],
      ['DELETE', `/api/deals/${deal.id}`, undefined],
      ['GET', `/api/deals/${deal.id}/stages`, undefined],
      ['GET', `/api/history/deal/${deal.id}`, undefined],
    ] as const) {
      expect((await owner.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await managerA.request('GET', `/api/deals/${deal.id}`)).json().title).toBe('Поставка упаковки');
  });
});
