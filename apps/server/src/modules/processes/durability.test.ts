import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { testEngine } from '../../../test/test-database';
import { startInstance } from './runtime';
import { type ProcessRuntime, startProcessRuntime } from './worker';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const instances = 1000;

// Start → wait one second → create a CRM task (the effect that must happen exactly once) → end.
const xml = (key: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait">
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="effect">
      <bpmn:extensionElements>
        <voronka:action name="crm.createTask"><voronka:param name="title">"${key} " + string(n)</voronka:param></voronka:action>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="effect" />
    <bpmn:sequenceFlow id="f3" sourceRef="effect" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/test/process-worker.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

let t: TestApp;
let team: Team;
let owner: Client;
let enqueue: ProcessRuntime;
const workers: ChildProcess[] = [];

async function startMany(key: string): Promise<void> {
  const created = (await owner.request('POST', '/api/processes', { name: key, xml: xml(key) })).json();
  const published = (await owner.request('POST', `/api/processes/${created.id}/publish`)).json();
  const versionId = published.versions[0].id as string;
  for (let first = 0; first < instances; first += 100) {
    await t.database.db.transaction().execute(async (trx) => {
      for (let n = first; n < first + 100; n++) {
        await startInstance(trx, enqueue, {
          workspaceId: team.workspaceId,
          definitionId: created.id,
          versionId,
          variables: { n },
          initiatorId: team.users.owner.id,
        });
      }
    });
  }
}

async function progress(key: string) {
  const { rows } = await sql<{ completed: string; tasks: string; distinct_tasks: string; fired: string }>`
    select
      (select count(*) from process_instances i join process_definitions d on d.id = i.definition_id
        where d.key = ${key} and i.status = 'completed') as completed,
      (select count(*) from tasks where workspace_id = ${team.workspaceId} and title like ${`${key} %`}) as tasks,
      (select count(distinct title) from tasks where workspace_id = ${team.workspaceId} and title like ${`${key} %`}) as distinct_tasks,
      (select count(*) from process_steps s join process_instances i on i.id = s.instance_id
        join process_definitions d on d.id = i.definition_id where d.key = ${key} and s.event = 'timer fired') as fired`.execute(
    t.database.db,
  );
  const row = rows[0]!;
  return {
    completed: Number(row.completed),
    tasks: Number(row.tasks),
    distinctTasks: Number(row.distinct_tasks),
    timersFired: Number(row.fired),
  };
}

async function until(key: string, done: (p: Awaited<ReturnType<typeof progress>>) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const current = await progress(key);
    if (done(current) || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// Real processes on one PostgreSQL (PGlite is a single process by design).
describe.skipIf(testEngine !== 'postgres')('durable processes', () => {
  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t, 'durable');
    owner = await signIn(t.app, team.users.owner.email);
    enqueue = await startProcessRuntime(t.database.db, { workers: false });
  }, 60_000);

  afterEach(async () => {
    for (const worker of workers.splice(0)) worker.kill('SIGKILL');
  });

  it('1,000 instances with pending timers survive SIGKILL of their worker: all complete, each effect once', async () => {
    await startMany('crash');
    const first = await startWorker(t.database.url ?? '');
    workers.push(first);
    const before = await until('crash', (p) => p.completed >= 200, 60_000);
    first.kill('SIGKILL');
    expect(before.completed).toBeGreaterThanOrEqual(200);
    expect(before.completed).toBeLessThan(instances);
    workers.push(await startWorker(t.database.url ?? ''));
    const after = await until('crash', (p) => p.completed === instances, 120_000);
    expect(after).toEqual({
      completed: instances,
      tasks: instances,
      distinctTasks: instances,
      timersFired: instances,
    });
  }, 240_000);

  it('two workers on one PostgreSQL fire each of 1,000 timers once', async () => {
    await startMany('pair');
    workers.push(
      ...(await Promise.all([startWorker(t.database.url ?? ''), startWorker(t.database.url ?? '')])),
    );
    const done = await until('pair', (p) => p.completed === instances, 120_000);
    expect(done).toEqual({
      completed: instances,
      tasks: instances,
      distinctTasks: instances,
      timersFired: instances,
    });
  }, 240_000);
});
