import { compileProcess } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { definitionsXml, elementsOf, testModdle } from './test-moddle';
import {
  moveItem,
  nextFieldId,
  readMultiInstance,
  readUserTask,
  type UserTaskSettings,
  writeMultiInstance,
  writeUserTask,
} from './user-task';

const approval = `
<bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
<bpmn:userTask id="approve" name="Согласовать договор">
  <bpmn:extensionElements>
    <camunda:properties><camunda:property name="kept" value="yes" /></camunda:properties>
    <voronka:assignee kind="variable" value="approver" />
    <voronka:dueDate>duration("P2D")</voronka:dueDate>
    <voronka:form>
      <voronka:field id="approved" label="Согласовано" type="boolean" />
      <voronka:field id="reason" label="Причина" type="select" required="true">
        <voronka:option value="price" label="Цена" />
      </voronka:field>
    </voronka:form>
    <voronka:approval rule="majority" vote="approved" result="contractApproved" />
  </bpmn:extensionElements>
  <bpmn:multiInstanceLoopCharacteristics voronka:collection="approvers" voronka:elementVariable="approver" />
</bpmn:userTask>
<bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
<bpmn:endEvent id="end" />`;

const plain = `
<bpmn:startEvent id="start" />
<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
<bpmn:userTask id="call" name="Позвонить" />
<bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
<bpmn:endEvent id="end" />`;

describe('user task settings', () => {
  it('reads every voronka: setting of the README example', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(approval));
    const task = elementsOf(rootElement).get('approve')!;
    expect(readUserTask(task)).toEqual({
      assignee: { kind: 'variable', value: 'approver' },
      dueDate: 'duration("P2D")',
      form: [
        { id: 'approved', label: 'Согласовано', type: 'boolean', required: false, options: [] },
        {
          id: 'reason',
          label: 'Причина',
          type: 'select',
          required: true,
          options: [{ value: 'price', label: 'Цена' }],
        },
      ],
      approval: { rule: 'majority', vote: 'approved', result: 'contractApproved' },
    });
    expect(readMultiInstance(task)).toEqual({
      collection: 'approvers',
      elementVariable: 'approver',
      sequential: false,
    });
  });

  it('a task without settings reads as defaults', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(plain));
    const task = elementsOf(rootElement).get('call')!;
    expect(readUserTask(task)).toEqual({ assignee: null, dueDate: '', form: [], approval: null });
    expect(readMultiInstance(task)).toBeNull();
  });

  it('writes settings that the engine compiles, keeping foreign extensions', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(approval));
    const task = elementsOf(rootElement).get('approve')!;
    const settings: UserTaskSettings = {
      assignee: { kind: 'role', value: 'head_of_sales' },
      dueDate: ' duration("PT4H") ',
      form: [
        { id: 'sum', label: 'Сумма', type: 'money', required: true, options: [] },
        { id: 'kind', label: '', type: 'select', required: false, options: [{ value: 'a', label: 'A' }] },
      ],
      approval: { rule: 'any', vote: 'ok', result: 'agreed' },
    };
    task.extensionElements = writeUserTask(moddle, task, settings);
    expect(task.extensionElements?.values?.[0]?.$type).toBe('camunda:properties');
    expect(readUserTask(task)).toEqual({
      ...settings,
      dueDate: 'duration("PT4H")',
    });

    const { xml } = await moddle.toXML(rootElement, { format: true });
    expect(xml).toContain('<voronka:assignee kind="role" value="head_of_sales" />');
    expect(xml).toContain('<voronka:field id="sum" label="Сумма" type="money" required="true" />');
    expect(xml).toContain('camunda:property name="kept"');
    const compiled = await compileProcess(xml);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const element = compiled.graph.elements.approve!;
    expect(element.userTask).toEqual({
      assignee: { kind: 'role', value: 'head_of_sales' },
      dueDate: 'duration("PT4H")',
      form: [
        { id: 'sum', label: 'Сумма', type: 'money', required: true },
        { id: 'kind', label: 'kind', type: 'select', options: [{ value: 'a', label: 'A' }] },
      ],
      // A multi-instance approval offers approve / reject in the inbox.
      decisions: ['approve', 'reject'],
    });
    expect(element.multiInstance?.approval).toEqual({ rule: 'any', vote: 'ok', result: 'agreed' });
  });

  it('empty settings leave no extension elements behind', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(plain));
    const task = elementsOf(rootElement).get('call')!;
    expect(
      writeUserTask(moddle, task, { assignee: null, dueDate: ' ', form: [], approval: null }),
    ).toBeUndefined();
  });

  it('initiator is written without a value', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(plain));
    const task = elementsOf(rootElement).get('call')!;
    task.extensionElements = writeUserTask(moddle, task, {
      assignee: { kind: 'initiator', value: 'ignored' },
      dueDate: '',
      form: [],
      approval: null,
    });
    const { xml } = await moddle.toXML(rootElement);
    expect(xml).toContain('<voronka:assignee kind="initiator" />');
  });

  it('writes multi-instance loop characteristics with our attributes', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(plain));
    const task = elementsOf(rootElement).get('call')!;
    task.loopCharacteristics = writeMultiInstance(moddle, {
      collection: 'approvers',
      elementVariable: '',
      sequential: true,
    });
    const { xml } = await moddle.toXML(rootElement);
    expect(xml).toContain(
      '<bpmn:multiInstanceLoopCharacteristics isSequential="true" voronka:collection="approvers" />',
    );
    expect(readMultiInstance(task)).toEqual({
      collection: 'approvers',
      elementVariable: '',
      sequential: true,
    });
    expect(writeMultiInstance(moddle, null)).toBeUndefined();
  });
});

describe('form field helpers', () => {
  it('offers the next free field id', () => {
    expect(nextFieldId([])).toBe('field1');
    const field = { label: '', type: 'text' as const, required: false, options: [] };
    expect(nextFieldId([{ ...field, id: 'field2' }])).toBe('field3');
    expect(
      nextFieldId([
        { ...field, id: 'a' },
        { ...field, id: 'field3' },
      ]),
    ).toBe('field4');
  });

  it('moves an item up or down, not past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
