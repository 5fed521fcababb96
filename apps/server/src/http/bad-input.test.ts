import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  testPassword,
  uniqueEmail,
} from '../../test/test-app';

// Whatever a client sends, the answer is a 4xx with a code and the field at fault, never a 500,
// and a refused request writes nothing. Routes come from the OpenAPI document, so new ones are covered too.

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Route {
  key: string;
  method: string;
  path: string;
  pathParams: { name: string; schema: Schema }[];
  body: Schema | null;
  isPublic: boolean;
}

interface Sent {
  method: string;
  url: string;
  payload?: string | object;
  headers?: Record<string, string>;
}

const t = await startTestApp();
const routes = await listRoutes();
// Uploads take the file's own bytes, of any type, as the body (their refusals: files.test.ts).
const writes = routes.filter((route) => route.method !== 'GET' && route.path !== '/api/files');
const withBody = writes.filter((route) => route.body);

let team: Team;
let other: Team;
let admin: Client;
let expired: Client;
const fixtures = { lead: '', department: '', invitation: '', invitationToken: '', apiToken: '', formKey: '' };

beforeAll(async () => {
  team = await createTeam(t, 'bad-input');
  other = await createTeam(t, 'bad-input-other');
  admin = await signIn(t.app, team.users.admin.email);
  expired = await signIn(t.app, team.users.curator.email);
  await t.database.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('user_id', '=', team.users.curator.id)
    .execute();

  fixtures.lead = (await admin.request('POST', '/api/leads', { title: 'Existing lead' })).json().id;
  fixtures.department = (
    await admin.request('POST', '/api/departments', { name: 'Empty', parentId: team.departmentId })
  ).json().id;
  const invitation = (
    await admin.request('POST', '/api/invitations', { email: uniqueEmail('invitee'), role: 'manager' })
  ).json();
  fixtures.invitation = invitation.id;
  fixtures.invitationToken = invitation.token;
  fixtures.apiToken = (
    await admin.request('POST', '/api/api-tokens', { name: 'Existing', scopes: ['read'] })
  ).json().id;
  fixtures.formKey = (
    await admin.request('POST', '/api/web-forms', { name: 'Existing', fields: [{ field: 'phone' }] })
  ).json().publicKey;
});

type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: Schema }[];
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
};

async function listRoutes(): Promise<Route[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  const publicRoutes = new Set([
    'POST /api/auth/login',
    'POST /api/auth/accept-invitation',
    'GET /api/health',
    'GET /api/public/forms/{key}',
    'POST /api/public/forms/{key}',
  ]);
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const key = `${method.toUpperCase()} ${path}`;
      return {
        key,
        method: method.toUpperCase(),
        path,
        pathParams: (operation.parameters ?? []).filter((parameter) => parameter.in === 'path'),
        body: operation.requestBody?.content['application/json']?.schema ?? null,
        isPublic: publicRoutes.has(key),
      };
    }),
  );
}

/** Bodies each route accepts, so a case can break exactly one thing in them. */
const validBodies: Record<string, () => Record<string, unknown>> = {
  'POST /api/auth/login': () => ({ email: team.users.head.email, password: testPassword }),
  'POST /api/auth/accept-invitation': () => ({
    token: fixtures.invitationToken,
    name: 'Новичок',
    password: 'welcome aboard',
  }),
  'POST /api/auth/password': () => ({ currentPassword: testPassword, newPassword: 'another secret phrase' }),
  'PATCH /api/auth/profile': () => ({ name: 'Новое имя', locale: 'en' }),
  'PATCH /api/users/{id}': () => ({
    name: 'Переименован',
    role: 'curator',
    function: 'closer',
    departmentId: team.departmentId,
    active: false,
  }),
  'POST /api/departments': () => ({
    name: 'Новый отдел',
    parentId: team.departmentId,
    headId: team.users.head.id,
  }),
  'PATCH /api/departments/{id}': () => ({
    name: 'Переименован',
    parentId: team.subDepartmentId,
    headId: team.users.head.id,
  }),
  'PUT /api/roles/{role}': () => ({ visibility: 'all' }),
  'POST /api/invitations': () => ({
    email: uniqueEmail('new'),
    role: 'manager',
    function: 'hunter',
    departmentId: team.departmentId,
  }),
  'POST /api/api-tokens': () => ({ name: 'Синхронизация', scopes: ['read', 'write'], expiresInDays: 30 }),
  'POST /api/public/forms/{key}': () => ({ phone: '+7 999 000-11-22' }),
  'POST /api/web-forms': () => ({ name: 'Форма', fields: [{ field: 'phone', required: true }] }),
  'PATCH /api/web-forms/{id}': () => ({ name: 'Форма' }),
  'POST /api/telephony/calls': () => ({
    callId: 'bad-input',
    direction: 'in',
    status: 'missed',
    phone: '+79990001122',
  }),
  'POST /api/leads': () => ({
    title: 'Новый лид',
    contactName: 'Ирина',
    source: 'site',
    status: 'new',
    responsibleId: team.users.managerA.id,
  }),
  'PATCH /api/leads/{id}': () => ({
    title: 'Изменён',
    status: 'in_work',
    responsibleId: team.users.managerB.id,
  }),
  // A union chosen by `action`: a generated body would not pick a branch.
  'POST /api/leads/bulk': () => ({ action: 'delete', ids: ['00000000-0000-4000-8000-000000000000'] }),
  'POST /api/companies/bulk': () => ({ action: 'delete', ids: ['00000000-0000-4000-8000-000000000000'] }),
  'POST /api/contacts/bulk': () => ({ action: 'delete', ids: ['00000000-0000-4000-8000-000000000000'] }),
  'POST /api/deals/bulk': () => ({ action: 'delete', ids: ['00000000-0000-4000-8000-000000000000'] }),
  'POST /api/plans': () => ({
    name: 'План на март',
    from: '2025-03-01',
    to: '2025-03-31',
    target: { kind: 'revenue', amount: 800_000 },
    averageCheck: 40_000,
  }),
  'PUT /api/plans/{id}': () => ({
    name: 'План на март',
    from: '2025-03-01',
    to: '2025-03-31',
    target: { kind: 'revenue', amount: 800_000 },
    averageCheck: 40_000,
  }),
  'PUT /api/motivation-scheme': () => ({
    points: { call: 1, meeting: 10 },
    planPoints: 890,
    salary: [{ from: 0, amount: 20_000 }],
    commission: [{ from: 0, rate: 0.15 }],
  }),
  'POST /api/finance-entries': () => ({
    kind: 'expense',
    amount: 400_000,
    occurredOn: '2025-03-05',
    category: 'ФОТ',
  }),
  'PATCH /api/finance-entries/{id}': () => ({ status: 'actual', amount: 1_000 }),
  'POST /api/finance/what-if': () => ({ months: [{ month: '2025-03', income: 800_000 }] }),
};

/** A path with every placeholder filled by something that exists, so only the case's own fault remains. */
function fill(route: Route, overrides: Record<string, string> = {}): string {
  const existing: Record<string, string> = {
    leads: fixtures.lead,
    users: team.users.managerA.id,
    departments: fixtures.department,
    invitations: fixtures.invitation,
    'api-tokens': fixtures.apiToken,
    history: fixtures.lead,
    timeline: fixtures.lead,
    public: fixtures.formKey,
  };
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name in overrides) return overrides[name] as string;
    // Reviews are about clients and deals, not leads.
    if (name === 'entity') return route.path.startsWith('/api/reviews/') ? 'company' : 'lead';
    if (name === 'role') return 'manager';
    return existing[route.path.split('/')[2] ?? ''] ?? randomUUID();
  });
}

function send(
  client: Client | null,
  { method, url, payload, headers = {} }: Sent,
): Promise<LightMyRequestResponse> {
  const auth: Record<string, string> = client
    ? { cookie: client.cookie, 'x-csrf-token': client.session.csrfToken }
    : {};
  const json =
    payload !== undefined && typeof payload === 'object' ? { 'content-type': 'application/json' } : {};
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...auth, ...json, ...headers },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });
}

/** Row count and a hash of the contents of every table, so that any insert, update or delete shows. */
async function fingerprint(): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name <> 'login_attempts' and table_name not like 'kysely%'`.execute(t.database.db);
  const perTable = tables.map(
    ({ name }) => sql<{ name: string; state: string }>`
      select ${name} as name,
        count(*) || ':' || coalesce(md5(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text)), '') as state
      from ${sql.table(name)} as x`,
  );
  const { rows } = await sql<{
    name: string;
    state: string;
  }>`${sql.join(perTable, sql` union all `)}`.execute(t.database.db);
  return Object.fromEntries(rows.map((row) => [row.name, row.state]));
}

interface Expected {
  status: number;
  code: string;
  /** A details entry with this path must be there; with `only`, it must be the one entry. */
  path?: string;
  only?: boolean;
}

/** Sends the request and checks the answer, and that not one row anywhere changed. */
async function expectRefused(client: Client | null, request: Sent, expected: Expected): Promise<void> {
  const before = await fingerprint();
  const response = await send(client, request);
  const label = `${request.method} ${request.url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, label).toBe(expected.status);
  const { error } = response.json() as {
    error: { code: string; message: string; details?: { path: string; message: string }[] };
  };
  expect(error.code, label).toBe(expected.code);
  expect(error.message.length).toBeGreaterThan(0);
  if (expected.path) {
    const paths = (error.details ?? []).map((issue) => issue.path);
    expect(paths, label).toContain(expected.path);
    if (expected.only) expect(paths, label).toHaveLength(1);
  }
  expect(await fingerprint()).toEqual(before);
}

function wrongTypeFor(schema: Schema): unknown {
  const branch = schema.anyOf?.find((option) => option.type !== 'null') ?? schema;
  const type = Array.isArray(branch.type) ? branch.type.find((option) => option !== 'null') : branch.type;
  if (type === 'integer' || type === 'number') return 'seven';
  if (type === 'boolean') return 'yes';
  if (type === 'array') return 'not a list';
  if (type === 'object') return 'not an object';
  return 12345;
}

const clientFor = (route: Route) => (route.isPublic ? null : admin);

describe('malformed JSON', () => {
  it.each(writes.map((route) => [route.key, route] as const))('%s → 400 bad_request', async (_key, route) => {
    await expectRefused(
      clientFor(route),
      {
        method: route.method,
        url: fill(route),
        payload: '{"name": "unterminated',
        headers: { 'content-type': 'application/json' },
      },
      { status: 400, code: 'bad_request' },
    );
  });

  it('an empty JSON body, and JSON that is not an object, are refused too', async () => {
    const route = '/api/leads';
    await expectRefused(
      admin,
      { method: 'POST', url: route, payload: '', headers: { 'content-type': 'application/json' } },
      { status: 400, code: 'bad_request' },
    );
    for (const payload of ['null', '[1, 2]', '"a lead"', '42']) {
      await expectRefused(
        admin,
        { method: 'POST', url: route, payload, headers: { 'content-type': 'application/json' } },
        { status: 400, code: 'validation_failed', path: 'body', only: true },
      );
    }
  });
});

describe('a body over the 64 KiB limit', () => {
  it.each(writes.map((route) => [route.key, route] as const))(
    '%s → 413 payload_too_large',
    async (_key, route) => {
      const payload = { ...(validBodies[route.key]?.() ?? {}), padding: 'x'.repeat(64 * 1024 + 1) };
      await expectRefused(
        clientFor(route),
        { method: route.method, url: fill(route), payload },
        { status: 413, code: 'payload_too_large' },
      );
    },
  );
});

describe('a content type other than JSON', () => {
  it.each(writes.map((route) => [route.key, route] as const))(
    '%s → 400 bad_request for a form',
    async (_key, route) => {
      await expectRefused(
        clientFor(route),
        {
          method: route.method,
          url: fill(route),
          payload: 'title=x&name=y',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        { status: 400, code: 'bad_request' },
      );
    },
  );

  it('plain text where an object belongs is a validation error on the body', async () => {
    await expectRefused(
      admin,
      {
        method: 'POST',
        url: '/api/leads',
        payload: 'a lead, please',
        headers: { 'content-type': 'text/plain' },
      },
      { status: 400, code: 'validation_failed', path: 'body', only: true },
    );
  });
});

describe('unknown fields', () => {
  it.each(withBody.map((route) => [route.key, route] as const))(
    '%s → 400 that mentions the field',
    async (_key, route) => {
      const payload = { ...(validBodies[route.key]?.() ?? {}), unexpected: true };
      const before = await fingerprint();
      const response = await send(clientFor(route), { method: route.method, url: fill(route), payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(JSON.stringify(response.json().error.details)).toContain('unexpected');
      expect(await fingerprint()).toEqual(before);
    },
  );

  it('are named by their path, like every other field at fault', async () => {
    await expectRefused(
      admin,
      { method: 'POST', url: '/api/leads', payload: { title: 'Лид', unexpected: true } },
      { status: 400, code: 'validation_failed', path: 'body.unexpected', only: true },
    );
    await expectRefused(
      admin,
      { method: 'GET', url: '/api/leads?surprise=1' },
      { status: 400, code: 'validation_failed', path: 'querystring.surprise', only: true },
    );
  });
});

describe('a field of the wrong type', () => {
  it.each(withBody.map((route) => [route.key, route] as const))(
    '%s → 400 naming the field',
    async (_key, route) => {
      const [field, schema] = Object.entries(route.body?.properties ?? {})[0] ?? [];
      if (!field || !schema) return;
      const payload = { ...(validBodies[route.key]?.() ?? {}), [field]: wrongTypeFor(schema) };
      await expectRefused(
        clientFor(route),
        { method: route.method, url: fill(route), payload },
        { status: 400, code: 'validation_failed', path: `body.${field}`, only: route.key in validBodies },
      );
    },
  );
});

describe('a missing required field', () => {
  const requiring = withBody.filter((route) => (route.body?.required ?? []).length > 0);
  it.each(requiring.map((route) => [route.key, route] as const))(
    '%s → 400 naming each field',
    async (_key, route) => {
      for (const field of route.body?.required ?? []) {
        const { [field]: _left, ...payload } = validBodies[route.key]?.() ?? {};
        await expectRefused(
          clientFor(route),
          { method: route.method, url: fill(route), payload },
          { status: 400, code: 'validation_failed', path: `body.${field}`, only: route.key in validBodies },
        );
      }
    },
  );
});

describe('a NUL character in a text field', () => {
  // PostgreSQL cannot store U+0000 in text; the schema must refuse it before the database does.
  it.each([
    ['POST /api/leads', 'title'],
    ['PATCH /api/leads/{id}', 'title'],
    ['POST /api/departments', 'name'],
    ['PATCH /api/departments/{id}', 'name'],
    ['PATCH /api/users/{id}', 'name'],
    ['PATCH /api/auth/profile', 'name'],
    ['POST /api/api-tokens', 'name'],
  ])('%s %s → 400 naming the field', async (key, field) => {
    const route = routes.find((candidate) => candidate.key === key) as Route;
    const payload = { ...(validBodies[key]?.() ?? {}), [field]: 'Окна\u0000для школы' };
    await expectRefused(
      admin,
      { method: route.method, url: fill(route), payload },
      { status: 400, code: 'validation_failed', path: `body.${field}`, only: true },
    );
  });
});

describe('a malformed id in the path', () => {
  const cases = routes.flatMap((route) =>
    route.pathParams.map((parameter) => [`${route.key} {${parameter.name}}`, route, parameter.name] as const),
  );
  it.each(cases)('%s → 400 naming params', async (_label, route, name) => {
    await expectRefused(
      clientFor(route),
      {
        method: route.method,
        url: fill(route, { [name]: 'not-a-uuid' }),
        payload: validBodies[route.key]?.(),
      },
      { status: 400, code: 'validation_failed', path: `params.${name}`, only: true },
    );
  });

  it('GET /api/leads/not-a-uuid names params.id first', async () => {
    const response = await admin.request('GET', '/api/leads/not-a-uuid');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('params.id');
  });
});

describe('an id that does not exist', () => {
  // Routes with a body are only tried when a valid body is known: otherwise validation answers first.
  const cases = routes.filter(
    (route) =>
      route.pathParams.some((p) => p.name === 'id') &&
      (!route.body || route.key in validBodies) &&
      route.path !== '/api/history/{entity}/{id}',
  );
  it.each(cases.map((route) => [route.key, route] as const))('%s → 404 not_found', async (_key, route) => {
    await expectRefused(
      admin,
      { method: route.method, url: fill(route, { id: randomUUID() }), payload: validBodies[route.key]?.() },
      { status: 404, code: 'not_found' },
    );
  });

  const history = routes.find((route) => route.path === '/api/history/{entity}/{id}');
  const entities = (history?.pathParams.find((p) => p.name === 'entity')?.schema.enum ?? []) as string[];
  it.each(entities)('GET /api/history/%s/{unknown id} → 404 not_found', async (entity) => {
    await expectRefused(
      admin,
      { method: 'GET', url: `/api/history/${entity}/${randomUUID()}` },
      { status: 404, code: 'not_found' },
    );
  });
});

describe('bad query parameters', () => {
  it.each([
    ['/api/leads?limit=abc', 'querystring.limit'],
    ['/api/leads?limit=0', 'querystring.limit'],
    ['/api/leads?limit=100000', 'querystring.limit'],
    ['/api/leads?status=lost_forever', 'querystring.status'],
    ['/api/history/lead/{lead}?limit=0', 'querystring.limit'],
    ['/api/history/lead/{lead}?limit=many', 'querystring.limit'],
  ])('GET %s → 400 naming %s', async (url, path) => {
    await expectRefused(
      admin,
      { method: 'GET', url: url.replace('{lead}', fixtures.lead) },
      { status: 400, code: 'validation_failed', path, only: true },
    );
  });
});

describe('an expired session', () => {
  const guarded = routes.filter((route) => !route.isPublic && route.method !== 'HEAD');
  it.each(guarded.map((route) => [route.key, route] as const))(
    '%s → 401 session_expired',
    async (_key, route) => {
      await expectRefused(
        expired,
        { method: route.method, url: fill(route), payload: validBodies[route.key]?.() },
        { status: 401, code: 'session_expired' },
      );
    },
  );
});

describe('ids of another workspace in a body', () => {
  it.each([
    ['POST /api/leads', 'responsibleId', () => other.users.managerA.id],
    ['PATCH /api/leads/{id}', 'responsibleId', () => other.users.managerA.id],
    ['PATCH /api/users/{id}', 'departmentId', () => other.departmentId],
    ['POST /api/departments', 'parentId', () => other.departmentId],
    ['POST /api/departments', 'headId', () => other.users.head.id],
    ['PATCH /api/departments/{id}', 'parentId', () => other.departmentId],
    ['PATCH /api/departments/{id}', 'headId', () => other.users.head.id],
    ['POST /api/invitations', 'departmentId', () => other.departmentId],
  ] as const)('%s with %s from elsewhere → 400 naming the field', async (key, field, foreignId) => {
    const route = routes.find((candidate) => candidate.key === key) as Route;
    const payload = { ...(validBodies[key]?.() ?? {}), [field]: foreignId() };
    await expectRefused(
      admin,
      { method: route.method, url: fill(route), payload },
      { status: 400, code: 'validation_failed', path: `body.${field}`, only: true },
    );
  });
});
