import type { Deal, DealBoard } from '@voronka/domain';
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
let managerA: Client;
let managerB: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'deal-names');
  managerA = await signIn(t.app, team.users.managerA.email);
  managerB = await signIn(t.app, team.users.managerB.email);
});

async function created<T>(client: Client, url: string, body: Record<string, unknown>): Promise<T> {
  const response = await client.request('POST', url, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('a deal carries the names of its company and contact', () => {
  it('in the list, on the board and by id; null when unlinked, hidden from the caller or deleted', async () => {
    const company = await created<{ id: string }>(managerA, '/api/companies', { name: 'ООО «Северснаб»' });
    const contact = await created<{ id: string }>(managerA, '/api/contacts', { name: 'Пётр Ильин' });
    const linked = await created<Deal>(managerA, '/api/deals', {
      title: 'Поставка станков',
      companyId: company.id,
      contactId: contact.id,
    });
    expect(linked).toMatchObject({ companyName: 'ООО «Северснаб»', contactName: 'Пётр Ильин' });
    const bare = await created<Deal>(managerA, '/api/deals', { title: 'Без клиента' });
    expect(bare).toMatchObject({ companyName: null, contactName: null });

    const byId = (await managerA.request('GET', `/api/deals/${linked.id}`)).json() as Deal;
    expect(byId).toMatchObject({ companyName: 'ООО «Северснаб»', contactName: 'Пётр Ильин' });
    const list = (await managerA.request('GET', `/api/deals?pipelineId=${linked.pipelineId}&limit=10`)).json()
      .items as Deal[];
    expect(list.find((deal) => deal.id === linked.id)).toMatchObject({
      companyName: 'ООО «Северснаб»',
      contactName: 'Пётр Ильин',
    });
    expect(list.find((deal) => deal.id === bare.id)).toMatchObject({ companyName: null, contactName: null });
    const board = (
      await managerA.request('GET', `/api/deals/board?pipelineId=${linked.pipelineId}`)
    ).json() as DealBoard;
    const onBoard = board.columns.flatMap((column) => column.deals).find((deal) => deal.id === linked.id);
    expect(onBoard).toMatchObject({ companyName: 'ООО «Северснаб»', contactName: 'Пётр Ильин' });

    // A deal of B's on A's company: B sees the deal ("own" visibility) but not A's company or contact.
    const shared = await created<Deal>(managerB, '/api/deals', {
      title: 'Чужой клиент',
      companyId: company.id,
      contactId: contact.id,
    });
    expect((await managerB.request('GET', `/api/deals/${shared.id}`)).json()).toMatchObject({
      companyId: company.id,
      companyName: null,
      contactName: null,
    });
    const bList = (await managerB.request('GET', '/api/deals?limit=10')).json().items as Deal[];
    expect(bList.find((deal) => deal.id === shared.id)).toMatchObject({
      companyName: null,
      contactName: null,
    });

    expect((await managerA.request('DELETE', `/api/companies/${company.id}`)).statusCode).toBe(200);
    expect((await managerA.request('GET', `/api/deals/${linked.id}`)).json()).toMatchObject({
      companyName: null,
      contactName: 'Пётр Ильин',
    });
  });

  it('keeps the names out of the deal’s history: only the ids are changes', async () => {
    const company = await created<{ id: string }>(managerA, '/api/companies', { name: 'АО «Вектор»' });
    const deal = await created<Deal>(managerA, '/api/deals', { title: 'Пусконаладка' });
    const updated = await managerA.request('PATCH', `/api/deals/${deal.id}`, { companyId: company.id });
    expect(updated.json()).toMatchObject({ companyId: company.id, companyName: 'АО «Вектор»' });
    const history = (await managerA.request('GET', `/api/history/deal/${deal.id}`)).json().items as {
      field: string | null;
    }[];
    const fields = history.map((item) => item.field);
    expect(fields).toContain('companyId');
    expect(fields).not.toContain('companyName');
    expect(fields).not.toContain('contactName');
  });
});
