import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import type { Actor } from '../access/actor';
import { search } from './search.service';

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

  it('gives the newest matches first, also when they lie beyond the recently touched window', async () => {
    const db = t.database.db;
    const mine = team.users.managerA.id;
    const stamp = (days: number) => new Date(Date.UTC(2026, 0, 1 + days));
    // Twelve deals a day apart; only every third is a «Ремонт». The newest deal is a «Монтаж», so
    // a window of four recent deals holds one or two matches and the rest come from older rows.
    const titles = Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0 ? `Ремонт насосов ${i}` : `Монтаж ${i}`,
    );
    const rows = await db
      .insertInto('deals')
      .values(
        titles.map((title, i) => ({
          workspace_id: team.workspaceId,
          title,
          pipeline_id: sql`(select id from pipelines where workspace_id = ${team.workspaceId} order by position limit 1)`,
          stage_id: sql`(select s.id from stages s join pipelines p on p.id = s.pipeline_id where p.workspace_id = ${team.workspaceId} order by p.position, s.position limit 1)`,
          responsible_id: mine,
          created_at: stamp(i),
          updated_at: stamp(i),
        })),
      )
      .returning(['id', 'title'])
      .execute();
    const newestFirst = rows
      .filter((row) => row.title.startsWith('Ремонт'))
      .reverse()
      .map((row) => row.id);
    const actor: Actor = {
      userId: mine,
      workspaceId: team.workspaceId,
      name: 'A',
      role: 'manager',
      function: null,
      departmentId: team.departmentId,
      visibility: 'own',
      via: 'session',
      sessionId: null,
      scopes: ['read', 'write'],
    };
    for (const window of [1, 4, 2000]) {
      for (const visibility of ['own', 'all'] as const) {
        const found = await search(db, { ...actor, visibility }, 'ремонт нас', 3, window);
        expect(found.map((hit) => hit.id)).toEqual(newestFirst.slice(0, 3));
      }
    }
    const all = await search(db, actor, 'ремонт', 10, 4);
    expect(all.map((hit) => hit.id)).toEqual(newestFirst);
  });

  it('needs some text', async () => {
    const response = await manager.request('GET', '/api/search?q=');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('querystring.q');
  });
});
