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
  uniqueEmail,
} from '../../test/test-app';

// People, departments and roles: what admins may change, what stays protected, and who may not touch them.

let t: TestApp;
let team: Team;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'org');
  admin = await signIn(t.app, team.users.admin.email);
});

interface Department {
  id: string;
  name: string;
  parentId: string | null;
  headId: string | null;
}

async function departments(): Promise<Department[]> {
  return (await admin.request('GET', '/api/departments')).json().items;
}

async function userRow(id: string) {
  return t.database.db
    .selectFrom('users')
    .select(['role', 'function', 'department_id', 'active', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('the user list', () => {
  it('shows every member to any member, without password hashes', async () => {
    const manager = await signIn(t.app, team.users.managerA.email);
    const response = await manager.request('GET', '/api/users');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      id: string;
      email: string;
      role: string;
      departmentId: string | null;
    }[];
    expect(new Set(items.map((user) => user.id))).toEqual(
      new Set(Object.values(team.users).map((user) => user.id)),
    );
    expect(items.find((user) => user.id === team.users.subManager.id)).toMatchObject({
      email: team.users.subManager.email,
      role: 'manager',
      departmentId: team.subDepartmentId,
    });
    expect(response.body).not.toContain('argon2');
    expect(response.body).not.toContain('password');
  });
});

describe('an admin changing a user', () => {
  it('sets role, function and department, and the change is in the history', async () => {
    const response = await admin.request('PATCH', `/api/users/${team.users.managerB.id}`, {
      role: 'head_of_sales',
      function: 'farmer',
      departmentId: team.subDepartmentId,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: team.users.managerB.id,
      role: 'head_of_sales',
      function: 'farmer',
      departmentId: team.subDepartmentId,
      active: true,
    });
    expect(await userRow(team.users.managerB.id)).toMatchObject({
      role: 'head_of_sales',
      function: 'farmer',
      department_id: team.subDepartmentId,
    });
    const history = await t.database.db
      .selectFrom('record_history')
      .select(['field', 'old_value', 'new_value', 'actor_id'])
      .where('record_id', '=', team.users.managerB.id)
      .where('action', '=', 'update')
      .execute();
    expect(history).toEqual(
      expect.arrayContaining([
        { field: 'role', old_value: 'manager', new_value: 'head_of_sales', actor_id: team.users.admin.id },
        { field: 'function', old_value: null, new_value: 'farmer', actor_id: team.users.admin.id },
        {
          field: 'departmentId',
          old_value: team.departmentId,
          new_value: team.subDepartmentId,
          actor_id: team.users.admin.id,
        },
      ]),
    );
  });

  it('deactivating ends the user’s sessions and stops their login and API tokens; reactivating lets them back', async () => {
    const email = team.users.subManager.email;
    const member = await signIn(t.app, email);
    const { token } = (
      await member.request('POST', '/api/api-tokens', { name: 'Телефония', scopes: ['read'] })
    ).json();
    const bearer = { authorization: `Bearer ${token}` };

    const deactivated = await admin.request('PATCH', `/api/users/${team.users.subManager.id}`, {
      active: false,
    });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().active).toBe(false);

    expect((await member.request('GET', '/api/auth/session')).statusCode).toBe(401);
    const sessions = await t.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', team.users.subManager.id)
      .execute();
    expect(sessions).toEqual([]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword },
    });
    expect(login.statusCode).toBe(401);
    expect(login.cookies.find((cookie) => cookie.name === 'voronka_session')).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/leads', headers: bearer })).statusCode).toBe(401);

    expect(
      (await admin.request('PATCH', `/api/users/${team.users.subManager.id}`, { active: true })).statusCode,
    ).toBe(200);
    await signIn(t.app, email);
    expect((await t.app.inject({ method: 'GET', url: '/api/leads', headers: bearer })).statusCode).toBe(200);
  });

  it('refuses a department that does not exist, naming the field, and an unknown user with 404', async () => {
    const before = await userRow(team.users.managerA.id);
    const department = await admin.request('PATCH', `/api/users/${team.users.managerA.id}`, {
      departmentId: randomUUID(),
      role: 'curator',
    });
    expect(department.statusCode).toBe(400);
    expect(department.json().error.details).toEqual([expect.objectContaining({ path: 'body.departmentId' })]);
    expect(await userRow(team.users.managerA.id)).toEqual(before);

    const unknown = await admin.request('PATCH', `/api/users/${randomUUID()}`, { role: 'manager' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });
});

describe('owners', () => {
  // A workspace of its own: these cases add and remove owners.
  let org: Team;
  let orgOwner: Client;
  let orgAdmin: Client;

  beforeAll(async () => {
    org = await createTeam(t, 'owners');
    orgOwner = await signIn(t.app, org.users.owner.email);
    orgAdmin = await signIn(t.app, org.users.admin.email);
  });

  it('an admin can neither make an owner nor demote one', async () => {
    const promote = await orgAdmin.request('PATCH', `/api/users/${org.users.curator.id}`, { role: 'owner' });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().error.code).toBe('forbidden');
    const demote = await orgAdmin.request('PATCH', `/api/users/${org.users.owner.id}`, { role: 'admin' });
    expect(demote.statusCode).toBe(403);
    expect((await userRow(org.users.curator.id)).role).toBe('curator');
    expect((await userRow(org.users.owner.id)).role).toBe('owner');
  });

  it('an owner can make another owner', async () => {
    const promoted = await orgOwner.request('PATCH', `/api/users/${org.users.curator.id}`, { role: 'owner' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe('owner');
    expect((await userRow(org.users.curator.id)).role).toBe('owner');
  });

  it('an admin cannot switch an owner off either', async () => {
    const deactivate = await orgAdmin.request('PATCH', `/api/users/${org.users.curator.id}`, {
      active: false,
    });
    expect(deactivate.statusCode).toBe(403);
    expect((await userRow(org.users.curator.id)).active).toBe(true);
  });

  it('an owner can demote another owner', async () => {
    const demoted = await orgOwner.request('PATCH', `/api/users/${org.users.curator.id}`, {
      role: 'curator',
      active: true,
    });
    expect(demoted.statusCode).toBe(200);
    expect((await userRow(org.users.curator.id)).role).toBe('curator');
  });

  it('the last active owner can be neither demoted nor deactivated', async () => {
    // A second owner who is inactive does not count.
    await orgOwner.request('PATCH', `/api/users/${org.users.head.id}`, { role: 'owner' });
    expect(
      (await orgOwner.request('PATCH', `/api/users/${org.users.head.id}`, { active: false })).statusCode,
    ).toBe(200);

    for (const change of [{ role: 'admin' }, { active: false }, { role: 'manager', active: false }]) {
      const response = await orgOwner.request('PATCH', `/api/users/${org.users.owner.id}`, change);
      expect(response.statusCode, JSON.stringify(change)).toBe(409);
      expect(response.json().error.code).toBe('conflict');
    }
    expect(await userRow(org.users.owner.id)).toMatchObject({ role: 'owner', active: true });
    expect((await orgOwner.request('GET', '/api/auth/session')).statusCode).toBe(200);
  });
});

describe('departments', () => {
  it('are created under a parent with a head', async () => {
    const response = await admin.request('POST', '/api/departments', {
      name: 'Отдел B2G',
      parentId: team.departmentId,
      headId: team.users.head.id,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Отдел B2G',
      parentId: team.departmentId,
      headId: team.users.head.id,
    });
    expect(await departments()).toContainEqual(
      expect.objectContaining({ id: response.json().id, name: 'Отдел B2G', parentId: team.departmentId }),
    );
  });

  it('are renamed and moved, also to the top level', async () => {
    const { id } = (await admin.request('POST', '/api/departments', { name: 'Склад' })).json();
    const renamed = await admin.request('PATCH', `/api/departments/${id}`, { name: 'Логистика' });
    expect(renamed.json()).toMatchObject({ name: 'Логистика', parentId: null });
    const moved = await admin.request('PATCH', `/api/departments/${id}`, { parentId: team.subDepartmentId });
    expect(moved.json()).toMatchObject({ name: 'Логистика', parentId: team.subDepartmentId });
    const top = await admin.request('PATCH', `/api/departments/${id}`, { parentId: null });
    expect(top.json()).toMatchObject({ name: 'Логистика', parentId: null });
    expect(await departments()).toContainEqual(
      expect.objectContaining({ id, name: 'Логистика', parentId: null }),
    );
  });

  it('cannot be moved inside themselves or their own sub-departments', async () => {
    const before = await departments();
    for (const parentId of [team.departmentId, team.subDepartmentId]) {
      const response = await admin.request('PATCH', `/api/departments/${team.departmentId}`, { parentId });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'body.parentId' })]);
    }
    expect(await departments()).toEqual(before);
  });

  it('refuse a parent or head that does not exist, naming the field', async () => {
    for (const [field, body] of [
      ['body.parentId', { name: 'Призрак', parentId: randomUUID() }],
      ['body.headId', { name: 'Призрак', headId: randomUUID() }],
    ] as const) {
      const response = await admin.request('POST', '/api/departments', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([expect.objectContaining({ path: field })]);
    }
    expect((await departments()).some((department) => department.name === 'Призрак')).toBe(false);
  });

  it('with people or sub-departments cannot be deleted', async () => {
    const withChild = await admin.request('DELETE', `/api/departments/${team.departmentId}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().error.code).toBe('conflict');
    const withPeople = await admin.request('DELETE', `/api/departments/${team.subDepartmentId}`);
    expect(withPeople.statusCode).toBe(409);
    const ids = (await departments()).map((department) => department.id);
    expect(ids).toEqual(expect.arrayContaining([team.departmentId, team.subDepartmentId]));
  });

  it('that are empty are deleted; a second delete is a 404', async () => {
    const { id } = (
      await admin.request('POST', '/api/departments', { name: 'Временный', parentId: team.departmentId })
    ).json();
    expect((await admin.request('DELETE', `/api/departments/${id}`)).statusCode).toBe(200);
    expect((await departments()).some((department) => department.id === id)).toBe(false);
    expect((await admin.request('DELETE', `/api/departments/${id}`)).statusCode).toBe(404);
  });
});

describe('roles', () => {
  it('lists all eight roles in order, with the visibility a new workspace starts with', async () => {
    const manager = await signIn(t.app, team.users.managerA.email);
    const response = await manager.request('GET', '/api/roles');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { role: 'owner', visibility: 'all' },
      { role: 'admin', visibility: 'all' },
      { role: 'head_of_sales', visibility: 'department' },
      { role: 'manager', visibility: 'own' },
      { role: 'curator', visibility: 'all' },
      { role: 'accountant', visibility: 'all' },
      { role: 'hr', visibility: 'own' },
      { role: 'employee', visibility: 'own' },
    ]);
  });
});

describe('people who are not admins', () => {
  let emptyDepartment: string;
  let invitation: string;

  beforeAll(async () => {
    emptyDepartment = (await admin.request('POST', '/api/departments', { name: 'Пустой' })).json().id;
    invitation = (
      await admin.request('POST', '/api/invitations', { email: uniqueEmail('pending'), role: 'manager' })
    ).json().id;
  });

  /** Every organisation write, each one that an admin would be allowed to make. */
  const writes = () => [
    { route: 'PATCH /api/users/{id}', url: `/api/users/${team.users.managerA.id}`, body: { role: 'admin' } },
    { route: 'POST /api/departments', url: '/api/departments', body: { name: 'Самовольный' } },
    {
      route: 'PATCH /api/departments/{id}',
      url: `/api/departments/${team.subDepartmentId}`,
      body: { name: 'Переименован', headId: team.users.managerA.id },
    },
    { route: 'DELETE /api/departments/{id}', url: `/api/departments/${emptyDepartment}` },
    { route: 'PUT /api/roles/{role}', url: '/api/roles/manager', body: { visibility: 'all' } },
    {
      route: 'POST /api/invitations',
      url: '/api/invitations',
      body: { email: uniqueEmail('sneaky'), role: 'admin' },
    },
    { route: 'DELETE /api/invitations/{id}', url: `/api/invitations/${invitation}` },
  ];
  const methodOf = (route: string) => route.split(' ')[0] as string;

  it('covers every organisation write in the API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method, operation]) => method !== 'get' && operation.tags?.includes('organisation'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(writes().map((write) => write.route))).toEqual(new Set(documented));
  });

  it.each(['head', 'subHead', 'managerA', 'curator'] as const)(
    '%s gets 403 on every organisation write, and nothing changes',
    async (who) => {
      const client = await signIn(t.app, team.users[who].email);
      const snapshot = () =>
        Promise.all(
          (['users', 'departments', 'role_settings', 'invitations', 'record_history'] as const).map((table) =>
            t.database.db
              .selectFrom(table)
              .selectAll()
              .where('workspace_id', '=', team.workspaceId)
              .execute(),
          ),
        );
      const before = await snapshot();
      for (const { route, url, body } of writes()) {
        const response = await client.request(methodOf(route), url, body);
        expect(response.statusCode, `${who}: ${route}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('an admin’s API token without the admin scope gets 403 too', async () => {
    const { token } = (
      await admin.request('POST', '/api/api-tokens', { name: 'CRM sync', scopes: ['read', 'write'] })
    ).json();
    for (const { route, url, body } of writes()) {
      const response = await t.app.inject({
        method: methodOf(route) as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body ? { payload: body } : {}),
      });
      expect(response.statusCode, route).toBe(403);
    }
  });
});
