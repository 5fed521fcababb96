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
let manager: Client;
let other: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'search');
  manager = await signIn(t.app, team.users.managerA.email);
  other = await signIn(t.app, team.users.managerB.email);
  const db = t.database.db;
  const ws = team.workspaceId;
  const mine = team.users.managerA.id;
  ids.company = (
    await db
      .insertInto('companies')
      .values({
        workspace_id: ws,
        name: 'ООО «Северные Упаковки»',
        inn: '7707083893',
        phones: ['+74957001020'],
        emails: ['info@sever.ru'],
        responsible_id: mine,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.contact = (
    await db
      .insertInto('contacts')
      .values({
        workspace_id: ws,
        name: 'Наталья Ковалёва',
        position: 'Закупщик',
        company_id: ids.company,
        phones: ['+79261234567'],
        emails: ['n.kovaleva@sever.ru'],
        responsible_id: mine,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.lead = (
    await manager.request('POST', '/api/leads', {
      title: 'Запрос упаковки для склада',
      phone: '+7 903 111-22-33',
    })
  ).json().id;
  ids.deal = (await manager.request('POST', '/api/deals', { title: 'Поставка упаковки на год' })).json().id;
});

const find = async (client: Client, q: string) =>
  (await client.request('GET', `/api/search?q=${encodeURIComponent(q)}`)).json().items as {
    entity: string;
    id: string;
    matchedOn: string;
  }[];

describe('global search', () => {
  it('finds names by any word form and by prefix, across kinds', async () => {
    const hits = await find(manager, 'упаковка');
    expect(hits.map((hit) => hit.id)).toEqual(expect.arrayContaining([ids.company, ids.lead, ids.deal]));
    expect((await find(manager, 'Ковал')).map((hit) => hit.id)).toEqual([ids.contact]);
  });

  it('finds a phone however it is typed', async () => {
    for (const q of ['8 (926) 123-45-67', '+79261234567', '9261234567']) {
      expect(await find(manager, q), q).toEqual([
        expect.objectContaining({ entity: 'contact', id: ids.contact, matchedOn: 'phone' }),
      ]);
    }
    expect((await find(manager, '8 903 111 22 33')).map((hit) => hit.id)).toEqual([ids.lead]);
    expect((await find(manager, '+7 (495) 700-10-20')).map((hit) => hit.id)).toEqual([ids.company]);
  });

  it('finds by email and by INN', async () => {
    expect(await find(manager, 'N.Kovaleva@sever.ru')).toEqual([
      expect.objectContaining({ id: ids.contact, matchedOn: 'email' }),
    ]);
    expect((await find(manager, '7707083893'))[0]).toMatchObject({ id: ids.company, matchedOn: 'inn' });
  });

  it('finds only what the caller may see', async () => {
    expect(await find(other, 'упаковка')).toEqual([]);
    expect(await find(other, '+79261234567')).toEqual([]);
    const stranger = await createTeam(t, 'search-other');
    expect(await find(await signIn(t.app, stranger.users.owner.email), 'упаковка')).toEqual([]);
  });

  it('needs some text', async () => {
    const response = await manager.request('GET', '/api/search?q=');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('querystring.q');
  });
});
