import type { LightMyRequestResponse } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
  uniqueEmail,
} from '../../../test/test-app';

// Workspace A calls every endpoint of the API, as listed in the OpenAPI document, with the ids of
// workspace B's records. Nothing of B may come back, and not one of B's rows may change.

interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  minimum?: number;
  minItems?: number;
}

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema: Schema }[];
  body: Schema | null;
}

type Body = Record<string, unknown>;

interface Probe {
  method: string;
  url: string;
  body?: unknown;
  /**
   * refused: a 4xx from the route itself, not from authentication; found: anything but a 404, a 5xx
   * or an authentication failure; shown: no 5xx, and nothing of B in a 2xx.
   */
  expect: 'refused' | 'found' | 'shown';
  /** For a refusal: the details entry that must name the field at fault. */
  field?: string;
}

type Send = (method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>;

/** Endpoints the sweep cannot call through inject, and where their isolation is proven instead. */
const notProbed: Record<string, string> = {
  'GET /api/events': 'an endless stream; events.test.ts proves one workspace never hears another',
  'GET /api/public/forms/{key}':
    'public, found by a form’s random key, not an id: it reaches that form’s workspace only',
  'POST /api/public/forms/{key}':
    'public, found by a form’s random key, not an id: it reaches that form’s workspace only',
};
/** Body fields that name a user; `parentId` and merge sources name a record of the route's own kind. */
const userFields = new Set(['responsibleId', 'headId', 'userId', 'ownerId', 'assigneeId', 'createdBy']);
const sameKindFields = new Set(['parentId', 'sourceId', 'targetId']);

let t: TestApp;
let a: Team;
let b: Team;
let aToken: string;
let operations: Operation[];
let scopedTables: Set<string>;
let bBefore: Record<string, unknown[]>;
let bMarkers: string[];

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  a = await createTeam(t, 'Alpha');
  b = await createTeam(t, 'Bravo');
  operations = await listOperations();
  scopedTables = await listScopedTables();
  await createOneOfEverything(a);
  await createOneOfEverything(b);
  const owner = await signIn(t.app, a.users.owner.email);
  const scopes = ['read', 'write', 'admin'];
  aToken = (await owner.request('POST', '/api/api-tokens', { name: 'Alpha probe', scopes })).json().token;
  bBefore = await rowsOf(b);
  bMarkers = markersOf(b, bBefore);
});

type Document = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
};

async function listOperations(): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

async function listScopedTables(): Promise<Set<string>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'workspace_id'`.execute(t.database.db);
  return new Set(rows.map((row) => row.table_name));
}

// ─── Where records live ─────────────────────────────────────────────────────────────────────────

/** `leads` → leads, `api-tokens` → api_tokens, `lead` → leads, `company` → companies; null if none. */
function tableFor(word: string): string | null {
  // Routes whose table is not named after them.
  const aliases: Record<string, string> = {
    views: 'saved_views',
    processes: 'process_definitions',
    'process-messages': 'process_instances',
    // A PBX's report of a call becomes an activity (and a lead for an unknown number).
    telephony: 'activities',
  };
  if (aliases[word]) return aliases[word];
  const snake = word.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replaceAll('-', '_');
  const candidates = [snake, snake.endsWith('y') ? `${snake.slice(0, -1)}ies` : `${snake}s`];
  return candidates.find((candidate) => scopedTables.has(candidate)) ?? null;
}

function requireTable(word: string, where: string): string {
  const table = tableFor(word);
  if (!table)
    throw new Error(`${where}: no table for "${word}"; teach tenant-isolation.test.ts where it lives`);
  return table;
}

/** The table of the records a path is about: the segment after /api/. */
function ownTableOf(path: string): string {
  return requireTable(path.split('/')[2] ?? '', path);
}

/** The table a reference field points into, or null when this test cannot tell. */
function tableOfField(field: string, ownTable: string, body: Body): string | null {
  if (userFields.has(field)) return 'users';
  if (sameKindFields.has(field)) return ownTable;
  // A link to a record of any kind names the kind beside it: { entity: 'deal', recordId }.
  if (field === 'recordId') return typeof body.entity === 'string' ? tableFor(body.entity) : null;
  return tableFor(field.replace(/Id$/, ''));
}

async function idsIn(table: string, team: Team): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id::text as id from ${sql.table(table)}
    where workspace_id = ${team.workspaceId} order by id`.execute(t.database.db);
  return rows.map((row) => row.id);
}

/** Fills every `{placeholder}`: `{id}` with the team's records of the kind before it, an enum with each option. */
async function expandPath(op: Operation, team: Team, path = op.path): Promise<string[]> {
  const match = /\{(\w+)\}/.exec(path);
  if (!match) return [path];
  const [placeholder, name = ''] = match;
  const parameter = op.parameters.find((p) => p.in === 'path' && p.name === name);
  const kind =
    name === 'id'
      ? (path
          .slice(0, match.index - 1)
          .split('/')
          .pop() ?? '')
      : name.replace(/Id$/, '');
  const values = parameter?.schema.enum
    ? parameter.schema.enum.map(String)
    : await idsIn(requireTable(kind, op.path), team);
  const urls = await Promise.all(
    values.map((value) => expandPath(op, team, path.replace(placeholder, value))),
  );
  return urls.flat();
}

// ─── Bodies the routes accept ───────────────────────────────────────────────────────────────────

const isUuid = (schema: Schema): boolean => schema.format === 'uuid' || (schema.anyOf ?? []).some(isUuid);
const isNullable = (schema: Schema) =>
  (schema.anyOf ?? []).some((option) => option.type === 'null') ||
  (Array.isArray(schema.type) && schema.type.includes('null'));

function referenceFields(schema: Schema | null): string[] {
  return Object.entries(schema?.properties ?? {})
    .filter(([, value]) => isUuid(value))
    .map(([key]) => key);
}

function requiredOnly(schema: Schema): Schema {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {}).filter(([key]) => required.has(key));
  return { ...schema, properties: Object.fromEntries(properties) };
}

/** A value the schema accepts, except that references are left null for `ownBody` to fill. */
function sample(name: string, schema: Schema): unknown {
  const branch = schema.anyOf?.find((option) => option.type !== 'null');
  if (branch) return sample(name, branch);
  // The widest visibility, so the sweep never narrows what A's owner sees.
  if (name === 'visibility') return 'all';
  // A website form must ask for a way to reach the visitor; a call needs a number.
  if (name === 'field') return 'phone';
  if (name === 'phone') return '+7 900 000-00-00';
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((option) => option !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, sample(key, inner)]),
      );
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        sample(name, schema.items ?? {}),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      if (schema.format === 'uuid') return null;
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
      if (schema.format === 'uri') return 'https://example.com/probe';
      if (name.toLowerCase().includes('email')) return uniqueEmail('probe');
      return 'probe value'.padEnd(Math.max(schema.minLength ?? 0, 12), '.');
  }
}

/** A generated body whose references that cannot be null point at the team's own records. */
async function ownBody(schema: Schema, team: Team, ownTable: string): Promise<Body> {
  const body = sample('body', schema) as Body;
  await fillReferences(schema, body, team, ownTable);
  return body;
}

async function fillReferences(schema: Schema, value: Body, team: Team, ownTable: string): Promise<void> {
  for (const [field, inner] of Object.entries(schema.properties ?? {})) {
    const nested = inner.anyOf?.find((option) => option.properties) ?? inner;
    if (nested.properties && value[field] && typeof value[field] === 'object') {
      await fillReferences(nested, value[field] as Body, team, ownTable);
    } else if (field in value && isUuid(inner) && !isNullable(inner)) {
      const table = tableOfField(field, ownTable, value);
      value[field] = table ? (await idsIn(table, team))[0] : undefined;
    }
  }
}

/** The parts of a record that a body schema declares: a record's own state is a body its route accepts. */
function pick(schema: Schema, value: unknown): unknown {
  const branch = schema.anyOf?.find((option) => option.type !== 'null');
  if (value === null || value === undefined) return value;
  if (branch) return pick(branch, value);
  if (Array.isArray(value) && schema.items) return value.map((item) => pick(schema.items as Schema, item));
  if (typeof value === 'object' && schema.properties) {
    const record = value as Body;
    const declared = Object.entries(schema.properties).filter(([key]) => key in record);
    return Object.fromEntries(declared.map(([key, inner]) => [key, pick(inner, record[key])]));
  }
  return value;
}

// ─── The two workspaces ─────────────────────────────────────────────────────────────────────────

/**
 * Records of every kind for the sweep to aim at: a lead, an empty department (so that a wrongly
 * allowed delete would succeed), an invitation, an API token, a custom field (no generated body meets
 * its key format) and a website form; then one of every other kind the
 * API creates, from a generated body, for tables the workspace has no rows in yet.
 */
async function createOneOfEverything(team: Team): Promise<void> {
  const owner = await signIn(t.app, team.users.owner.email);
  const created = await Promise.all([
    owner.request('POST', '/api/leads', { title: 'Lead of the team', responsibleId: team.users.managerA.id }),
    owner.request('POST', '/api/departments', { name: 'Empty department', parentId: team.departmentId }),
    owner.request('POST', '/api/invitations', { email: uniqueEmail('invitee'), role: 'manager' }),
    owner.request('POST', '/api/api-tokens', { name: 'Token of the team', scopes: ['read'] }),
    owner.request('POST', '/api/custom-fields', {
      entity: 'deal',
      key: 'probe',
      label: 'Probe',
      type: 'text',
    }),
    // A generated body asks no phone or e-mail, which a form must.
    owner.request('POST', '/api/web-forms', { name: 'Form of the team', fields: [{ field: 'phone' }] }),
  ]);
  expect(created.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
  const creators = operations.filter(
    (op) =>
      op.method === 'POST' && op.body && /^\/api\/[\w-]+$/.test(op.path) && !op.path.startsWith('/api/auth/'),
  );
  // A few rounds, so that records which reference others (a contact's company) come after them.
  for (let round = 0; round < 3; round++) {
    for (const op of creators) {
      const table = ownTableOf(op.path);
      if ((await idsIn(table, team)).length > 0) continue;
      await owner.request('POST', op.path, await ownBody(requiredOnly(op.body as Schema), team, table));
    }
  }
  // A running process instance on the team's lead, with an inbox task and an incident (an action with no
  // parameters). It runs on leads, as the generated one runs on some record type: whichever of the two a
  // probe starts, a record of B is refused on the field that names it.
  const process = (
    await owner.request('POST', '/api/processes', { name: 'Probe', xml: probeProcess, runsOn: 'lead' })
  ).json();
  expect((await owner.request('POST', `/api/processes/${process.id}/publish`)).statusCode).toBe(200);
  const lead = created[0]!.json().id as string;
  const started = await owner.request('POST', `/api/processes/${process.id}/start`, {
    entity: 'lead',
    recordId: lead,
  });
  expect(started.statusCode, started.body).toBe(201);
  // A file: uploads take bytes, not a JSON body, so the generated creators above cannot make one.
  const file = await owner.request(
    'POST',
    '/api/files?name=probe.txt',
    Buffer.from(`file of ${team.workspaceId}`),
    {
      'content-type': 'text/plain',
    },
  );
  expect(file.statusCode).toBe(201);
}

const probeProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="probe" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="task" name="Probe task"><bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:serviceTask id="broken"><bpmn:extensionElements><voronka:action name="crm.createTask" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="task" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="broken" />
  </bpmn:process>
</bpmn:definitions>`;

/** Every row of the team's workspace in every table, in a stable order. */
async function rowsOf(team: Team): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    t.database.db,
  );
  const emails = Object.values(team.users).map((user) => user.email);
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    let theirs: RawBuilder<unknown>;
    if (scopedTables.has(name)) theirs = sql`workspace_id = ${team.workspaceId}`;
    else if (name === 'workspaces') theirs = sql`id = ${team.workspaceId}`;
    else if (name === 'login_attempts') theirs = sql`email in (${sql.join(emails)})`;
    else if (name.startsWith('kysely_'))
      continue; // migration bookkeeping, shared by all workspaces
    else
      throw new Error(
        `Table ${name} has no workspace_id: teach tenant-isolation.test.ts whose rows are whose`,
      );
    const { rows } = await sql<{ row: unknown }>`
      select to_jsonb(x) as row from ${sql.table(name)} as x
      where ${theirs} order by to_jsonb(x)::text`.execute(t.database.db);
    snapshot[name] = rows.map((row) => row.row);
  }
  return snapshot;
}

/** Strings that must never reach A: B's ids and emails, and the label every B name carries. */
function markersOf(team: Team, rows: Record<string, unknown[]>): string[] {
  const ids = Object.values(rows)
    .flat()
    .map((row) => (row as { id?: unknown }).id)
    .filter((id): id is string => typeof id === 'string' && id.length === 36);
  const emails = Object.values(team.users).map((user) => user.email);
  return [...new Set([team.workspaceId, ...ids, ...emails, 'bravo'])];
}

// ─── Probes ─────────────────────────────────────────────────────────────────────────────────────

/**
 * B's record in the path, with a body the route accepts: A's own record of that kind when the path
 * can be read, else a generated one. A control goes first and must find A's own record, so that a
 * 404 for B's cannot come from a path filled with the wrong kind of record: the request itself when
 * it is a read or an edit, else (actions, deletes) a read of the record the path starts with.
 */
async function foreignPathProbes(op: Operation, send: Send): Promise<Probe[]> {
  const [ownUrl] = await expandPath(op, a);
  const foreignUrls = await expandPath(op, b);
  if (!ownUrl || foreignUrls.length === 0) return [];
  const readable = (path: string) =>
    operations.some((other) => other.method === 'GET' && other.path === path);
  let body: unknown;
  if (op.body) {
    body = readable(op.path)
      ? pick(op.body, (await send('GET', ownUrl)).json())
      : await ownBody(op.body, a, ownTableOf(op.path));
  }
  const recordPath = op.path.replace(/^(\/api\/[\w-]+\/\{id\}).*$/, '$1');
  const recordUrl = ownUrl.split('/').slice(0, recordPath.split('/').length).join('/');
  const control: Probe[] = ['GET', 'PUT', 'PATCH'].includes(op.method)
    ? [{ method: op.method, url: ownUrl, body, expect: 'found' }]
    : readable(recordPath)
      ? [{ method: 'GET', url: recordUrl, expect: 'found' }]
      : [];
  return [
    ...control,
    ...foreignUrls.map((url): Probe => ({ method: op.method, url, body, expect: 'refused' })),
  ];
}

/** A's own record in the path (if any), and one of B's records in one reference field of the body. */
async function foreignReferenceProbes(op: Operation): Promise<Probe[]> {
  const schema = op.body as Schema;
  const [url = op.path] = await expandPath(op, a);
  const ownTable = ownTableOf(op.path);
  const probes: Probe[] = [];
  for (const field of referenceFields(schema)) {
    const body = await ownBody(requiredOnly(schema), a, ownTable);
    if (field === 'recordId' && schema.properties?.entity && !('entity' in body)) {
      body.entity = sample('entity', schema.properties.entity);
    }
    const table = tableOfField(field, ownTable, body);
    const [foreignId] = table ? await idsIn(table, b) : [];
    if (!foreignId) continue;
    probes.push({
      method: op.method,
      url,
      body: { ...body, [field]: foreignId },
      expect: 'refused',
      field: `body.${field}`,
    });
  }
  return probes;
}

async function ownProbes(op: Operation): Promise<Probe[]> {
  const body = op.body ? sample('body', op.body) : undefined;
  return (await expandPath(op, a)).map((url): Probe => ({ method: op.method, url, body, expect: 'shown' }));
}

const hasIdInPath = (op: Operation) => /\{\w*[iI]d\}/.test(op.path);
const probed = () => operations.filter((op) => !(`${op.method} ${op.path}` in notProbed));
const authFailures = ['unauthenticated', 'session_expired', 'csrf_failed'];

/** Sends each probe with a fresh caller (one of them may be a logout) and describes every wrong answer. */
async function sweep(probes: Probe[], newCaller: () => Promise<Send>): Promise<string[]> {
  const wrong: string[] = [];
  for (const probe of probes) {
    const response = await (await newCaller())(probe.method, probe.url, probe.body);
    const status = response.statusCode;
    const body = response.body.toLowerCase();
    const error =
      status >= 400
        ? (response.json() as { error: { code: string; details?: { path: string }[] } }).error
        : null;
    const refused =
      status >= 400 &&
      status < 500 &&
      !authFailures.includes(error?.code ?? '') &&
      (!probe.field || (error?.details ?? []).some((issue) => issue.path === probe.field));
    const shown =
      status < 500 && !(status < 300 && bMarkers.some((marker) => body.includes(marker.toLowerCase())));
    const found = status < 500 && status !== 404 && !authFailures.includes(error?.code ?? '');
    const right = { refused, found, shown }[probe.expect];
    if (!right)
      wrong.push(`${probe.expect}: ${probe.method} ${probe.url} → ${status} ${response.body.slice(0, 160)}`);
  }
  return wrong;
}

const viaSession = async (): Promise<Send> => {
  const client = await signIn(t.app, a.users.owner.email);
  return (method, url, body) => client.request(method, url, body);
};

const viaToken = async (): Promise<Send> => (method, url, body) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${aToken}` },
    ...(body === undefined ? {} : { payload: body as object }),
  });

// ─── The tests ──────────────────────────────────────────────────────────────────────────────────

describe.each([
  ['a session of A’s owner', viaSession],
  ['an API token of A’s owner', viaToken],
])('every endpoint, called with %s', (_label, newCaller) => {
  it('refuses every path that names one of B’s records', async () => {
    const send = await newCaller();
    const byOperation: { op: Operation; probes: Probe[] }[] = [];
    for (const op of probed().filter(hasIdInPath))
      byOperation.push({ op, probes: await foreignPathProbes(op, send) });
    const unprobed = byOperation
      .filter(({ probes }) => probes.length === 0)
      .map(({ op }) => `${op.method} ${op.path}`);
    expect(unprobed).toEqual([]);
    expect(
      await sweep(
        byOperation.flatMap(({ probes }) => probes),
        newCaller,
      ),
    ).toEqual([]);
    expect(await rowsOf(b)).toEqual(bBefore);
  });

  it('refuses B’s records named in a body, and says which field', async () => {
    const withReferences = probed().filter((op) => referenceFields(op.body).length > 0);
    const probes = (await Promise.all(withReferences.map(foreignReferenceProbes))).flat();
    const described = probes.map(
      (probe) => `${probe.method} ${probe.url.replace(/[0-9a-f-]{36}/, '{id}')} ${probe.field}`,
    );
    expect(described).toEqual(
      expect.arrayContaining([
        'POST /api/leads body.responsibleId',
        'PATCH /api/leads/{id} body.responsibleId',
        'PATCH /api/users/{id} body.departmentId',
        'POST /api/departments body.parentId',
        'POST /api/departments body.headId',
        'PATCH /api/departments/{id} body.parentId',
        'PATCH /api/departments/{id} body.headId',
        'POST /api/invitations body.departmentId',
      ]),
    );
    expect(await sweep(probes, newCaller)).toEqual([]);
    expect(await rowsOf(b)).toEqual(bBefore);
  });

  it('shows nothing of B in A’s own lists and writes', async () => {
    const own = probed().filter((op) => !hasIdInPath(op) && referenceFields(op.body).length === 0);
    const probes = (await Promise.all(own.map(ownProbes))).flat();
    expect(probes.map((probe) => `${probe.method} ${probe.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/leads',
        'GET /api/users',
        'GET /api/departments',
        'GET /api/invitations',
      ]),
    );
    expect(await sweep(probes, newCaller)).toEqual([]);
    expect(await rowsOf(b)).toEqual(bBefore);
  });
});

describe('links from A’s records to B’s', () => {
  it('cannot be made: A’s lead, user and department keep pointing inside A', async () => {
    const owner = await signIn(t.app, a.users.owner.email);
    const lead = (await owner.request('POST', '/api/leads', { title: 'Alpha lead' })).json();
    const department = (
      await owner.request('POST', '/api/departments', { name: 'Alpha east', parentId: a.departmentId })
    ).json();
    await owner.request('PATCH', `/api/users/${a.users.subManager.id}`, { departmentId: department.id });

    const refusals = [
      [
        'body.responsibleId',
        await owner.request('PATCH', `/api/leads/${lead.id}`, { responsibleId: b.users.managerA.id }),
      ],
      [
        'body.parentId',
        await owner.request('PATCH', `/api/departments/${department.id}`, { parentId: b.departmentId }),
      ],
      [
        'body.departmentId',
        await owner.request('PATCH', `/api/users/${a.users.subManager.id}`, { departmentId: b.departmentId }),
      ],
    ] as const;
    for (const [path, response] of refusals) {
      expect(response.statusCode, path).toBe(400);
      expect(response.json().error.details).toEqual([expect.objectContaining({ path })]);
    }

    expect((await owner.request('GET', `/api/leads/${lead.id}`)).json().responsibleId).toBe(a.users.owner.id);
    const departments = (await owner.request('GET', '/api/departments')).json().items as {
      id: string;
      parentId: string;
    }[];
    expect(departments.find((candidate) => candidate.id === department.id)?.parentId).toBe(a.departmentId);
    const users = (await owner.request('GET', '/api/users')).json().items as {
      id: string;
      departmentId: string;
    }[];
    expect(users.find((user) => user.id === a.users.subManager.id)?.departmentId).toBe(department.id);
    expect(await rowsOf(b)).toEqual(bBefore);
  });
});
