import { expect } from 'vitest';
import type { Client } from './test-app';

/** A process of one user task for whoever started it, so a started instance stays visible as running. */
export function oneTaskProcess(key: string, taskName = 'Позвонить'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" id="d" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="${key}" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="call" name="${taskName}">
      <bpmn:extensionElements><voronka:assignee kind="initiator" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
    <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/** Creates and publishes a process, and sets its triggers when given; answers its id. */
export async function publishProcess(
  owner: Client,
  name: string,
  xml: string,
  runsOn: string | null,
  triggers: { event: string; conditions: Record<string, string> }[] = [],
): Promise<string> {
  const created = (await owner.request('POST', '/api/processes', { name, xml, runsOn })).json();
  expect(created.id, JSON.stringify(created)).toBeTruthy();
  const published = await owner.request('POST', `/api/processes/${created.id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  if (triggers.length > 0) {
    const saved = await owner.request('PUT', `/api/processes/${created.id}/triggers`, { items: triggers });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  return created.id as string;
}

/** A process's instances, waited for (triggers start them in the background) until `count` are there or 15 s pass. */
export async function instancesOf(
  owner: Client,
  definitionId: string,
  count: number,
): Promise<{ id: string; recordId: string; entity: string }[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const items = (await owner.request('GET', `/api/process-instances?definitionId=${definitionId}`)).json()
      .items;
    if (items.length >= count || Date.now() > until) return items;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
