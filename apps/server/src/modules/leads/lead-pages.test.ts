import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

// A lead list page's JSON is written by PostgreSQL and a single lead's by toLead: every field must
// agree, from the UTM tags and custom values to a conversion time and the milliseconds of a timestamp.

let t: TestApp;
let team: Team;
let head: Client;
let managerA: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'lead-pages');
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
});

type Item = { id: string; [field: string]: unknown };

async function listed(client: Client, path: string): Promise<Item[]> {
  const response = await client.request('GET', path);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Item[];
}

describe('lead list pages', () => {
  it('list each lead exactly as it reads on its own, in every sort, a search and the recycle bin', async () => {
    const full = await managerA.request('POST', '/api/leads', {
      title: 'Страница: "полная" заявка \\ с сайта',
      contactName: 'Андрей Страничный',
      phone: '8 (912) 345-67-99',
      email: 'Andrey@Example.RU',
      source: 'website',
      channel: 'form',
      region: 'Пермский край',
      utm: { source: 'yandex', campaign: 'boxes' },
    });
    expect(full.statusCode, full.body).toBe(200);
    const sparse = await managerA.request('POST', '/api/leads', { title: 'Страница: пустая' });
    expect(sparse.statusCode, sparse.body).toBe(200);
    const fullId = full.json().id as string;
    const custom = { budget: 500000, share: 0.25, tags: ['опт'], nested: { ok: true } };
    await t.database.db
      .updateTable('leads')
      .set({
        custom: JSON.stringify(custom),
        status: 'refused',
        refusal_reason: 'Дорого',
        converted_at: new Date('2026-11-30T08:15:30.123Z'),
      })
      .where('id', '=', fullId)
      .execute();

    for (const path of [
      '/api/leads?limit=500',
      '/api/leads?limit=500&sort=title&order=asc',
      '/api/leads?limit=500&status=refused',
      `/api/leads?q=${encodeURIComponent('Страничный')}`,
    ]) {
      const page = await listed(head, path);
      expect(page.map((item) => item.id)).toContain(fullId);
      for (const item of page) {
        const single = await head.request('GET', `/api/leads/${item.id}`);
        expect(item).toStrictEqual(single.json());
      }
    }
    const [shown] = (await listed(head, '/api/leads?limit=500')).filter((item) => item.id === fullId);
    expect(shown).toMatchObject({
      phone: '+79123456799',
      email: 'andrey@example.ru',
      utm: { source: 'yandex', campaign: 'boxes' },
      refusalReason: 'Дорого',
      convertedAt: '2026-11-30T08:15:30.123Z',
      dealId: null,
      custom,
    });
    const sparseId = sparse.json().id as string;
    const before = (await listed(managerA, '/api/leads?limit=500')).find((item) => item.id === sparseId);
    expect(before).toMatchObject({ phone: null, utm: {}, custom: {}, convertedAt: null });
    expect((await managerA.request('DELETE', `/api/leads/${sparseId}`)).statusCode).toBe(200);
    const bin = await listed(managerA, '/api/leads?deleted=true&limit=500');
    expect(bin.find((item) => item.id === sparseId)).toMatchObject({
      ...before,
      updatedAt: expect.stringMatching(/Z$/),
    });
  });
});
