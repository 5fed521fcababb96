import { compileProcess } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { isConditionalFlow, isDefaultFlow, readCondition, writeCondition } from './flow';
import { definitionsXml, elementsOf, testModdle } from './test-moddle';
import { readTimer, timerDefinition, writeTimer } from './timer';

const process = `
<bpmn:startEvent id="start" />
<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
<bpmn:intermediateCatchEvent id="wait">
  <bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition>
</bpmn:intermediateCatchEvent>
<bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="big" />
<bpmn:exclusiveGateway id="big" default="small" />
<bpmn:sequenceFlow id="large" sourceRef="big" targetRef="end">
  <bpmn:conditionExpression>deal.amount &gt; 100000</bpmn:conditionExpression>
</bpmn:sequenceFlow>
<bpmn:sequenceFlow id="small" sourceRef="big" targetRef="end" />
<bpmn:endEvent id="end" />`;

describe('gateway flows', () => {
  it('reads conditions and the default flow', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const elements = elementsOf(rootElement);
    expect(readCondition(elements.get('large')!)).toBe('deal.amount > 100000');
    expect(isConditionalFlow(elements.get('large')!)).toBe(true);
    expect(isConditionalFlow(elements.get('f1')!)).toBe(false);
    expect(isDefaultFlow(elements.get('small')!)).toBe(true);
    expect(isDefaultFlow(elements.get('large')!)).toBe(false);
  });

  it('writes a condition, or none for an empty text', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const large = elementsOf(rootElement).get('large')!;
    large.conditionExpression = writeCondition(moddle, ' =deal.amount >= 5 ');
    expect(readCondition(large)).toBe('=deal.amount >= 5');
    const compiled = await compileProcess((await moddle.toXML(rootElement)).xml);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.graph.flows.large!.condition).toBe('deal.amount >= 5');
    expect(writeCondition(moddle, '  ')).toBeUndefined();
  });
});

describe('timers', () => {
  it('reads the kind and value', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const definition = timerDefinition(elementsOf(rootElement).get('wait')!)!;
    expect(readTimer(definition)).toEqual({ kind: 'duration', value: 'PT4H' });
    expect(timerDefinition(elementsOf(rootElement).get('start')!)).toBeUndefined();
  });

  it('writes exactly one of duration, date and cycle', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const definition = timerDefinition(elementsOf(rootElement).get('wait')!)!;
    Object.assign(definition, writeTimer(moddle, { kind: 'date', value: '2030-05-01T09:00:00Z' }));
    expect(definition.timeDuration).toBeUndefined();
    expect(readTimer(definition)).toEqual({ kind: 'date', value: '2030-05-01T09:00:00Z' });
    const compiled = await compileProcess((await moddle.toXML(rootElement)).xml);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.graph.elements.wait!.event).toEqual({
      type: 'timer',
      timer: { kind: 'date', value: '2030-05-01T09:00:00Z', isExpression: false },
    });
  });

  it('keeps the chosen kind while the value is still empty', async () => {
    const moddle = testModdle();
    const { rootElement } = await moddle.fromXML(definitionsXml(process));
    const definition = timerDefinition(elementsOf(rootElement).get('wait')!)!;
    Object.assign(definition, writeTimer(moddle, { kind: 'cycle', value: '' }));
    expect(readTimer(definition)).toEqual({ kind: 'cycle', value: '' });
  });
});
