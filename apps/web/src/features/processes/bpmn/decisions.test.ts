import { compileProcess } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { decisionsProperties, readDecisions } from './decisions';
import { definitionsXml, elementsOf, testModdle } from './test-moddle';

const task = (attributes: string) => `
<bpmn:startEvent id="start" />
<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
<bpmn:userTask id="approve" name="Согласовать"${attributes} />
<bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
<bpmn:endEvent id="end" />`;

describe('decisions of an approval task', () => {
  it('reads the known decisions in their usual order, none on a plain task', async () => {
    const moddle = testModdle();
    const read = async (attributes: string) => {
      const { rootElement } = await moddle.fromXML(definitionsXml(task(attributes)));
      return readDecisions(elementsOf(rootElement).get('approve')!);
    };
    expect(await read(' voronka:decisions="reject approve"')).toEqual(['approve', 'reject']);
    expect(await read(' voronka:decisions="approve,maybe revise"')).toEqual(['approve', 'revise']);
    expect(await read('')).toEqual([]);
  });

  it('writes what the engine compiles, and removes the attribute when none is left', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(task('')));
    const approve = elementsOf(rootElement).get('approve')! as unknown as {
      set(name: string, value: unknown): void;
    };
    for (const [name, value] of Object.entries(decisionsProperties(['revise', 'approve'])))
      approve.set(name, value);
    const { xml } = await moddle.toXML(rootElement);
    expect(xml).toContain('voronka:decisions="approve revise"');
    const compiled = await compileProcess(xml);
    expect(compiled.ok && compiled.graph.elements.approve!.userTask).toEqual({
      decisions: ['approve', 'revise'],
    });
    for (const [name, value] of Object.entries(decisionsProperties([]))) approve.set(name, value);
    expect((await moddle.toXML(rootElement)).xml).not.toContain('voronka:decisions');
  });
});
