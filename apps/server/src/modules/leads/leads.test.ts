import type { Lead } from '@voronka/domain';
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
let head: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'leads');
  manager = await signIn(t.app, team.users.managerA.email);
  head = await signIn(t.app, team.users.head.email);
});

async function newLead(body: Record<string, unknown> = {}): Promise<Lead> {
  const response = await manager.request('POST', '/api/leads', {
    title: 'Заявка с сайта',
    contactName: 'Андрей Никитин',
    phone: '8 (912) 345-67-01',
    email: 'Andrey@Example.RU',
    source: 'website',
    channel: 'form',
    utm: { source: 'yandex', campaign: 'boxes' },
    ...body,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const count = async (table: 'contacts' | 'companies' | 'deals' | 'record_history') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('workspace_id', '=', team.workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a lead', () => {
  it('keeps source, channel and UTM, with the phone in E.164 and the email in lower case', async () => {
    const lead = await newLead();
    expect(lead).toMatchObject({
      phone: '+79123456701',
      email: 'andrey@example.ru',
      source: 'website',
      channel: 'form',
      utm: { source: 'yandex', campaign: 'boxes' },
      status: 'new',
      responsibleId: team.users.managerA.id,
    });
  });

  it('refuses an unreadable phone, naming the field', async () => {
    const response = await manager.request('POST', '/api/leads', { title: 'x', phone: 'завтра' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toEqual({
      path: 'body.phone',
      message: '"завтра" is not a phone number',
    });
  });
});

describe('refusal', () => {
  it('needs a reason from the list of the caller’s role', async () => {
    const lead = await newLead();
    const none = await manager.request('PATCH', `/api/leads/${lead.id}`, { status: 'refused' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('body.refusalReason');
    const reasons = (await manager.request('GET', '/api/refusal-reasons'))
      .json()
      .items.map((r: { name: string }) => r.name);
    expect(reasons).toEqual(['Дорого', 'Выбрали конкурента', 'Нет потребности', 'Не выходит на связь']);
    const headReasons = (await head.request('GET', '/api/refusal-reasons'))
      .json()
      .items.map((r: { name: string }) => r.name);
    expect(headReasons).toContain('Дубль');
    const notMine = await manager.request('PATCH', `/api/leads/${lead.id}`, {
      status: 'refused',
      refusalReason: 'Дубль',
    });
    expect(notMine.statusCode).toBe(400);
    const refused = await manager.request('PATCH', `/api/leads/${lead.id}`, {
      status: 'refused',
      refusalReason: 'Дорого',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', refusalReason: 'Дорого' });
    const back = await manager.request('PATCH', `/api/leads/${lead.id}`, { status: 'in_work' });
    expect(back.json()).toMatchObject({ status: 'in_work', refusalReason: null });
  });
});

describe('conversion', () => {
  it('creates a contact, a company and a deal from the lead and links all of them, with history', async () => {
    const lead = await newLead();
    await manager.request('PATCH', `/api/leads/${lead.id}`, { status: 'qualified_sql' });
    const response = await manager.request('POST', `/api/leads/${lead.id}/convert`, {
      companyName: 'ООО «Упаковка»',
      deal: { amount: 40_000 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { lead: converted, contactId, companyId, dealId } = response.json();
    expect(converted).toMatchObject({ status: 'converted', contactId, companyId, dealId });
    expect(converted.convertedAt).not.toBeNull();

    const deal = (await manager.request('GET', `/api/deals/${dealId}`)).json();
    expect(deal).toMatchObject({
      title: 'Заявка с сайта',
      leadId: lead.id,
      contactId,
      companyId,
      amount: 40_000,
      source: 'website',
      responsibleId: team.users.managerA.id,
    });
    const contact = await t.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({
      name: 'Андрей Никитин',
      phones: ['+79123456701'],
      emails: ['andrey@example.ru'],
      company_id: companyId,
    });

    const leadHistory = (await manager.request('GET', `/api/history/lead/${lead.id}`)).json().items;
    expect(
      leadHistory
        .slice(0, 4)
        .map((h: { field: string }) => h.field)
        .sort(),
    ).toEqual(['companyId', 'contactId', 'dealId', 'status']);
    expect(leadHistory.at(-1)).toMatchObject({ action: 'create' });
    const dealHistory = (await manager.request('GET', `/api/history/deal/${dealId}`)).json().items;
    expect(dealHistory.find((h: { field: string }) => h.field === 'leadId')).toMatchObject({
      newValue: lead.id,
    });
  });

  it('gives the company it creates the lead’s region', async () => {
    const lead = await newLead({ region: 'Республика Татарстан' });
    expect(lead.region).toBe('Республика Татарстан');
    const response = await manager.request('POST', `/api/leads/${lead.id}/convert`, {
      companyName: 'ООО «Казань»',
    });
    expect(response.statusCode, response.body).toBe(200);
    const company = (await manager.request('GET', `/api/companies/${response.json().companyId}`)).json();
    expect(company).toMatchObject({ name: 'ООО «Казань»', region: 'Республика Татарстан' });
  });

  it('keeps a lead’s region trimmed, a blank one as none, and refuses one too long on body.region', async () => {
    const lead = await newLead({ region: '  Пермский край ' });
    expect(lead.region).toBe('Пермский край');
    const blank = await manager.request('PATCH', `/api/leads/${lead.id}`, { region: '   ' });
    expect(blank.statusCode, blank.body).toBe(200);
    expect(blank.json().region).toBeNull();
    const long = await manager.request('PATCH', `/api/leads/${lead.id}`, { region: 'я'.repeat(101) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe('body.region');
    const created = await manager.request('POST', '/api/leads', { title: 'Далеко', region: 'я'.repeat(101) });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0].path).toBe('body.region');
    expect((await manager.request('GET', `/api/leads/${lead.id}`)).json().region).toBeNull();
  });

  it('links existing records instead of creating them', async () => {
    const lead = await newLead();
    const db = t.database.db;
    const companyId = (
      await db
        .insertInto('companies')
        .values({
          workspace_id: team.workspaceId,
          name: 'Есть уже',
          responsible_id: team.users.managerA.id,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const contactId = (
      await db
        .insertInto('contacts')
        .values({
          workspace_id: team.workspaceId,
          name: 'Есть уже',
          position: null,
          company_id: companyId,
          responsible_id: null,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const before = [await count('contacts'), await count('companies')];
    const response = await manager.request('POST', `/api/leads/${lead.id}/convert`, { companyId, contactId });
    expect(response.json()).toMatchObject({ companyId, contactId });
    expect([await count('contacts'), await count('companies')]).toEqual(before);
  });

  it('is all or nothing: a bad link leaves no contact, company, deal or history behind', async () => {
    const lead = await newLead();
    const before = [
      await count('contacts'),
      await count('companies'),
      await count('deals'),
      await count('record_history'),
    ];
    const response = await manager.request('POST', `/api/leads/${lead.id}/convert`, {
      companyName: 'Не создастся',
      deal: { pipelineId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('body.pipelineId');
    expect([
      await count('contacts'),
      await count('companies'),
      await count('deals'),
      await count('record_history'),
    ]).toEqual(before);
    expect((await manager.request('GET', `/api/leads/${lead.id}`)).json().status).toBe('new');
  });

  it('happens once; a refused lead must be taken back into work first; a converted lead is frozen', async () => {
    const lead = await newLead();
    expect((await manager.request('POST', `/api/leads/${lead.id}/convert`, {})).statusCode).toBe(200);
    const again = await manager.request('POST', `/api/leads/${lead.id}/convert`, {});
    expect(again.statusCode).toBe(409);
    expect((await manager.request('PATCH', `/api/leads/${lead.id}`, { title: 'x' })).statusCode).toBe(409);
    const refused = await newLead();
    await manager.request('PATCH', `/api/leads/${refused.id}`, {
      status: 'refused',
      refusalReason: 'Дорого',
    });
    expect((await manager.request('POST', `/api/leads/${refused.id}/convert`, {})).statusCode).toBe(409);
  });

  it('another manager cannot convert a lead they cannot see', async () => {
    const lead = await newLead();
    const other = await signIn(t.app, team.users.managerB.email);
    expect((await other.request('POST', `/api/leads/${lead.id}/convert`, {})).statusCode).toBe(404);
  });
});

describe('batch create', () => {
  it('creates many leads in one call, or none, naming the item at fault', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('leads')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('workspace_id', '=', team.workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const items = Array.from({ length: 20 }, (_, i) => ({
      title: `Импорт из Excel ${i}`,
      phone: `8 912 000-00-${String(i).padStart(2, '0')}`,
      source: 'import',
    }));
    const bad = await manager.request('POST', '/api/leads/batch', {
      items: [...items, { title: 'Плохой телефон', phone: 'не помню' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.items.20.phone');
    const foreign = await manager.request('POST', '/api/leads/batch', {
      items: [...items, { title: 'x', responsibleId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(foreign.json().error.details[0].path).toBe('body.items.20.responsibleId');
    expect(await count()).toBe(before);
    const ok = await manager.request('POST', '/api/leads/batch', { items });
    expect(ok.json().items.map((lead: Lead) => lead.phone)).toEqual(
      items.map((_, i) => `+791200000${String(i).padStart(2, '0')}`),
    );
    expect(await count()).toBe(before + 20);
  });
});

describe('the list', () => {
  it('filters by status, responsible, source and text, and pages through every lead once', async () => {
    for (let i = 0; i < 6; i++)
      await newLead({ title: `Постраничный лид ${i}`, source: i % 2 ? 'ads' : 'event' });
    const ids = async (query: string) =>
      (await head.request('GET', `/api/leads?${query}`)).json().items.map((lead: Lead) => lead.id);
    const all = await ids('limit=500');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await head.request('GET', `/api/leads?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json() as { items: Lead[]; nextCursor: string | null };
      seen.push(...page.items.map((lead) => lead.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const events = (await head.request('GET', '/api/leads?source=event&limit=500')).json().items as Lead[];
    expect(events.every((lead) => lead.source === 'event')).toBe(true);
    expect(await ids(`responsibleId=${team.users.managerB.id}`)).toEqual([]);
    expect(
      (await head.request('GET', `/api/leads?q=${encodeURIComponent('постраничные')}`)).json().items,
    ).toHaveLength(6);
    const titles = (await head.request('GET', '/api/leads?sort=title&order=asc&limit=500'))
      .json()
      .items.map((lead: Lead) => lead.title);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => a.localeCompare(b, 'ru')));
  });
});
