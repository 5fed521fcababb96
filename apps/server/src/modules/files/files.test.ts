import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { startInstance } from '../processes/runtime';

let t: TestApp;
let team: Team;
let owner: Client;
let manager: Client;
let stranger: Client;

// A few bytes that are not text: a PDF header, a NUL and bytes above 0x7f.
const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]),
  Buffer.from('\n%%EOF'),
]);

const upload = (client: Client, name: string, body: Buffer, type = 'application/pdf') =>
  client.request('POST', `/api/files?name=${encodeURIComponent(name)}`, body, { 'content-type': type });

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'files');
  const other = await createTeam(t, 'files-other');
  owner = await signIn(t.app, team.users.owner.email);
  manager = await signIn(t.app, team.users.managerA.email);
  stranger = await signIn(t.app, other.users.owner.email);
});

describe('files', () => {
  it('stores an upload byte for byte and serves it back as an attachment with its Cyrillic name', async () => {
    const created = await upload(manager, 'Договор №5.pdf', pdf);
    expect(created.statusCode, created.body).toBe(201);
    const file = created.json();
    expect(file).toMatchObject({ name: 'Договор №5.pdf', contentType: 'application/pdf', size: pdf.length });

    const fetched = await manager.request('GET', `/api/files/${file.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.rawPayload.equals(pdf)).toBe(true);
    expect(fetched.headers['content-type']).toBe('application/pdf');
    expect(fetched.headers['content-disposition']).toBe(
      `attachment; filename="_______ _5.pdf"; filename*=UTF-8''${encodeURIComponent('Договор №5.pdf')}`,
    );
  });

  it('keeps files inside their workspace', async () => {
    const file = (await upload(owner, 'secret.txt', Buffer.from('only ours'), 'text/plain')).json();
    const fetched = await stranger.request('GET', `/api/files/${file.id}`);
    expect(fetched.statusCode).toBe(404);
    expect(fetched.json().error.code).toBe('not_found');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/files/${file.id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an upload without a name, an empty file and one over the size limit', async () => {
    const unnamed = await manager.request('POST', '/api/files', pdf, { 'content-type': 'application/pdf' });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.details[0].path).toBe('querystring.name');

    const empty = await upload(manager, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('body');

    const huge = await upload(
      manager,
      'huge.bin',
      Buffer.alloc(20 * 1024 * 1024 + 1),
      'application/octet-stream',
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    const count = await t.database.db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('workspace_id', '=', team.workspaceId)
      .where('name', 'in', ['empty.pdf', 'huge.bin'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('needs the write scope to upload with an API token', async () => {
    const { token } = (
      await owner.request('POST', '/api/api-tokens', { name: 'read only', scopes: ['read'] })
    ).json();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/files?name=a.txt',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(refused.statusCode).toBe(403);
  });
});

let keys = 0;
// A process id is unique per workspace: each test publishes its own.
const xml = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="send" name="Attach the contract">
      <bpmn:extensionElements>
        <voronka:assignee kind="initiator" />
        <voronka:form><voronka:field id="document" label="Contract" type="file" required="true" /></voronka:form>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="send" />
    <bpmn:sequenceFlow id="f2" sourceRef="send" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('a file attached to a process task', () => {
  async function openTask(
    initiatorId = team.users.owner.id,
  ): Promise<{ taskId: string; instanceId: string }> {
    keys += 1;
    const created = (
      await owner.request('POST', '/api/processes', { name: `Attach ${keys}`, xml: xml(`attach-${keys}`) })
    ).json();
    const published = (await owner.request('POST', `/api/processes/${created.id}/publish`)).json();
    const instanceId = await t.database.db.transaction().execute((trx) =>
      startInstance(trx, t.processes!, {
        workspaceId: team.workspaceId,
        definitionId: created.id,
        versionId: published.versions[0].id,
        initiatorId,
      }),
    );
    const tasks = (
      await owner.request('GET', `/api/process-tasks?instanceId=${instanceId}&scope=all`)
    ).json();
    return { taskId: tasks.items[0].id, instanceId };
  }

  it('becomes the task value and the process variable as stored, whatever the client said of it', async () => {
    const file = (await upload(owner, 'Договор.pdf', pdf)).json();
    const { taskId, instanceId } = await openTask();
    const done = await owner.request('POST', `/api/process-tasks/${taskId}/complete`, {
      values: { document: { id: file.id, name: 'renamed.exe', size: 1 } },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().values.document).toEqual(file);
    const instance = (await owner.request('GET', `/api/process-instances/${instanceId}`)).json();
    expect(instance.status).toBe('completed');
    expect(instance.variables.document).toEqual(file);
  });

  it('refuses a file of another workspace or none at all, naming the field, and leaves the task open', async () => {
    const theirs = (await upload(stranger, 'theirs.pdf', pdf)).json();
    const { taskId } = await openTask();
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const refused = await owner.request('POST', `/api/process-tasks/${taskId}/complete`, {
        values: { document: { id } },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].path).toBe('body.values.document');
    }
    const task = (await owner.request('GET', `/api/process-tasks/${taskId}`)).json();
    expect(task.status).toBe('open');
    expect(task.values).toEqual({});
  });

  it('still takes a link instead of a file', async () => {
    const { taskId } = await openTask();
    const done = await owner.request('POST', `/api/process-tasks/${taskId}/complete`, {
      values: { document: 'https://disk.example/contract.pdf' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().values.document).toBe('https://disk.example/contract.pdf');
  });

  it('lets the uploader, and then whoever sees the process, download it; nobody else', async () => {
    const managerB = await signIn(t.app, team.users.managerB.email);
    const head = await signIn(t.app, team.users.head.email);
    const file = (await upload(manager, 'Счёт.pdf', pdf)).json();
    // Not attached yet: the uploader's alone, even for the owner.
    expect((await owner.request('GET', `/api/files/${file.id}`)).statusCode).toBe(404);
    // Another manager cannot carry it into their own task by its id.
    const theirs = await openTask(team.users.managerB.id);
    const carried = await managerB.request('POST', `/api/process-tasks/${theirs.taskId}/complete`, {
      values: { document: { id: file.id } },
    });
    expect(carried.statusCode).toBe(400);
    expect(carried.json().error.details[0].path).toBe('body.values.document');

    const mine = await openTask(team.users.managerA.id);
    const done = await manager.request('POST', `/api/process-tasks/${mine.taskId}/complete`, {
      values: { document: { id: file.id } },
    });
    expect(done.statusCode, done.body).toBe(200);
    for (const [client, status] of [
      [manager, 200],
      [owner, 200],
      [head, 200],
      [managerB, 404], // own visibility, and neither the initiator nor holding a task of that process
    ] as const) {
      expect((await client.request('GET', `/api/files/${file.id}`)).statusCode).toBe(status);
    }
    // Attached to one process, it is not moved into another one, even by its uploader.
    const again = await openTask(team.users.managerA.id);
    const moved = await manager.request('POST', `/api/process-tasks/${again.taskId}/complete`, {
      values: { document: { id: file.id } },
    });
    expect(moved.statusCode).toBe(400);
    const row = await t.database.db
      .selectFrom('files')
      .select('instance_id')
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(row.instance_id).toBe(mine.instanceId);
  });
});
