import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';
import { startInstance } from './runtime';

// Two reviews in parallel, joined, then one service step that counts how often the join let a token through.
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="two-reviews" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:parallelGateway id="fork" />
    <bpmn:userTask id="legal" name="Legal"><bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="finance" name="Finance"><bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:parallelGateway id="join" />
    <bpmn:serviceTask id="after">
      <bpmn:extensionElements>
        <voronka:action name="variables.set"><voronka:param name="joined">joined + 1</voronka:param></voronka:action>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="legal" />
    <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="finance" />
    <bpmn:sequenceFlow id="f4" sourceRef="legal" targetRef="join" />
    <bpmn:sequenceFlow id="f5" sourceRef="finance" targetRef="join" />
    <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="after" />
    <bpmn:sequenceFlow id="f7" sourceRef="after" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

let t: TestApp;
let team: Team;
let owner: Client;

beforeAll(async () => {
  t = await startTestApp({ processes: true });
  team = await createTeam(t, 'concurrency');
  owner = await signIn(t.app, team.users.owner.email);
});

describe('one instance advanced by two requests at once', () => {
  // The second step waits for the first one's lock on the instance; it must then see the tokens the first
  // one wrote, not the ones its statement's snapshot held (PostgreSQL re-reads only the locked row).
  it('completes both parallel tasks of every instance at the same moment: each join fires exactly once', async () => {
    const created = (await owner.request('POST', '/api/processes', { name: 'Two reviews', xml })).json();
    const published = await owner.request('POST', `/api/processes/${created.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const versionId = published.json().versions[0].id as string;
    const ids: string[] = [];
    await t.database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 40; n++) {
        ids.push(
          await startInstance(trx, t.processes!, {
            workspaceId: team.workspaceId,
            definitionId: created.id,
            versionId,
            variables: { joined: 0 },
            initiatorId: team.users.owner.id,
          }),
        );
      }
    });
    const tasks = await t.database.db
      .selectFrom('process_tasks')
      .select(['id', 'instance_id'])
      .where(sql<boolean>`instance_id = any(${ids}::uuid[])`)
      .where('status', '=', 'open')
      .execute();
    expect(tasks).toHaveLength(80);

    const answers = await Promise.all(
      tasks.map((task) => owner.request('POST', `/api/process-tasks/${task.id}/complete`, { values: {} })),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(tasks.map(() => 200));

    const instances = await t.database.db
      .selectFrom('process_instances')
      .select(['status', 'variables'])
      .where(sql<boolean>`id = any(${ids}::uuid[])`)
      .execute();
    expect(instances.filter((instance) => instance.status !== 'completed')).toEqual([]);
    expect(instances.map((instance) => instance.variables.joined)).toEqual(ids.map(() => 1));
    const tokensLeft = await t.database.db
      .selectFrom('process_tokens')
      .select('id')
      .where(sql<boolean>`instance_id = any(${ids}::uuid[])`)
      .execute();
    expect(tokensLeft).toEqual([]);
  });
});
