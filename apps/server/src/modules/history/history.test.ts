import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
  testPassword,
} from '../../../test/test-app';

// Every change to a lead, a person or a department leaves who, when, which field and old → new.

interface Entry {
  id: string;
  action: 'create' | 'update' | 'delete';
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  actor: { id: string; name: string } | null;
  at: string;
}

let t: TestApp;
let team: Team;
let owner: Client;
let admin: Client;
let head: Client;
let managerA: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'history');
  owner = await signIn(t.app, team.users.owner.email);
  admin = await signIn(t.app, team.users.admin.email);
  head = await signIn(t.app, team.users.head.email);
  managerA = await signIn(t.app, team.users.managerA.email);
});

async function historyOf(client: Client, entity: string, id: string): Promise<Entry[]> {
  const response = await client.request('GET', `/api/history/${entity}/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

/** History rows of one record straight from the table, oldest first. */
function storedHistory(recordId: string) {
  return t.database.db
    .selectFrom('record_history')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

const withoutTimes = (entries: Entry[]) =>
  entries.map(({ action, field, oldValue, newValue, actor }) => ({
    action,
    field,
    oldValue,
    newValue,
    actor,
  }));

describe('a lead’s history', () => {
  it('on create: one row per filled field, from nothing to its value, with who and when', async () => {
    const before = Date.now();
    const created = await managerA.request('POST', '/api/leads', {
      title: 'Окна для школы',
      contactName: 'Ирина',
      source: 'site',
    });
    const after = Date.now();
    expect(created.statusCode).toBe(200);
    const lead = created.json() as Record<string, unknown>;
    const entries = await historyOf(managerA, 'lead', lead.id as string);

    const actor = { id: team.users.managerA.id, name: 'managerA history' };
    const filled = Object.entries(lead).filter(
      ([field, value]) => value !== null && !['id', 'createdAt', 'updatedAt'].includes(field),
    );
    expect(filled.map(([field]) => field)).toEqual(
      expect.arrayContaining(['title', 'contactName', 'source', 'status', 'responsibleId']),
    );
    expect(withoutTimes(entries)).toHaveLength(filled.length);
    expect(withoutTimes(entries)).toEqual(
      expect.arrayContaining(
        filled.map(([field, value]) => ({ action: 'create', field, oldValue: null, newValue: value, actor })),
      ),
    );
    expect(withoutTimes(entries)).toEqual(
      expect.arrayContaining([
        { action: 'create', field: 'title', oldValue: null, newValue: 'Окна для школы', actor },
        { action: 'create', field: 'responsibleId', oldValue: null, newValue: team.users.managerA.id, actor },
      ]),
    );
    for (const entry of entries) {
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(entry.at)).toBeLessThanOrEqual(after);
    }
  });

  it('on update: one row per changed field, old → new, listed newest first', async () => {
    const lead = (
      await managerA.request('POST', '/api/leads', { title: 'Двери', phone: '+7 900 000-00-02' })
    ).json();
    const changed = await head.request('PATCH', `/api/leads/${lead.id}`, {
      title: 'Двери и окна',
      status: 'in_work',
      phone: '+7 900 000-00-02',
    });
    expect(changed.statusCode).toBe(200);

    const entries = await historyOf(managerA, 'lead', lead.id);
    const actor = { id: team.users.head.id, name: 'head history' };
    expect(withoutTimes(entries.slice(0, 2))).toEqual(
      expect.arrayContaining([
        { action: 'update', field: 'title', oldValue: 'Двери', newValue: 'Двери и окна', actor },
        { action: 'update', field: 'status', oldValue: 'new', newValue: 'in_work', actor },
      ]),
    );
    expect(entries.slice(2).every((entry) => entry.action === 'create')).toBe(true);
    const ids = entries.map((entry) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(entries.some((entry) => entry.field === 'phone' && entry.action === 'update')).toBe(false);
  });

  it('on an update that changes nothing: no rows', async () => {
    const lead = (
      await managerA.request('POST', '/api/leads', { title: 'Без изменений', source: 'call' })
    ).json();
    const before = await storedHistory(lead.id);
    expect(
      (
        await managerA.request('PATCH', `/api/leads/${lead.id}`, {
          title: 'Без изменений',
          source: 'call',
          status: 'new',
        })
      ).statusCode,
    ).toBe(200);
    expect((await managerA.request('PATCH', `/api/leads/${lead.id}`, {})).statusCode).toBe(200);
    expect(await storedHistory(lead.id)).toEqual(before);
  });

  it('on a failing update: neither the change nor a row', async () => {
    const lead = (await managerA.request('POST', '/api/leads', { title: 'Останется как было' })).json();
    const before = await storedHistory(lead.id);
    await owner.request('PATCH', `/api/users/${team.users.managerB.id}`, { active: false });

    for (const responsibleId of [randomUUID(), team.users.managerB.id]) {
      const failed = await head.request('PATCH', `/api/leads/${lead.id}`, {
        title: 'Изменено',
        status: 'refused',
        responsibleId,
      });
      expect(failed.statusCode).toBe(400);
      expect(failed.json().error.details).toEqual([expect.objectContaining({ path: 'body.responsibleId' })]);
    }
    await owner.request('PATCH', `/api/users/${team.users.managerB.id}`, { active: true });

    expect((await managerA.request('GET', `/api/leads/${lead.id}`)).json()).toMatchObject({
      title: 'Останется как было',
      status: 'new',
    });
    expect(await storedHistory(lead.id)).toEqual(before);
  });

  it('on delete: one row saying who deleted it', async () => {
    const lead = (await managerA.request('POST', '/api/leads', { title: 'На удаление' })).json();
    const before = await storedHistory(lead.id);
    expect((await head.request('DELETE', `/api/leads/${lead.id}`)).statusCode).toBe(200);
    const added = (await storedHistory(lead.id)).slice(before.length);
    expect(added).toEqual([
      expect.objectContaining({
        entity: 'lead',
        action: 'delete',
        field: null,
        old_value: null,
        new_value: null,
        actor_id: team.users.head.id,
        workspace_id: team.workspaceId,
      }),
    ]);
  });

  it('stays readable after the lead is deleted, with the deletion first', async () => {
    const lead = (await managerA.request('POST', '/api/leads', { title: 'Удалён, но не забыт' })).json();
    expect((await managerA.request('DELETE', `/api/leads/${lead.id}`)).statusCode).toBe(200);
    const response = await owner.request('GET', `/api/history/lead/${lead.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({
      action: 'delete',
      actor: { id: team.users.managerA.id, name: 'managerA history' },
    });
  });
});

describe('the history of people', () => {
  it('records an admin’s change of role, function and department', async () => {
    const changed = await admin.request('PATCH', `/api/users/${team.users.subManager.id}`, {
      role: 'head_of_sales',
      function: 'closer',
      departmentId: team.departmentId,
    });
    expect(changed.statusCode).toBe(200);
    const entries = await historyOf(admin, 'user', team.users.subManager.id);
    const actor = { id: team.users.admin.id, name: 'admin history' };
    expect(withoutTimes(entries.slice(0, 3))).toEqual(
      expect.arrayContaining([
        { action: 'update', field: 'role', oldValue: 'manager', newValue: 'head_of_sales', actor },
        { action: 'update', field: 'function', oldValue: null, newValue: 'closer', actor },
        {
          action: 'update',
          field: 'departmentId',
          oldValue: team.subDepartmentId,
          newValue: team.departmentId,
          actor,
        },
      ]),
    );
  });

  it('records a password change with both values masked, and never the hash', async () => {
    const curator = await signIn(t.app, team.users.curator.email);
    const changed = await curator.request('POST', '/api/auth/password', {
      currentPassword: testPassword,
      newPassword: 'a new secret phrase',
    });
    expect(changed.statusCode).toBe(200);
    const [latest] = await historyOf(curator, 'user', team.users.curator.id);
    expect(latest).toMatchObject({
      action: 'update',
      field: 'password',
      oldValue: '***',
      newValue: '***',
      actor: { id: team.users.curator.id },
    });
    const stored = JSON.stringify(await storedHistory(team.users.curator.id));
    expect(stored).not.toContain('argon2');
    expect(stored).not.toContain('a new secret phrase');
    expect(stored).not.toContain(testPassword);
  });

  it('does not record a change that is refused: the last owner stays owner, under the old name', async () => {
    const before = await storedHistory(team.users.owner.id);
    const refused = await owner.request('PATCH', `/api/users/${team.users.owner.id}`, {
      name: 'Бывший владелец',
      role: 'admin',
    });
    expect(refused.statusCode).toBe(409);
    const stored = await t.database.db
      .selectFrom('users')
      .select(['name', 'role'])
      .where('id', '=', team.users.owner.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'Owner history', role: 'owner' });
    expect(await storedHistory(team.users.owner.id)).toEqual(before);
  });
});

describe('the history of departments', () => {
  it('records create, rename, move and delete, newest first', async () => {
    const created = await admin.request('POST', '/api/departments', {
      name: 'Регионы',
      parentId: team.departmentId,
      headId: team.users.head.id,
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    expect(
      (await admin.request('PATCH', `/api/departments/${id}`, { name: 'Регионы и филиалы' })).statusCode,
    ).toBe(200);
    expect(
      (await admin.request('PATCH', `/api/departments/${id}`, { parentId: team.subDepartmentId })).statusCode,
    ).toBe(200);
    expect((await admin.request('DELETE', `/api/departments/${id}`)).statusCode).toBe(200);

    const actor = { id: team.users.admin.id, name: 'admin history' };
    const entries = withoutTimes(await historyOf(admin, 'department', id));
    expect(entries.slice(0, 3)).toEqual([
      { action: 'delete', field: null, oldValue: null, newValue: null, actor },
      {
        action: 'update',
        field: 'parentId',
        oldValue: team.departmentId,
        newValue: team.subDepartmentId,
        actor,
      },
      { action: 'update', field: 'name', oldValue: 'Регионы', newValue: 'Регионы и филиалы', actor },
    ]);
    expect(entries.slice(3)).toEqual(
      expect.arrayContaining([
        { action: 'create', field: 'name', oldValue: null, newValue: 'Регионы', actor },
        { action: 'create', field: 'parentId', oldValue: null, newValue: team.departmentId, actor },
        { action: 'create', field: 'headId', oldValue: null, newValue: team.users.head.id, actor },
      ]),
    );
    expect(entries).toHaveLength(6);
  });
});

describe('who may read history', () => {
  let elsewhere: Team;
  let elsewhereLead: string;

  beforeAll(async () => {
    elsewhere = await createTeam(t, 'elsewhere');
    const theirOwner = await signIn(t.app, elsewhere.users.owner.email);
    elsewhereLead = (await theirOwner.request('POST', '/api/leads', { title: 'Чужой лид' })).json().id;
  });

  it('a manager reads the history of their own lead and of themselves', async () => {
    const lead = (await managerA.request('POST', '/api/leads', { title: 'Мой лид' })).json();
    expect((await historyOf(managerA, 'lead', lead.id)).length).toBeGreaterThan(0);
    expect((await historyOf(managerA, 'user', team.users.managerA.id)).length).toBeGreaterThan(0);
  });

  it('a manager cannot read the history of a lead they cannot see, nor of another workspace', async () => {
    const managerB = await signIn(t.app, team.users.managerB.email);
    const theirs = (await managerB.request('POST', '/api/leads', { title: 'Лид коллеги' })).json();
    for (const id of [theirs.id, elsewhereLead]) {
      const response = await managerA.request('GET', `/api/history/lead/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
  });

  it('a manager cannot read the history of other people or of departments, here or elsewhere', async () => {
    for (const url of [
      `/api/history/user/${team.users.managerB.id}`,
      `/api/history/user/${elsewhere.users.managerA.id}`,
      `/api/history/department/${team.departmentId}`,
      `/api/history/department/${elsewhere.departmentId}`,
    ]) {
      const response = await managerA.request('GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });

  it('an admin does not get another workspace’s people or departments as if they were theirs', async () => {
    for (const url of [
      `/api/history/user/${elsewhere.users.managerA.id}`,
      `/api/history/department/${elsewhere.departmentId}`,
    ]) {
      const response = await admin.request('GET', url);
      expect(response.statusCode, url).toBe(404);
    }
  });
});
