import { compileProcess } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { paramsForAction, readAction, writeAction } from './action';
import { definitionsXml, elementsOf, testModdle } from './test-moddle';

const process = `
<bpmn:startEvent id="start" />
<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tell" />
<bpmn:serviceTask id="tell" name="Уведомить">
  <bpmn:extensionElements>
    <voronka:action name="notify" resultVariable="notification">
      <voronka:param name="title">"Договор " + deal.title + " согласован"</voronka:param>
    </voronka:action>
  </bpmn:extensionElements>
</bpmn:serviceTask>
<bpmn:sequenceFlow id="f2" sourceRef="tell" targetRef="end" />
<bpmn:endEvent id="end" />`;

describe('service task actions', () => {
  it('reads the action, its result variable and parameters', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    expect(readAction(elementsOf(rootElement).get('tell')!)).toEqual({
      name: 'notify',
      resultVariable: 'notification',
      params: [{ name: 'title', expression: '"Договор " + deal.title + " согласован"' }],
    });
  });

  it('writes an action the engine compiles', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const task = elementsOf(rootElement).get('tell')!;
    task.extensionElements = writeAction(moddle, task, {
      name: 'crm.createTask',
      resultVariable: ' ',
      params: [
        { name: 'title', expression: '"Позвонить " + deal.title' },
        { name: 'dealId', expression: 'deal.id' },
      ],
    });
    const { xml } = await moddle.toXML(rootElement);
    const compiled = await compileProcess(xml);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.graph.elements.tell!.action).toEqual({
      name: 'crm.createTask',
      params: { title: '"Позвонить " + deal.title', dealId: 'deal.id' },
    });
  });

  it('no action chosen removes the element', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const task = elementsOf(rootElement).get('tell')!;
    expect(writeAction(moddle, task, { name: '', resultVariable: '', params: [] })).toBeUndefined();
  });

  it('choosing another action keeps written parameters and offers its own', () => {
    expect(
      paramsForAction('email.send', [
        { name: 'title', expression: '' },
        { name: 'to', expression: 'deal.email' },
      ]),
    ).toEqual([
      { name: 'to', expression: 'deal.email' },
      { name: 'subject', expression: '' },
      { name: 'text', expression: '' },
    ]);
    expect(paramsForAction('variables.set', [])).toEqual([]);
  });
});
