import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

// A list page's JSON is written by PostgreSQL and a single record's by toCompany / toContact: every
// field must agree, from requisites and custom values to the milliseconds of a timestamp.

let t: TestApp;
let team: Team;
let owner: Client;
let head: Client;
let managerA: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'party-pages');
  owner = await signIn(t.app, team.users.owner.email);
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
});

type Item = { id: string; [field: string]: unknown };

async function created(client: Client, path: string, body: Record<string, unknown>): Promise<Item> {
  const response = await client.request('POST', `${path}?allowDuplicates=true`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Item;
}

async function listed(client: Client, path: string): Promise<Item[]> {
  const response = await client.request('GET', path);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Item[];
}

const custom = { budget: 500000, share: 0.25, segment: 'A', tags: ['опт', 'юг'], nested: { ok: true } };

describe('list pages of companies and contacts', () => {
  it('list each company exactly as it reads on its own', async () => {
    const full = await created(managerA, '/api/companies', {
      name: 'ООО «Страница» "кавычки" \\ и обратная черта',
      inn: '7707083893',
      kpp: '773601001',
      address: 'Москва, ул. Вавилова, 19',
      region: 'Москва',
      requisites: { bik: '044525225', account: '40702810900000000001' },
      phones: ['8 (916) 123-45-67', '+7 495 000 00 01'],
      emails: ['Sales@Example.RU'],
    });
    const sparse = await created(managerA, '/api/companies', { name: 'Без реквизитов' });
    await t.database.db
      .updateTable('companies')
      .set({ custom: JSON.stringify(custom) })
      .where('id', '=', full.id)
      .execute();

    for (const client of [managerA, head, owner]) {
      const page = await listed(client, '/api/companies?limit=500');
      expect(page.map((item) => item.id)).toEqual(expect.arrayContaining([full.id, sparse.id]));
      for (const item of page) {
        const single = await client.request('GET', `/api/companies/${item.id}`);
        expect(item).toStrictEqual(single.json());
      }
    }
    const [shown] = (await listed(managerA, '/api/companies?limit=500')).filter(
      (item) => item.id === full.id,
    );
    expect(shown).toMatchObject({
      name: 'ООО «Страница» "кавычки" \\ и обратная черта',
      requisites: { bik: '044525225', account: '40702810900000000001' },
      phones: ['+79161234567', '+74950000001'],
      emails: ['sales@example.ru'],
      custom,
    });
    expect(shown?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [bare] = (await listed(managerA, '/api/companies?limit=500')).filter(
      (item) => item.id === sparse.id,
    );
    expect(bare).toMatchObject({ inn: null, kpp: null, address: null, region: null, phones: [], emails: [] });
  });

  it('list each contact exactly as it reads on its own, in a search and in the recycle bin too', async () => {
    const company = await created(managerA, '/api/companies', { name: 'Место работы' });
    const full = await created(managerA, '/api/contacts', {
      name: 'Анна Страничная',
      position: 'Закупщик',
      companyId: company.id,
      phones: ['+7 916 765-43-21'],
      emails: ['anna@example.ru'],
    });
    const sparse = await created(managerA, '/api/contacts', { name: 'Без телефона' });
    await t.database.db
      .updateTable('contacts')
      .set({ custom: JSON.stringify(custom) })
      .where('id', '=', full.id)
      .execute();

    for (const path of [
      '/api/contacts?limit=500',
      '/api/contacts?q=Анна',
      `/api/contacts?companyId=${company.id}`,
    ]) {
      const page = await listed(head, path);
      expect(page.map((item) => item.id)).toContain(full.id);
      for (const item of page) {
        const single = await head.request('GET', `/api/contacts/${item.id}`);
        expect(item).toStrictEqual(single.json());
      }
    }
    const [shown] = (await listed(head, '/api/contacts?limit=500')).filter((item) => item.id === full.id);
    expect(shown).toMatchObject({
      companyId: company.id,
      position: 'Закупщик',
      phones: ['+79167654321'],
      custom,
    });

    const before = (await listed(managerA, '/api/contacts?limit=500')).find((item) => item.id === sparse.id);
    expect((await managerA.request('DELETE', `/api/contacts/${sparse.id}`)).statusCode).toBe(200);
    const bin = await listed(managerA, '/api/contacts?deleted=true&limit=500');
    expect(bin.find((item) => item.id === sparse.id)).toMatchObject({
      ...before,
      updatedAt: expect.stringMatching(/Z$/),
    });
  });
});
