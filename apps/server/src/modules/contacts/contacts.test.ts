import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { addMember } from '../workspaces/workspaces.service';

let t: TestApp;
let team: Team;
let other: Team;
let owner: Client;
let head: Client;
let managerA: Client;
let managerB: Client;
let subManager: Client;
let stranger: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'contacts');
  other = await createTeam(t, 'contacts-other');
  owner = await signIn(t.app, team.users.owner.email);
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  managerB = await signIn(t.app, team.users.managerB.email);
  subManager = await signIn(t.app, team.users.subManager.email);
  stranger = await signIn(t.app, other.users.owner.email);
});

let phoneSeed = 9_050_000_000;
/** A fresh Russian mobile number, ten digits without the country code. */
function newPhone(): string {
  phoneSeed += 1;
  return String(phoneSeed);
}

async function count(table: 'contacts' | 'record_history'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function create(client: Client, url: string, body: Record<string, unknown>) {
  const response = await client.request('POST', url, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; name: string; phones: string[]; companyId: string | null };
}
const createContact = (client: Client, body: Record<string, unknown>) =>
  create(client, '/api/contacts?allowDuplicates=true', body);
const createCompany = (client: Client, body: Record<string, unknown>) =>
  create(client, '/api/companies?allowDuplicates=true', body);

async function search(client: Client, query: string): Promise<string[]> {
  const response = await client.request('GET', `/api/contacts?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { id: string }) => item.id);
}

describe('contacts', () => {
  it('stores phones as E.164, emails in lower case, and finds the contact by any spelling', async () => {
    const digits = newPhone();
    const company = await createCompany(managerA, { name: 'Альфа' });
    const response = await managerA.request('POST', '/api/contacts', {
      name: 'Иван Петров',
      position: 'Директор',
      companyId: company.id,
      phones: [`8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`],
      emails: ['Ivan@Alfa.RU'],
    });
    expect(response.statusCode, response.body).toBe(200);
    const contact = response.json();
    expect(contact).toMatchObject({
      name: 'Иван Петров',
      position: 'Директор',
      companyId: company.id,
      phones: [`+7${digits}`],
      emails: ['ivan@alfa.ru'],
      responsibleId: team.users.managerA.id,
    });
    for (const q of [digits, `+7 ${digits}`, `8-${digits}`, 'IVAN@alfa.ru', 'иван', 'ИВАН П']) {
      expect(await search(managerA, `q=${encodeURIComponent(q)}`), q).toEqual([contact.id]);
    }
    expect(await search(managerA, `companyId=${company.id}`)).toEqual([contact.id]);
    expect(await search(managerA, `q=Петров`)).toEqual([]);
    const history = await t.database.db
      .selectFrom('record_history')
      .select(['action', 'field'])
      .where('entity', '=', 'contact')
      .where('record_id', '=', contact.id)
      .execute();
    expect(history.map((row) => row.field)).toEqual(
      expect.arrayContaining(['name', 'position', 'companyId', 'phones', 'emails', 'responsibleId']),
    );
  });

  it('links only to a company the caller can see in the workspace, else 400 on body.companyId', async () => {
    const mine = await createCompany(managerA, { name: 'Своя' });
    const colleagues = await createCompany(managerB, { name: 'Коллеги' });
    const theirs = await createCompany(stranger, { name: 'Чужая' });
    const contact = await createContact(managerA, { name: 'Link test', companyId: mine.id });
    const deleted = await createCompany(managerA, { name: 'Удалённая' });
    await managerA.request('DELETE', `/api/companies/${deleted.id}`);
    const before = [await count('contacts'), await count('record_history')];
    for (const companyId of [colleagues.id, theirs.id, '00000000-0000-4000-8000-000000000000']) {
      const created = await managerA.request('POST', '/api/contacts', { name: 'Linked', companyId });
      expect(created.statusCode).toBe(400);
      expect(created.json().error.details).toEqual([expect.objectContaining({ path: 'body.companyId' })]);
      const changed = await managerA.request('PATCH', `/api/contacts/${contact.id}`, { companyId });
      expect(changed.statusCode).toBe(400);
      expect(changed.json().error.details).toEqual([expect.objectContaining({ path: 'body.companyId' })]);
    }
    const toDeleted = await managerA.request('POST', '/api/contacts', {
      name: 'Linked',
      companyId: deleted.id,
    });
    expect(toDeleted.json().error.details[0].path).toBe('body.companyId');
    expect([await count('contacts'), await count('record_history')]).toEqual(before);
    expect((await managerA.request('GET', `/api/contacts/${contact.id}`)).json().companyId).toBe(mine.id);
    // The head sees the colleague's company, so the head may link to it.
    const linked = await head.request('PATCH', `/api/contacts/${contact.id}`, { companyId: colleagues.id });
    expect(linked.json().companyId).toBe(colleagues.id);
  });

  it('takes as responsible only an active user of the workspace, else 400 on body.responsibleId', async () => {
    const gone = await addMember(t.database.db, team.workspaceId, {
      email: `gone.${Date.now()}@test.voronka.dev`,
      password: 'correct horse battery',
      name: 'Уволенный',
      role: 'manager',
      departmentId: team.departmentId,
    });
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', gone.id).execute();
    const contact = await createContact(owner, { name: 'Responsible test' });
    const before = [await count('contacts'), await count('record_history')];
    for (const responsibleId of [gone.id, other.users.managerA.id]) {
      const created = await owner.request('POST', '/api/contacts', { name: 'R', responsibleId });
      expect(created.statusCode).toBe(400);
      expect(created.json().error.details).toEqual([expect.objectContaining({ path: 'body.responsibleId' })]);
      const changed = await owner.request('PATCH', `/api/contacts/${contact.id}`, { responsibleId });
      expect(changed.json().error.details).toEqual([expect.objectContaining({ path: 'body.responsibleId' })]);
    }
    expect([await count('contacts'), await count('record_history')]).toEqual(before);
    const handed = await owner.request('PATCH', `/api/contacts/${contact.id}`, {
      responsibleId: team.users.managerB.id,
    });
    expect(handed.json().responsibleId).toBe(team.users.managerB.id);
    expect((await managerB.request('GET', `/api/contacts/${contact.id}`)).statusCode).toBe(200);
  });
});

describe('duplicates', () => {
  it('answers 409 with the contacts and leads sharing a phone or an email; allowDuplicates creates', async () => {
    const phone = newPhone();
    const first = await createContact(owner, {
      name: 'Мария',
      phones: [phone],
      emails: ['maria@example.ru'],
    });
    const lead = await owner.request('POST', '/api/leads', {
      title: 'Заявка с сайта',
      phone: `+7${phone}`,
      email: 'lead@example.ru',
    });
    expect(lead.statusCode).toBe(200);
    const before = await count('contacts');

    const byPhone = await owner.request('POST', '/api/contacts', {
      name: 'Мария К.',
      phones: [`8 ${phone}`],
    });
    expect(byPhone.statusCode).toBe(409);
    expect(byPhone.json().error.details.duplicates).toEqual([
      { entity: 'contact', id: first.id, name: 'Мария', matchedOn: 'phone', value: `+7${phone}` },
      { entity: 'lead', id: lead.json().id, name: 'Заявка с сайта', matchedOn: 'phone', value: `+7${phone}` },
    ]);
    const byEmail = await owner.request('POST', '/api/contacts', { name: 'М', emails: ['MARIA@example.ru'] });
    expect(byEmail.json().error.details.duplicates).toEqual([
      { entity: 'contact', id: first.id, name: 'Мария', matchedOn: 'email', value: 'maria@example.ru' },
    ]);
    const byLeadEmail = await owner.request('POST', '/api/contacts', {
      name: 'Л',
      emails: ['lead@example.ru'],
    });
    expect(byLeadEmail.json().error.details.duplicates).toEqual([
      {
        entity: 'lead',
        id: lead.json().id,
        name: 'Заявка с сайта',
        matchedOn: 'email',
        value: 'lead@example.ru',
      },
    ]);
    expect(await count('contacts')).toBe(before);

    const allowed = await owner.request('POST', '/api/contacts?allowDuplicates=true', {
      name: 'Мария К.',
      phones: [`8 ${phone}`],
    });
    expect(allowed.statusCode).toBe(200);
    expect(await count('contacts')).toBe(before + 1);

    const groups = (await owner.request('GET', '/api/contacts/duplicates')).json().items;
    expect(groups).toContainEqual({
      key: { matchedOn: 'phone', value: `+7${phone}` },
      records: [
        { id: first.id, name: 'Мария' },
        { id: allowed.json().id, name: 'Мария К.' },
      ],
    });
    // A manager who sees neither is neither warned nor shown the group.
    const manager = await managerA.request('POST', '/api/contacts', { name: 'Своя Мария', phones: [phone] });
    expect(manager.statusCode).toBe(200);
    const managerGroups = (await managerA.request('GET', '/api/contacts/duplicates')).json().items;
    expect(managerGroups).toEqual([]);
  });
});

describe('visibility', () => {
  it('shows a manager only own contacts and a head the department’s; other workspaces get 404', async () => {
    const a = await createContact(managerA, { name: 'Vis A' });
    const b = await createContact(managerB, { name: 'Vis B' });
    const sub = await createContact(subManager, { name: 'Vis Sub' });
    const theirs = await createContact(stranger, { name: 'Vis Stranger' });
    expect(await search(managerA, 'q=vis')).toEqual([a.id]);
    expect((await search(head, 'q=vis')).sort()).toEqual([a.id, b.id, sub.id].sort());
    expect((await search(owner, 'q=vis')).sort()).toEqual([a.id, b.id, sub.id].sort());
    const theirRow = await t.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', theirs.id)
      .execute();
    for (const [client, id] of [
      [managerB, a.id],
      [owner, theirs.id],
    ] as const) {
      expect((await client.request('GET', `/api/contacts/${id}`)).statusCode).toBe(404);
      expect((await client.request('PATCH', `/api/contacts/${id}`, { name: 'Mine' })).statusCode).toBe(404);
      expect((await client.request('DELETE', `/api/contacts/${id}`)).statusCode).toBe(404);
    }
    expect((await managerA.request('GET', `/api/contacts/${a.id}`)).json().name).toBe('Vis A');
    expect(
      await t.database.db.selectFrom('contacts').selectAll().where('id', '=', theirs.id).execute(),
    ).toEqual(theirRow);
    expect((await owner.request('DELETE', `/api/contacts/${a.id}`)).statusCode).toBe(200);
    expect(await search(managerA, 'q=vis')).toEqual([]);
  });
});

describe('bad input', () => {
  it('refuses it on every write route with the field path and writes nothing', async () => {
    const contact = await createContact(owner, { name: 'Target' });
    const before = [await count('contacts'), await count('record_history')];
    // An unknown field is named as `body.<field>` or, by older error handling, as `body`.
    const cases: [string, string, unknown, string | string[]][] = [
      ['POST', '/api/contacts', { name: 'X', bogus: 1 }, ['body', 'body.bogus']],
      ['POST', '/api/contacts', { name: ['X'] }, 'body.name'],
      ['POST', '/api/contacts', { position: 'CEO' }, 'body.name'],
      ['POST', '/api/contacts', { name: 'X', companyId: 'acme' }, 'body.companyId'],
      ['POST', '/api/contacts', { name: 'X', phones: ['12'] }, 'body.phones.0'],
      ['POST', '/api/contacts', { name: 'X', emails: 'a@b.ru' }, 'body.emails'],
      ['POST', '/api/contacts', { name: 'X', custom: [] }, 'body.custom'],
      ['PATCH', `/api/contacts/${contact.id}`, { name: '' }, 'body.name'],
      ['PATCH', `/api/contacts/${contact.id}`, { id: contact.id }, ['body', 'body.id']],
      ['PATCH', `/api/contacts/${contact.id}`, { responsibleId: 7 }, 'body.responsibleId'],
      ['PATCH', '/api/contacts/123', { name: 'X' }, 'params.id'],
      ['DELETE', '/api/contacts/123', undefined, 'params.id'],
      ['POST', `/api/contacts/${contact.id}/merge`, {}, 'body.sourceId'],
      ['POST', `/api/contacts/${contact.id}/merge`, { sourceId: contact.id }, 'body.sourceId'],
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
    for (const url of ['/api/contacts?companyId=x', '/api/contacts?cursor=%%%', '/api/contacts?limit=501']) {
      expect((await owner.request('GET', url)).statusCode, url).toBe(400);
    }
    expect([await count('contacts'), await count('record_history')]).toEqual(before);
  });
});

describe('cursor pagination', () => {
  it('returns every contact exactly once across pages', async () => {
    const pager = await signIn(t.app, team.users.curator.email);
    const same = new Date('2024-03-01T08:00:00.000Z');
    await t.database.db
      .insertInto('contacts')
      .values(
        Array.from({ length: 5 }, (_, i) => ({
          workspace_id: team.workspaceId,
          name: `Tie ${i}`,
          responsible_id: team.users.curator.id,
          created_at: same,
          updated_at: same,
        })),
      )
      .execute();
    for (let i = 0; i < 6; i++) await createContact(pager, { name: `Page ${i}` });
    const expected = await t.database.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', team.workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await pager.request(
        'GET',
        `/api/contacts?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 1000);
    expect(seen).toEqual(expected.map((row) => row.id));
  });
});
