import { isValidInn } from '@voronka/domain';
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
let other: Team;
let owner: Client;
let head: Client;
let subHead: Client;
let managerA: Client;
let managerB: Client;
let subManager: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'companies');
  other = await createTeam(t, 'companies-other');
  owner = await signIn(t.app, team.users.owner.email);
  head = await signIn(t.app, team.users.head.email);
  subHead = await signIn(t.app, team.users.subHead.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  managerB = await signIn(t.app, team.users.managerB.email);
  subManager = await signIn(t.app, team.users.subManager.email);
});

let innSeed = 100_000_000;
/** A fresh, valid ten-digit INN: nine digits and the check digit by the tax service's weights. */
function newInn(): string {
  innSeed += 7919;
  const nine = String(innSeed);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0);
  return `${nine}${(sum % 11) % 10}`;
}

let phoneSeed = 9_160_000_000;
/** A fresh Russian mobile number, ten digits without the country code. */
function newPhone(): string {
  phoneSeed += 1;
  return String(phoneSeed);
}

async function count(table: 'companies' | 'record_history'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function create(client: Client, body: Record<string, unknown>) {
  const response = await client.request('POST', '/api/companies?allowDuplicates=true', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    id: string;
    name: string;
    phones: string[];
    responsibleId: string | null;
    region: string | null;
  };
}

async function search(client: Client, q: string): Promise<string[]> {
  const response = await client.request('GET', `/api/companies?q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

describe('phones, emails and INN', () => {
  it('stores phones written many ways as E.164 and finds the company by any spelling', async () => {
    const digits = newPhone(); // 916xxxxxxx
    const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
    const inn = newInn();
    const response = await owner.request('POST', '/api/companies', {
      name: 'ООО «Ромашка»',
      inn,
      kpp: '773601001',
      phones: [`8 (${digits.slice(0, 3)}) ${digits.slice(3)}`, `+7 ${spaced}`, `7-${spaced} доб. 12`],
      emails: ['  Info@Romashka.RU '],
    });
    expect(response.statusCode, response.body).toBe(200);
    const company = response.json();
    expect(company).toMatchObject({
      name: 'ООО «Ромашка»',
      inn,
      phones: [`+7${digits}`],
      emails: ['info@romashka.ru'],
      responsibleId: team.users.owner.id,
    });
    const stored = await t.database.db
      .selectFrom('companies')
      .select(['phones', 'emails'])
      .where('id', '=', company.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ phones: [`+7${digits}`], emails: ['info@romashka.ru'] });

    for (const q of [`8${digits}`, digits, `+7 (${digits.slice(0, 3)}) ${spaced.slice(4)}`, `+7${digits}`]) {
      expect(await search(owner, q), q).toEqual([company.id]);
    }
    expect(await search(owner, 'INFO@romashka.ru')).toEqual([company.id]);
    expect(await search(owner, inn)).toEqual([company.id]);
    expect(await search(owner, 'ооо «ром')).toEqual([company.id]);
    expect(await search(owner, 'ромашка')).toEqual([]); // a name prefix, not a substring
    expect(await search(owner, '100%_')).toEqual([]); // wildcards are taken literally
  });

  it('refuses an unreadable phone and names it, writing nothing', async () => {
    const before = await count('companies');
    const response = await owner.request('POST', '/api/companies', {
      name: 'Phone test',
      phones: ['+7 912 345 67 89', 'call me maybe'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.phones.1');
    expect(await count('companies')).toBe(before);
  });

  it('refuses an INN with a wrong check digit and writes nothing', async () => {
    const good = newInn();
    const bad = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
    expect(isValidInn(good)).toBe(true);
    expect(isValidInn(bad)).toBe(false);
    const target = await create(owner, { name: 'Good' });
    const [companies, history] = [await count('companies'), await count('record_history')];
    const response = await owner.request('POST', '/api/companies', { name: 'Bad INN', inn: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details[0].path).toBe('body.inn');
    const patch = await owner.request('PATCH', `/api/companies/${target.id}`, { inn: bad });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details[0].path).toBe('body.inn');
    expect(await count('companies')).toBe(companies);
    expect(await count('record_history')).toBe(history);
    expect(await search(owner, bad)).toEqual([]);
  });
});

describe('duplicates', () => {
  it('answers 409 with the companies sharing a phone, an email or the INN, and creates nothing', async () => {
    const phone = newPhone();
    const inn = newInn();
    const first = await create(owner, { name: 'Первая', phones: [phone], emails: ['sales@first.ru'], inn });
    const before = await count('companies');
    const cases = [
      { body: { name: 'By phone', phones: [`8 ${phone}`] }, matchedOn: 'phone', value: `+7${phone}` },
      { body: { name: 'By email', emails: ['SALES@first.ru'] }, matchedOn: 'email', value: 'sales@first.ru' },
      { body: { name: 'By INN', inn }, matchedOn: 'inn', value: inn },
    ];
    for (const { body, matchedOn, value } of cases) {
      const response = await managerA.request('POST', '/api/companies', body);
      // managerA cannot see the owner's company, so for managerA it is no duplicate.
      expect(response.statusCode, response.body).toBe(200);
      await owner.request('DELETE', `/api/companies/${response.json().id}`);
      const conflict = await owner.request('POST', '/api/companies', body);
      expect(conflict.statusCode, matchedOn).toBe(409);
      expect(conflict.json().error.code).toBe('conflict');
      expect(conflict.json().error.details.duplicates).toEqual([
        { entity: 'company', id: first.id, name: 'Первая', matchedOn, value },
      ]);
    }
    expect(await count('companies')).toBe(before + 3); // only managerA's three, since deleted

    const allowed = await owner.request('POST', '/api/companies?allowDuplicates=true', {
      name: 'Вторая',
      phones: [phone],
      inn,
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().phones).toEqual([`+7${phone}`]);

    const all = await owner.request('POST', '/api/companies', {
      name: 'Третья',
      phones: [phone],
      emails: ['sales@first.ru'],
      inn,
    });
    expect(all.statusCode).toBe(409);
    expect(all.json().error.details.duplicates).toEqual(
      expect.arrayContaining([
        { entity: 'company', id: first.id, name: 'Первая', matchedOn: 'inn', value: inn },
        { entity: 'company', id: first.id, name: 'Первая', matchedOn: 'phone', value: `+7${phone}` },
        { entity: 'company', id: first.id, name: 'Первая', matchedOn: 'email', value: 'sales@first.ru' },
        { entity: 'company', id: allowed.json().id, name: 'Вторая', matchedOn: 'phone', value: `+7${phone}` },
      ]),
    );
    expect(all.json().error.details.duplicates).toHaveLength(5);

    const groups = (await owner.request('GET', '/api/companies/duplicates')).json().items;
    expect(groups).toEqual(
      expect.arrayContaining([
        {
          key: { matchedOn: 'phone', value: `+7${phone}` },
          records: [
            { id: first.id, name: 'Первая' },
            { id: allowed.json().id, name: 'Вторая' },
          ],
        },
        {
          key: { matchedOn: 'inn', value: inn },
          records: [
            { id: first.id, name: 'Первая' },
            { id: allowed.json().id, name: 'Вторая' },
          ],
        },
      ]),
    );
    expect(groups.some((group: { key: { value: string } }) => group.key.value === 'sales@first.ru')).toBe(
      false,
    );
  });

  it('lists duplicate groups only among the companies the caller can see', async () => {
    const phone = newPhone();
    await create(managerA, { name: 'A’s copy', phones: [phone] });
    await create(managerB, { name: 'B’s copy', phones: [phone] });
    const key = (response: { json(): { items: { key: { value: string } }[] } }) =>
      response.json().items.filter((group) => group.key.value === `+7${phone}`);
    expect(key(await managerA.request('GET', '/api/companies/duplicates'))).toEqual([]);
    expect(key(await head.request('GET', '/api/companies/duplicates'))).toHaveLength(1);
    const stranger = await signIn(t.app, other.users.owner.email);
    expect(key(await stranger.request('GET', '/api/companies/duplicates'))).toEqual([]);
  });
});

describe('changes and history', () => {
  it('updates, records each changed field, and soft-deletes', async () => {
    const company = await create(managerA, { name: 'Before', phones: [newPhone()] });
    const phone = newPhone();
    const patch = await managerA.request('PATCH', `/api/companies/${company.id}`, {
      name: 'After',
      phones: [`8${phone}`, `+7${phone}`],
      requisites: { bank: 'Сбербанк' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json()).toMatchObject({
      name: 'After',
      phones: [`+7${phone}`],
      requisites: { bank: 'Сбербанк' },
    });
    const history = await t.database.db
      .selectFrom('record_history')
      .select(['action', 'field', 'old_value', 'new_value', 'actor_id'])
      .where('entity', '=', 'company')
      .where('record_id', '=', company.id)
      .orderBy('id')
      .execute();
    expect(history.filter((row) => row.action === 'create').map((row) => row.field)).toEqual(
      expect.arrayContaining(['name', 'phones', 'responsibleId']),
    );
    expect(history.filter((row) => row.action === 'update')).toEqual([
      {
        action: 'update',
        field: 'name',
        old_value: 'Before',
        new_value: 'After',
        actor_id: team.users.managerA.id,
      },
      expect.objectContaining({ field: 'requisites', old_value: {}, new_value: { bank: 'Сбербанк' } }),
      expect.objectContaining({ field: 'phones', new_value: [`+7${phone}`] }),
    ]);

    const unchanged = await managerA.request('PATCH', `/api/companies/${company.id}`, { name: 'After' });
    expect(unchanged.statusCode).toBe(200);
    const deleted = await managerA.request('DELETE', `/api/companies/${company.id}`);
    expect(deleted.json()).toEqual({ ok: true });
    expect((await managerA.request('GET', `/api/companies/${company.id}`)).statusCode).toBe(404);
    expect((await managerA.request('DELETE', `/api/companies/${company.id}`)).statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('companies')
      .select('deleted_at')
      .where('id', '=', company.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeInstanceOf(Date);
    const actions = await t.database.db
      .selectFrom('record_history')
      .select('action')
      .where('record_id', '=', company.id)
      .where('action', '!=', 'create')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['update', 'update', 'update', 'delete']);
  });

  it('keeps a region as typed, trimmed; a blank one is none; the change is in the history', async () => {
    const company = await create(managerA, { name: 'Регион', region: '  Свердловская область ' });
    expect(company.region).toBe('Свердловская область');
    const cleared = await managerA.request('PATCH', `/api/companies/${company.id}`, { region: ' ' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().region).toBeNull();
    const history = await t.database.db
      .selectFrom('record_history')
      .select(['old_value', 'new_value'])
      .where('record_id', '=', company.id)
      .where('field', '=', 'region')
      .where('action', '=', 'update')
      .execute();
    expect(history).toEqual([{ old_value: 'Свердловская область', new_value: null }]);
    const long = await managerA.request('PATCH', `/api/companies/${company.id}`, { region: 'я'.repeat(101) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe('body.region');
  });
});

describe('visibility', () => {
  it('shows a manager only own companies and a head the department’s, sub-departments included', async () => {
    const a = await create(managerA, { name: 'Vis A' });
    const b = await create(managerB, { name: 'Vis B' });
    const sub = await create(subManager, { name: 'Vis Sub' });
    const listed = async (client: Client) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await client.request(
          'GET',
          `/api/companies?q=Vis&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        ids.push(...response.json().items.map((item: { id: string }) => item.id));
        cursor = response.json().nextCursor;
      } while (cursor);
      return ids.sort();
    };
    expect(await listed(managerA)).toEqual([a.id]);
    expect(await listed(managerB)).toEqual([b.id]);
    expect(await listed(head)).toEqual([a.id, b.id, sub.id].sort());
    expect(await listed(subHead)).toEqual([sub.id]);
    expect(await listed(owner)).toEqual([a.id, b.id, sub.id].sort());

    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'Taken' }],
      ['DELETE', undefined],
    ] as const) {
      expect((await managerB.request(method, `/api/companies/${a.id}`, body)).statusCode).toBe(404);
      expect((await subHead.request(method, `/api/companies/${a.id}`, body)).statusCode).toBe(404);
    }
    expect((await head.request('GET', `/api/companies/${sub.id}`)).statusCode).toBe(200);
    expect((await managerA.request('GET', `/api/companies/${a.id}`)).json().name).toBe('Vis A');
  });

  it('answers 404 for another workspace’s company and changes nothing', async () => {
    const stranger = await signIn(t.app, other.users.owner.email);
    const theirs = await create(stranger, { name: 'Чужая', phones: [newPhone()] });
    const before = await t.database.db
      .selectFrom('companies')
      .selectAll()
      .where('id', '=', theirs.id)
      .execute();
    for (const [method, url, body] of [
      ['GET', `/api/companies/${theirs.id}`, undefined],
      ['PATCH', `/api/companies/${theirs.id}`, { name: 'Mine now' }],
      ['DELETE', `/api/companies/${theirs.id}`, undefined],
    ] as const) {
      expect((await owner.request(method, url, body)).statusCode).toBe(404);
    }
    expect(await search(owner, 'Чужая')).toEqual([]);
    expect(await search(owner, theirs.phones[0] ?? '')).toEqual([]);
    const responsible = await owner.request('POST', '/api/companies', {
      name: 'Given away',
      responsibleId: other.users.managerA.id,
    });
    expect(responsible.statusCode).toBe(400);
    expect(responsible.json().error.details[0].path).toBe('body.responsibleId');
    expect(
      await t.database.db.selectFrom('companies').selectAll().where('id', '=', theirs.id).execute(),
    ).toEqual(before);
  });
});

describe('bad input', () => {
  it('refuses it on every write route with the field path and writes nothing', async () => {
    const company = await create(owner, { name: 'Target' });
    const [companies, history] = [await count('companies'), await count('record_history')];
    // An unknown field is named as `body.<field>` or, by older error handling, as `body`.
    const cases: [string, string, unknown, string | string[]][] = [
      ['POST', '/api/companies', { name: 'X', bogus: 1 }, ['body', 'body.bogus']],
      ['POST', '/api/companies', { name: 42 }, 'body.name'],
      ['POST', '/api/companies', { name: '   ' }, 'body.name'],
      ['POST', '/api/companies', {}, 'body.name'],
      ['POST', '/api/companies', { name: 'X', phones: '+79123456789' }, 'body.phones'],
      ['POST', '/api/companies', { name: 'X', emails: ['not-an-email'] }, 'body.emails.0'],
      ['POST', '/api/companies', { name: 'X', kpp: '12' }, 'body.kpp'],
      ['POST', '/api/companies', { name: 'X', responsibleId: 'nope' }, 'body.responsibleId'],
      ['POST', '/api/companies', { name: 'X', requisites: { bank: 1 } }, 'body.requisites.bank'],
      ['POST', '/api/companies?allowDuplicates=yes', { name: 'X' }, 'querystring.allowDuplicates'],
      ['PATCH', `/api/companies/${company.id}`, { bogus: true }, ['body', 'body.bogus']],
      ['PATCH', `/api/companies/${company.id}`, { name: null }, 'body.name'],
      [
        'PATCH',
        `/api/companies/${company.id}`,
        { responsibleId: team.users.admin.id.slice(1) },
        'body.responsibleId',
      ],
      ['PATCH', '/api/companies/not-a-uuid', { name: 'X' }, 'params.id'],
      ['DELETE', '/api/companies/not-a-uuid', undefined, 'params.id'],
      ['POST', `/api/companies/${company.id}/merge`, { sourceId: 'nope' }, 'body.sourceId'],
      [
        'POST',
        `/api/companies/${company.id}/merge`,
        { sourceId: company.id, extra: 1 },
        ['body', 'body.extra'],
      ],
      ['POST', '/api/companies/not-a-uuid/merge', { sourceId: company.id }, 'params.id'],
    ];
    for (const [method, url, body, path] of cases) {
      const response = await owner.request(method, url, body);
      const label = `${method} ${url} ${JSON.stringify(body)}`;
      expect(response.statusCode, label).toBe(400);
      const paths: string[] =
        response.json().error.details?.map((issue: { path: string }) => issue.path) ?? [];
      expect(
        paths.some((named) => [path].flat().includes(named)),
        `${label} named ${paths}`,
      ).toBe(true);
    }
    for (const url of [
      '/api/companies?limit=0',
      '/api/companies?cursor=garbage',
      '/api/companies?unknown=1',
    ]) {
      expect((await owner.request('GET', url)).statusCode, url).toBe(400);
    }
    expect(await count('companies')).toBe(companies);
    expect(await count('record_history')).toBe(history);
    expect((await owner.request('GET', `/api/companies/${company.id}`)).json().name).toBe('Target');
  });
});

describe('cursor pagination', () => {
  it('returns every company exactly once across pages, ties on created_at included', async () => {
    const pager = await signIn(t.app, team.users.curator.email);
    // Rows sharing one creation time to the microsecond: only the id can order them.
    const same = new Date('2024-05-01T10:00:00.123Z');
    await t.database.db
      .insertInto('companies')
      .values(
        Array.from({ length: 6 }, (_, i) => ({
          workspace_id: team.workspaceId,
          name: `Tie ${i}`,
          responsible_id: team.users.curator.id,
          created_at: same,
          updated_at: same,
        })),
      )
      .execute();
    for (let i = 0; i < 9; i++) await create(pager, { name: `Page ${i}` });
    const expected = await t.database.db
      .selectFrom('companies')
      .select('id')
      .where('workspace_id', '=', team.workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await pager.request(
        'GET',
        `/api/companies?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(expected.map((row) => row.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });
});
