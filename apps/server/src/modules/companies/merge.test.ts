import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectEvents } from '../../../test/sse';
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
let managerA: Client;
let stranger: Client;
let baseUrl: string;
let pipelineId: string;
let stageId: string;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'merge');
  other = await createTeam(t, 'merge-other');
  owner = await signIn(t.app, team.users.owner.email);
  managerA = await signIn(t.app, team.users.managerA.email);
  stranger = await signIn(t.app, other.users.owner.email);
  for (const field of [
    { entity: 'company', key: 'tier', label: 'Уровень', type: 'text' },
    { entity: 'company', key: 'segment', label: 'Сегмент', type: 'text' },
    { entity: 'contact', key: 'birthday', label: 'День рождения', type: 'text' },
  ]) {
    expect((await owner.request('POST', '/api/custom-fields', field)).statusCode).toBe(200);
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const pipeline = await t.database.db
    .insertInto('pipelines')
    .values({ workspace_id: team.workspaceId, name: 'Продажи', kind: 'sales' })
    .returning('id')
    .executeTakeFirstOrThrow();
  pipelineId = pipeline.id;
  const stage = await t.database.db
    .insertInto('stages')
    .values({
      workspace_id: team.workspaceId,
      pipeline_id: pipelineId,
      name: 'Квалификация',
      position: 0,
      kind: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  stageId = stage.id;
});

let phoneSeed = 9_260_000_000;
function newPhone(): string {
  phoneSeed += 1;
  return `+7${phoneSeed}`;
}

async function create(client: Client, entity: 'companies' | 'contacts', body: Record<string, unknown>) {
  const response = await client.request('POST', `/api/${entity}?allowDuplicates=true`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; name: string };
}

/** A deal, an activity and a task pointing at the record, the way the deals and activities modules will store them. */
async function attach(entity: 'company' | 'contact', recordId: string) {
  const db = t.database.db;
  const deal = await db
    .insertInto('deals')
    .values({
      workspace_id: team.workspaceId,
      title: `Сделка ${entity}`,
      pipeline_id: pipelineId,
      stage_id: stageId,
      responsible_id: team.users.managerB.id,
      company_id: entity === 'company' ? recordId : null,
      contact_id: entity === 'contact' ? recordId : null,
      probability: null,
      expected_close_date: null,
      lead_id: null,
      source: null,
      lost_reason: null,
      closed_at: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const activity = await db
    .insertInto('activities')
    .values({
      workspace_id: team.workspaceId,
      kind: 'call',
      subject: 'Звонок',
      body: null,
      direction: 'out',
      duration_seconds: 60,
      result: null,
      recording_url: null,
      occurred_at: new Date(),
      entity,
      record_id: recordId,
      author_id: team.users.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const task = await db
    .insertInto('tasks')
    .values({
      workspace_id: team.workspaceId,
      title: 'Перезвонить',
      description: null,
      assignee_id: team.users.owner.id,
      due_at: null,
      remind_at: null,
      reminded_at: null,
      recurrence: null,
      done_at: null,
      entity,
      record_id: recordId,
      created_by: team.users.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lead = await owner.request('POST', '/api/leads', { title: `Лид ${entity}` });
  await db
    .updateTable('leads')
    .set(entity === 'company' ? { company_id: recordId } : { contact_id: recordId })
    .where('id', '=', lead.json().id)
    .execute();
  return { dealId: deal.id, activityId: activity.id, taskId: task.id, leadId: lead.json().id as string };
}

function historyOf(entity: 'company' | 'contact' | 'deal' | 'lead', recordId: string) {
  return t.database.db
    .selectFrom('record_history')
    .select(['id', 'action', 'field', 'old_value', 'new_value', 'actor_id'])
    .where('entity', '=', entity)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

async function rowOf(table: 'companies' | 'contacts', id: string) {
  return t.database.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('merging companies', () => {
  it('moves every link, activity, task and history row to the survivor in one go', async () => {
    const [p1, p2] = [newPhone(), newPhone()];
    const survivor = await create(owner, 'companies', {
      name: 'Ромашка',
      phones: [p1],
      emails: ['a@romashka.ru'],
      requisites: { bank: 'Альфа' },
      custom: { tier: 'gold' },
    });
    const source = await create(owner, 'companies', {
      name: 'Ромашка (дубль)',
      inn: '7707083893',
      address: 'Москва',
      phones: [p2, p1],
      emails: ['b@romashka.ru'],
      requisites: { bank: 'Сбер', bik: '044525225' },
      custom: { segment: 'retail' },
      responsibleId: team.users.managerA.id,
    });
    await owner.request('PATCH', `/api/companies/${source.id}`, { address: 'Москва, Тверская 1' });
    const contact = await create(owner, 'contacts', { name: 'Сотрудник', companyId: source.id });
    const gone = await create(owner, 'contacts', { name: 'Бывший сотрудник', companyId: source.id });
    await owner.request('DELETE', `/api/contacts/${gone.id}`);
    const links = await attach('company', source.id);
    const sourceHistory = (await historyOf('company', source.id)).map((row) => row.id);
    const survivorHistory = (await historyOf('company', survivor.id)).map((row) => row.id);
    expect(sourceHistory.length).toBeGreaterThan(5);

    const response = await owner.request('POST', `/api/companies/${survivor.id}/merge`, {
      sourceId: source.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: survivor.id,
      name: 'Ромашка',
      inn: '7707083893',
      address: 'Москва, Тверская 1',
      phones: [p1, p2],
      emails: ['a@romashka.ru', 'b@romashka.ru'],
      requisites: { bank: 'Альфа', bik: '044525225' },
      custom: { tier: 'gold', segment: 'retail' },
      responsibleId: team.users.owner.id,
    });

    const db = t.database.db;
    for (const id of [contact.id, gone.id])
      expect((await rowOf('contacts', id)).company_id).toBe(survivor.id);
    const deal = await db
      .selectFrom('deals')
      .select('company_id')
      .where('id', '=', links.dealId)
      .executeTakeFirstOrThrow();
    expect(deal.company_id).toBe(survivor.id);
    const lead = await db
      .selectFrom('leads')
      .select('company_id')
      .where('id', '=', links.leadId)
      .executeTakeFirstOrThrow();
    expect(lead.company_id).toBe(survivor.id);
    const activity = await db
      .selectFrom('activities')
      .select('record_id')
      .where('id', '=', links.activityId)
      .executeTakeFirstOrThrow();
    expect(activity.record_id).toBe(survivor.id);
    const task = await db
      .selectFrom('tasks')
      .select('record_id')
      .where('id', '=', links.taskId)
      .executeTakeFirstOrThrow();
    expect(task.record_id).toBe(survivor.id);

    expect(await historyOf('company', source.id)).toEqual([]);
    const after = await historyOf('company', survivor.id);
    expect(after.map((row) => row.id)).toEqual(
      expect.arrayContaining([...survivorHistory, ...sourceHistory]),
    );
    expect(after).toContainEqual(
      expect.objectContaining({
        action: 'update',
        field: 'mergedFrom',
        new_value: { id: source.id, name: 'Ромашка (дубль)' },
        actor_id: team.users.owner.id,
      }),
    );
    expect(after).toContainEqual(
      expect.objectContaining({ field: 'phones', old_value: [p1], new_value: [p1, p2] }),
    );
    expect(await historyOf('contact', contact.id)).toContainEqual(
      expect.objectContaining({ field: 'companyId', old_value: source.id, new_value: survivor.id }),
    );
    expect(await historyOf('deal', links.dealId)).toContainEqual(
      expect.objectContaining({ field: 'companyId', old_value: source.id, new_value: survivor.id }),
    );

    const merged = await rowOf('companies', source.id);
    expect(merged.merged_into_id).toBe(survivor.id);
    expect(merged.deleted_at).toBeInstanceOf(Date);
    expect((await owner.request('GET', `/api/companies/${source.id}`)).statusCode).toBe(404);
    const again = await owner.request('POST', `/api/companies/${survivor.id}/merge`, { sourceId: source.id });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].path).toBe('body.sourceId');

    // A later merge of the survivor carries the earlier merged company along.
    const third = await create(owner, 'companies', { name: 'Ромашка-3' });
    expect(
      (await owner.request('POST', `/api/companies/${third.id}/merge`, { sourceId: survivor.id })).statusCode,
    ).toBe(200);
    expect((await rowOf('companies', source.id)).merged_into_id).toBe(third.id);
    expect((await historyOf('company', third.id)).map((row) => row.id)).toEqual(
      expect.arrayContaining([...survivorHistory, ...sourceHistory]),
    );
  });

  it('announces the survivor’s change and the source’s end after commit', async () => {
    const survivor = await create(owner, 'companies', { name: 'Live survivor' });
    const source = await create(owner, 'companies', { name: 'Live source' });
    const events = await collectEvents(
      `${baseUrl}/api/events`,
      owner.cookie,
      2,
      () => owner.request('POST', `/api/companies/${survivor.id}/merge`, { sourceId: source.id }),
      3000,
      // The two creates above announce themselves too, and may still be on their way.
      (event) =>
        event.type === 'record.changed' &&
        event.action !== 'create' &&
        [survivor.id, source.id].includes(event.recordId),
    );
    expect(events).toEqual([
      {
        type: 'record.changed',
        entity: 'company',
        recordId: survivor.id,
        action: 'update',
        actorId: team.users.owner.id,
      },
      {
        type: 'record.changed',
        entity: 'company',
        recordId: source.id,
        action: 'delete',
        actorId: team.users.owner.id,
      },
    ]);
  });

  it('refuses itself, other workspaces and what the caller cannot see, changing nothing', async () => {
    const mine = await create(managerA, 'companies', { name: 'Моя', phones: [newPhone()] });
    const colleagues = await create(owner, 'companies', {
      name: 'Не моя',
      responsibleId: team.users.managerB.id,
    });
    const theirs = await create(stranger, 'companies', { name: 'Чужая', phones: [newPhone()] });
    const snapshot = async () => [
      await rowOf('companies', mine.id),
      await rowOf('companies', colleagues.id),
      await rowOf('companies', theirs.id),
      await historyOf('company', mine.id),
      await historyOf('company', theirs.id),
    ];
    const before = await snapshot();

    const self = await managerA.request('POST', `/api/companies/${mine.id}/merge`, { sourceId: mine.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details[0].path).toBe('body.sourceId');
    for (const sourceId of [theirs.id, colleagues.id]) {
      const response = await managerA.request('POST', `/api/companies/${mine.id}/merge`, { sourceId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe('body.sourceId');
    }
    for (const survivorId of [theirs.id, colleagues.id]) {
      const response = await managerA.request('POST', `/api/companies/${survivorId}/merge`, {
        sourceId: mine.id,
      });
      expect(response.statusCode).toBe(404);
    }
    expect(
      (await owner.request('POST', `/api/companies/${theirs.id}/merge`, { sourceId: mine.id })).statusCode,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two opposite merges of the same pair win, without a deadlock', async () => {
    const first = await create(owner, 'companies', { name: 'Пара 1' });
    const second = await create(owner, 'companies', { name: 'Пара 2' });
    const statuses = await Promise.all([
      owner.request('POST', `/api/companies/${first.id}/merge`, { sourceId: second.id }),
      owner.request('POST', `/api/companies/${second.id}/merge`, { sourceId: first.id }),
    ]);
    const codes = statuses.map((response) => response.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([400, 404]).toContain(codes[1]);
    const rows = await t.database.db
      .selectFrom('companies')
      .select(['id', 'deleted_at'])
      .where('id', 'in', [first.id, second.id])
      .execute();
    expect(rows.filter((row) => row.deleted_at === null)).toHaveLength(1);
  });
});

describe('merging contacts', () => {
  it('moves deals, leads, activities, tasks and history, and fills the survivor’s empty fields', async () => {
    const company = await create(owner, 'companies', { name: 'Контора' });
    const phone = newPhone();
    const survivor = await create(owner, 'contacts', { name: 'Анна', phones: [phone] });
    const source = await create(owner, 'contacts', {
      name: 'Анна Смирнова',
      position: 'Бухгалтер',
      companyId: company.id,
      phones: [phone],
      emails: ['anna@kontora.ru'],
      custom: { birthday: '03-08' },
    });
    await owner.request('PATCH', `/api/contacts/${source.id}`, { position: 'Главный бухгалтер' });
    const links = await attach('contact', source.id);
    const sourceHistory = (await historyOf('contact', source.id)).map((row) => row.id);

    const response = await owner.request('POST', `/api/contacts/${survivor.id}/merge`, {
      sourceId: source.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: survivor.id,
      name: 'Анна',
      position: 'Главный бухгалтер',
      companyId: company.id,
      phones: [phone],
      emails: ['anna@kontora.ru'],
      custom: { birthday: '03-08' },
    });
    const db = t.database.db;
    const deal = await db
      .selectFrom('deals')
      .select('contact_id')
      .where('id', '=', links.dealId)
      .executeTakeFirstOrThrow();
    expect(deal.contact_id).toBe(survivor.id);
    const lead = await db
      .selectFrom('leads')
      .select('contact_id')
      .where('id', '=', links.leadId)
      .executeTakeFirstOrThrow();
    expect(lead.contact_id).toBe(survivor.id);
    const activity = await db
      .selectFrom('activities')
      .select('record_id')
      .where('id', '=', links.activityId)
      .executeTakeFirstOrThrow();
    expect(activity.record_id).toBe(survivor.id);
    const task = await db
      .selectFrom('tasks')
      .select('record_id')
      .where('id', '=', links.taskId)
      .executeTakeFirstOrThrow();
    expect(task.record_id).toBe(survivor.id);
    expect(await historyOf('contact', source.id)).toEqual([]);
    const after = await historyOf('contact', survivor.id);
    expect(after.map((row) => row.id)).toEqual(expect.arrayContaining(sourceHistory));
    expect(after).toContainEqual(
      expect.objectContaining({ field: 'mergedFrom', new_value: { id: source.id, name: 'Анна Смирнова' } }),
    );
    expect(await historyOf('lead', links.leadId)).toContainEqual(
      expect.objectContaining({ field: 'contactId', old_value: source.id, new_value: survivor.id }),
    );
    const merged = await rowOf('contacts', source.id);
    expect(merged.merged_into_id).toBe(survivor.id);
    expect(merged.deleted_at).toBeInstanceOf(Date);
    const list = (await owner.request('GET', `/api/contacts?q=${encodeURIComponent(phone)}`)).json().items;
    expect(list.map((item: { id: string }) => item.id)).toEqual([survivor.id]);
  });

  it('refuses itself, other workspaces and what the caller cannot see, changing nothing', async () => {
    const mine = await create(managerA, 'contacts', { name: 'Мой' });
    const colleagues = await create(owner, 'contacts', {
      name: 'Не мой',
      responsibleId: team.users.managerB.id,
    });
    const theirs = await create(stranger, 'contacts', { name: 'Чужой' });
    const snapshot = async () => [
      await rowOf('contacts', mine.id),
      await rowOf('contacts', colleagues.id),
      await rowOf('contacts', theirs.id),
      await historyOf('contact', mine.id),
    ];
    const before = await snapshot();
    const self = await managerA.request('POST', `/api/contacts/${mine.id}/merge`, { sourceId: mine.id });
    expect(self.json().error.details[0].path).toBe('body.sourceId');
    for (const sourceId of [theirs.id, colleagues.id]) {
      const response = await managerA.request('POST', `/api/contacts/${mine.id}/merge`, { sourceId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].path).toBe('body.sourceId');
    }
    for (const survivorId of [theirs.id, colleagues.id]) {
      expect(
        (await managerA.request('POST', `/api/contacts/${survivorId}/merge`, { sourceId: mine.id }))
          .statusCode,
      ).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });
});
