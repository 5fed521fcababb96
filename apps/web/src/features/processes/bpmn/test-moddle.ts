import { voronkaModdle } from '@voronka/domain';
import { BpmnModdle } from 'bpmn-moddle';
import type { BusinessObject, ModdleFactory } from './business-object';

type TestModdle = ModdleFactory & {
  fromXML(xml: string): Promise<{ rootElement: BusinessObject }>;
  toXML(element: BusinessObject, options?: { format?: boolean }): Promise<{ xml: string }>;
};

/** bpmn-moddle with our extension, as the designer's modeler has it, for tests without a browser. */
export function testModdle(): TestModdle {
  return BpmnModdle({ voronka: voronkaModdle }) as unknown as TestModdle;
}

/** A process's elements by id. */
export function elementsOf(definitions: BusinessObject): Map<string, BusinessObject> {
  const found = new Map<string, BusinessObject>();
  const visit = (container: BusinessObject) => {
    for (const element of container.flowElements ?? []) {
      if (element.id) found.set(element.id, element);
      visit(element);
    }
  };
  for (const root of definitions.rootElements ?? []) visit(root);
  return found;
}

export const definitionsXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:voronka="http://voronka.dev/schema/bpmn/1.0"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="definitions" targetNamespace="http://voronka.dev/bpmn">
  <bpmn:process id="test" isExecutable="true">
    ${body}
  </bpmn:process>
</bpmn:definitions>`;
