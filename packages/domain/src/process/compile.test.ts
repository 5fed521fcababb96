import { describe, expect, it } from 'vitest';
import { compileProcess } from './compile';
import { type CompileProblemCode, compileProblemCodes, compileProblemMessages } from './problems';
import { loadGraph, readFixture } from './test-kit';

const namespaces =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:voronka="http://voronka.dev/schema/bpmn/1.0" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function definitions(body: string, roots = ''): string {
  return `<?xml version="1.0"?><bpmn:definitions ${namespaces} id="d" targetNamespace="t">${roots}<bpmn:process id="p" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;
}

const flow = (id: string, from: string, to: string, condition?: string) =>
  condition
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** start → (element with id "x") → end */
function around(element: string, roots = ''): string {
  return definitions(
    `<bpmn:startEvent id="s" />${element}<bpmn:endEvent id="e" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'e')}`,
    roots,
  );
}

const notify = '<bpmn:extensionElements><voronka:action name="notify" /></bpmn:extensionElements>';

const cases: [CompileProblemCode, string, string][] = [
  ['invalid_xml', '', '<bpmn:definitions'],
  ['no_process', 'd', `<?xml version="1.0"?><bpmn:definitions ${namespaces} id="d" targetNamespace="t" />`],
  [
    'multiple_processes',
    'd',
    `<bpmn:definitions ${namespaces} id="d" targetNamespace="t"><bpmn:process id="a"><bpmn:startEvent id="s1" /></bpmn:process><bpmn:process id="b"><bpmn:startEvent id="s2" /></bpmn:process></bpmn:definitions>`,
  ],
  [
    'unsupported_element',
    'x',
    around(
      '<bpmn:scriptTask id="x" scriptFormat="javascript"><bpmn:script>process.exit()</bpmn:script></bpmn:scriptTask>',
    ),
  ],
  ['unsupported_element', 'x', around('<bpmn:businessRuleTask id="x" />')],
  ['unsupported_element', 'x', around('<bpmn:complexGateway id="x" />')],
  ['unsupported_element', 'x', around('<bpmn:transaction id="x" />')],
  ['unsupported_element', 'x', around('<bpmn:adHocSubProcess id="x" />')],
  [
    'unsupported_event_definition',
    'x',
    around(
      '<bpmn:intermediateCatchEvent id="x"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>',
    ),
  ],
  [
    'unsupported_event_definition',
    'x',
    around(
      '<bpmn:intermediateThrowEvent id="x"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>',
    ),
  ],
  [
    'unsupported_event_definition',
    'x',
    around(
      '<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>',
    ),
  ],
  [
    'unsupported_loop',
    'x',
    around('<bpmn:userTask id="x"><bpmn:standardLoopCharacteristics /></bpmn:userTask>'),
  ],
  [
    'multi_instance_not_user_task',
    'x',
    around(
      `<bpmn:serviceTask id="x">${notify}<bpmn:multiInstanceLoopCharacteristics voronka:collection="xs" /></bpmn:serviceTask>`,
    ),
  ],
  [
    'unsupported_condition',
    'f2',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" /><bpmn:endEvent id="e" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'e', 'a')}`,
    ),
  ],
  [
    'unsupported_language',
    'f2',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="x" default="f3" /><bpmn:endEvent id="e" />${flow('f1', 's', 'x')}<bpmn:sequenceFlow id="f2" sourceRef="x" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression></bpmn:sequenceFlow>${flow('f3', 'x', 'e')}`,
    ),
  ],
  [
    'unsupported_timer',
    'x',
    around(
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    ),
  ],
  ['no_start_event', 'p', definitions('<bpmn:userTask id="x" />')],
  ['subprocess_start', 'x', around('<bpmn:subProcess id="x"><bpmn:userTask id="inner" /></bpmn:subProcess>')],
  [
    'flow_target_missing',
    'f2',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'nowhere')}`,
    ),
  ],
  [
    'flow_source_missing',
    'f2',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" />${flow('f1', 's', 'x')}${flow('f2', 'ghost', 'x')}`,
    ),
  ],
  [
    'flow_crosses_scope',
    'f3',
    around(
      `<bpmn:subProcess id="x"><bpmn:startEvent id="ss" /><bpmn:userTask id="inner" />${flow('fs', 'ss', 'inner')}</bpmn:subProcess>${flow('f3', 'inner', 'e')}`,
    ),
  ],
  ['no_incoming', 'lonely', around('<bpmn:userTask id="x" /><bpmn:userTask id="lonely" />')],
  [
    'start_has_incoming',
    's',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" />${flow('f1', 's', 'x')}${flow('f2', 'x', 's')}`,
    ),
  ],
  [
    'end_has_outgoing',
    'e',
    around(`<bpmn:userTask id="x" /><bpmn:userTask id="y" />${flow('f3', 'e', 'y')}`),
  ],
  [
    'gateway_no_outgoing',
    'x',
    definitions(`<bpmn:startEvent id="s" /><bpmn:parallelGateway id="x" />${flow('f1', 's', 'x')}`),
  ],
  [
    'missing_condition',
    'f3',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="x" /><bpmn:endEvent id="e" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'e', 'a &gt; 1')}${flow('f3', 'x', 'e')}`,
    ),
  ],
  [
    'invalid_default',
    'x',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="x" default="f1" /><bpmn:endEvent id="e" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'e')}`,
    ),
  ],
  [
    'event_gateway_target',
    'x',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:eventBasedGateway id="x" /><bpmn:userTask id="u" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'u')}`,
    ),
  ],
  [
    'boundary_host',
    'b',
    around(
      '<bpmn:task id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>',
    ),
  ],
  [
    'error_boundary_non_interrupting',
    'b',
    around(
      '<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>',
    ),
  ],
  [
    'missing_timer',
    'b',
    around(
      '<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>',
    ),
  ],
  [
    'missing_message',
    'x',
    around(
      '<bpmn:intermediateCatchEvent id="x"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>',
    ),
  ],
  [
    'missing_error_code',
    'x',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:endEvent id="x"><bpmn:errorEventDefinition /></bpmn:endEvent>${flow('f1', 's', 'x')}`,
    ),
  ],
  ['missing_action', 'x', around('<bpmn:serviceTask id="x" />')],
  [
    'unknown_action',
    'x',
    around(
      '<bpmn:sendTask id="x"><bpmn:extensionElements><voronka:action name="shell.exec" /></bpmn:extensionElements></bpmn:sendTask>',
    ),
  ],
  [
    'missing_collection',
    'x',
    around('<bpmn:userTask id="x"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>'),
  ],
  ['missing_called_element', 'x', around('<bpmn:callActivity id="x" />')],
  [
    'invalid_assignee',
    'x',
    around(
      '<bpmn:userTask id="x"><bpmn:extensionElements><voronka:assignee kind="boss" value="u1" /></bpmn:extensionElements></bpmn:userTask>',
    ),
  ],
  [
    'assignee_without_value',
    'x',
    around(
      '<bpmn:userTask id="x"><bpmn:extensionElements><voronka:assignee kind="user" /></bpmn:extensionElements></bpmn:userTask>',
    ),
  ],
  [
    'invalid_form_field',
    'x',
    around(
      '<bpmn:userTask id="x"><bpmn:extensionElements><voronka:form><voronka:field id="a" type="colour" /></voronka:form></bpmn:extensionElements></bpmn:userTask>',
    ),
  ],
  [
    'param_without_name',
    'x',
    around(
      '<bpmn:serviceTask id="x"><bpmn:extensionElements><voronka:action name="notify"><voronka:param>1</voronka:param></voronka:action></bpmn:extensionElements></bpmn:serviceTask>',
    ),
  ],
  [
    'approval_without_multi_instance',
    'x',
    around(
      '<bpmn:userTask id="x"><bpmn:extensionElements><voronka:approval rule="all" vote="v" result="r" /></bpmn:extensionElements></bpmn:userTask>',
    ),
  ],
  [
    'invalid_approval',
    'x',
    around(
      '<bpmn:userTask id="x"><bpmn:extensionElements><voronka:approval rule="most" vote="v" result="r" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics voronka:collection="xs" /></bpmn:userTask>',
    ),
  ],
  ['invalid_decision', 'x', around('<bpmn:userTask id="x" voronka:decisions="approve maybe" />')],
  [
    'approval_decisions',
    'x',
    around(
      '<bpmn:userTask id="x" voronka:decisions="approve revise"><bpmn:extensionElements><voronka:approval rule="all" vote="v" result="r" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics voronka:collection="xs" /></bpmn:userTask>',
    ),
  ],
  [
    'decision_unrouted',
    'x',
    definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" voronka:decisions="approve reject revise" /><bpmn:exclusiveGateway id="g" /><bpmn:endEvent id="e" /><bpmn:endEvent id="e2" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'g')}${flow('f3', 'g', 'e', 'decision = "approve"')}${flow('f4', 'g', 'e2', 'decision = "reject"')}`,
    ),
  ],
  [
    'unsupported_event_subprocess',
    'x',
    around('<bpmn:subProcess id="x" triggeredByEvent="true"><bpmn:startEvent id="in" /></bpmn:subProcess>'),
  ],
  [
    'multiple_event_definitions',
    'x',
    around(
      '<bpmn:intermediateCatchEvent id="x"><bpmn:timerEventDefinition /><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>',
    ),
  ],
  [
    'boundary_has_incoming',
    'b',
    around(
      `<bpmn:userTask id="x" /><bpmn:boundaryEvent id="b" attachedToRef="x"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>${flow('f3', 'x', 'b')}`,
    ),
  ],
  [
    'feel_syntax',
    'x',
    around(
      '<bpmn:serviceTask id="x"><bpmn:extensionElements><voronka:action name="notify"><voronka:param name="text">"a" +</voronka:param></voronka:action></bpmn:extensionElements></bpmn:serviceTask>',
    ),
  ],
];

describe('compileProcess', () => {
  it('compiles every fixture', async () => {
    for (const name of [
      'service-exclusive-user',
      'boundaries',
      'subprocess',
      'lead-calls',
      'camunda-modeler',
    ]) {
      await expect(loadGraph(name)).resolves.toMatchObject({ format: 1 });
    }
  });

  it('compiles to compact JSON with flows, conditions, defaults and extensions', async () => {
    const graph = await loadGraph('service-exclusive-user');
    expect(graph.key).toBe('deal-approval');
    expect(graph.startEvents).toEqual(['start']);
    expect(graph.elements.bigDeal).toEqual({
      id: 'bigDeal',
      kind: 'exclusiveGateway',
      name: 'Крупная?',
      in: ['f2'],
      out: ['toBig', 'toSmall'],
      defaultFlow: 'toSmall',
    });
    expect(graph.flows.toBig).toEqual({
      id: 'toBig',
      source: 'bigDeal',
      target: 'approve',
      condition: 'amount > 1000',
    });
    expect(graph.flows.toSmall).toEqual({
      id: 'toSmall',
      source: 'bigDeal',
      target: 'endSmall',
      isDefault: true,
    });
    expect(graph.elements.createTask!.action).toEqual({
      name: 'crm.createTask',
      params: { title: '"Проверить сделку " + deal.title', dealId: 'deal.id' },
    });
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
  });

  it('precomputes, for an inclusive join, what can still reach each incoming flow', async () => {
    const graph = await loadGraph('inclusive-upstream');
    expect(graph.elements.join!.joinUpstream).toEqual({
      fromA: ['taskA', 'fork', 'start'],
      toJoinB: ['skip', 'taskB2', 'taskB1', 'fork', 'start'],
    });
  });

  it('reads a Camunda Modeler file: lanes, data and unknown extensions are ignored, camunda assignees mapped', async () => {
    const graph = await loadGraph('camunda-modeler');
    expect(graph.key).toBe('invoice-payment');
    expect(graph.elements.Task_prepare!.userTask).toEqual({
      assignee: { kind: 'variable', value: 'initiatorName' },
    });
    expect(graph.elements.Task_approve!.userTask).toEqual({ assignee: { kind: 'role', value: 'owner' } });
    expect(graph.elements.Task_pay!.userTask).toEqual({ assignee: { kind: 'user', value: 'accountant1' } });
    expect(graph.flows.Flow_big!.condition).toBe('amount > 100000');
    expect(Object.keys(graph.elements)).not.toContain('DataObjectReference_invoice');
  });

  it.each(cases)('rejects with %s (%s)', async (code, elementId, xml) => {
    const result = await compileProcess(xml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ code, elementId }));
    for (const problem of result.problems) {
      expect(problem.message).not.toBe('');
      // Every placeholder of the sentence has its value among the params, so a translation can fill it.
      expect(problem.message).not.toMatch(/\{\{/);
      for (const [, name] of compileProblemMessages[problem.code].matchAll(/\{\{(\w+)\}\}/g))
        expect(problem.params, `${problem.code} needs ${name}`).toHaveProperty(name!);
    }
  });

  it('has a case for every problem code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(compileProblemCodes));
  });

  it('lists all problems of a file at once, naming the broken expression', async () => {
    const xml = around(
      '<bpmn:scriptTask id="x" /><bpmn:userTask id="y"><bpmn:extensionElements><voronka:dueDate>duration("P1D"</voronka:dueDate></bpmn:extensionElements></bpmn:userTask><bpmn:serviceTask id="z" />',
    );
    const result = await compileProcess(xml);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          elementId: 'x',
          elementType: 'bpmn:ScriptTask',
          code: 'unsupported_element',
          params: { element: 'x', type: 'ScriptTask' },
          message: 'x: ScriptTask is not supported',
        },
        {
          elementId: 'y',
          elementType: 'bpmn:UserTask',
          code: 'feel_syntax',
          params: { subject: 'dueDate', expression: 'duration("P1D"', error: 'Incomplete expression' },
          message: 'Due date "duration("P1D"" is not valid FEEL: Incomplete expression',
        },
        {
          elementId: 'z',
          elementType: 'bpmn:ServiceTask',
          code: 'missing_action',
          params: { element: 'z' },
          message: 'Task z has no voronka:action',
        },
        // x is not compiled, so the flows touching it lead nowhere.
        {
          elementId: 'f1',
          elementType: 'bpmn:SequenceFlow',
          code: 'flow_target_missing',
          params: { flow: 'f1' },
          message: 'Flow f1 leads into nothing',
        },
        {
          elementId: 'f2',
          elementType: 'bpmn:SequenceFlow',
          code: 'flow_source_missing',
          params: { flow: 'f2' },
          message: 'Flow f2 comes from nothing',
        },
        {
          elementId: 'y',
          elementType: 'bpmn:UserTask',
          code: 'no_incoming',
          params: { element: 'y' },
          message: 'y has no incoming flow',
        },
        {
          elementId: 'z',
          elementType: 'bpmn:ServiceTask',
          code: 'no_incoming',
          params: { element: 'z' },
          message: 'z has no incoming flow',
        },
      ],
    });
  });

  it('reports a JUEL condition from Camunda 7 as broken FEEL', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Camunda 7 (JUEL) expression, not a template
    const xml = readFixture('camunda-modeler').replace('=amount &gt; 100000', '${amount &gt; 100000}');
    const result = await compileProcess(xml);
    expect(result).toMatchObject({ ok: false, problems: [{ elementId: 'Flow_big', code: 'feel_syntax' }] });
  });

  it('compiles the decisions of an approval task, and defaults a multi-instance approval to approve / reject', async () => {
    const xml = definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" voronka:decisions="approve, revise approve reject" /><bpmn:exclusiveGateway id="g" default="f5" /><bpmn:userTask id="plain" /><bpmn:userTask id="vote"><bpmn:extensionElements><voronka:approval rule="any" vote="v" result="r" /></bpmn:extensionElements><bpmn:multiInstanceLoopCharacteristics voronka:collection="xs" /></bpmn:userTask><bpmn:endEvent id="e" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'g')}${flow('f3', 'g', 'plain', 'decision = "revise"')}${flow('f4', 'plain', 'x')}${flow('f5', 'g', 'vote')}${flow('f6', 'vote', 'e')}`,
    );
    const result = await compileProcess(xml);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.graph.elements.x!.userTask).toEqual({ decisions: ['approve', 'revise', 'reject'] });
    expect(result.graph.elements.plain!.userTask).toEqual({});
    expect(result.graph.elements.vote!.userTask).toEqual({ decisions: ['approve', 'reject'] });
  });

  it('lets a decision reach the gateway through a condition that needs other variables too', async () => {
    const xml = definitions(
      `<bpmn:startEvent id="s" /><bpmn:userTask id="x" voronka:decisions="approve reject" /><bpmn:exclusiveGateway id="g" /><bpmn:endEvent id="e" /><bpmn:endEvent id="e2" />${flow('f1', 's', 'x')}${flow('f2', 'x', 'g')}${flow('f3', 'g', 'e', 'decision = "approve" and amount &gt; 10')}${flow('f4', 'g', 'e2', 'decision != "approve"')}`,
    );
    expect((await compileProcess(xml)).ok).toBe(true);
    const unrouted = await compileProcess(xml.replace('decision != "approve"', 'decision = "revise"'));
    expect(unrouted).toMatchObject({
      ok: false,
      problems: [
        {
          elementId: 'x',
          code: 'decision_unrouted',
          params: { element: 'x', decision: 'reject', gateway: 'g' },
          message: 'Decision "reject" of x: no flow out of g takes it',
        },
      ],
    });
  });
});
