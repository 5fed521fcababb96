// bpmn-moddle ships types only under `bpmn-moddle/types`; this declares the little the compiler reads.
declare module 'bpmn-moddle' {
  interface Expression {
    $type: string;
    body?: string;
    language?: string;
  }

  /** A parsed element; which fields are set depends on `$type`. */
  export interface ModdleElement {
    $type: string;
    $attrs?: Record<string, string>;
    $parent?: ModdleElement;
    id?: string;
    name?: string;
    rootElements?: ModdleElement[];
    flowElements?: ModdleElement[];
    eventDefinitions?: ModdleElement[];
    extensionElements?: { values?: ModdleElement[] };
    sourceRef?: ModdleElement;
    targetRef?: ModdleElement;
    conditionExpression?: Expression;
    default?: ModdleElement;
    attachedToRef?: ModdleElement;
    cancelActivity?: boolean;
    triggeredByEvent?: boolean;
    loopCharacteristics?: ModdleElement;
    isSequential?: boolean;
    collection?: string;
    elementVariable?: string;
    completionCondition?: Expression;
    timeDuration?: Expression;
    timeDate?: Expression;
    timeCycle?: Expression;
    messageRef?: ModdleElement;
    errorRef?: ModdleElement;
    errorCode?: string;
    correlationKey?: string;
    calledElement?: string;
    kind?: string;
    value?: string;
    expression?: string;
    fields?: ModdleElement[];
    label?: string;
    type?: string;
    required?: boolean;
    options?: ModdleElement[];
    params?: ModdleElement[];
    resultVariable?: string;
    rule?: string;
    vote?: string;
    result?: string;
    decisions?: string;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: Error[];
  }

  export interface Moddle {
    fromXML(xml: string): Promise<ParseResult>;
  }

  export function BpmnModdle(packages?: Record<string, unknown>): Moddle;
}
