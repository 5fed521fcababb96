import type { BusinessObject, ModdleFactory } from './business-object';

/** Flows out of these gateways may carry a condition and one of them may be the default. */
const conditionalGateways = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

/** Whether the flow leaves an exclusive or inclusive gateway, where conditions are allowed. */
export function isConditionalFlow(flow: BusinessObject): boolean {
  return conditionalGateways.includes(flow.sourceRef?.$type ?? '');
}

export function readCondition(flow: BusinessObject): string {
  return flow.conditionExpression?.body ?? '';
}

/** A FEEL condition expression for a flow, or `undefined` to remove it. */
export function writeCondition(moddle: ModdleFactory, condition: string): BusinessObject | undefined {
  const body = condition.trim();
  return body ? moddle.create('bpmn:FormalExpression', { body }) : undefined;
}

export function isDefaultFlow(flow: BusinessObject): boolean {
  return flow.sourceRef?.default === flow;
}
