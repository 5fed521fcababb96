/**
 * A BPMN model element as bpmn-js (and bpmn-moddle) hands it out. Which fields are set depends on
 * `$type`; only the ones the designer reads or writes are named here.
 */
export type BusinessObject = {
  $type: string;
  $parent?: BusinessObject;
  $attrs?: Record<string, string>;
  id?: string;
  name?: string;
  /** `bpmn:ExtensionElements`: the extension elements themselves. */
  values?: BusinessObject[];
  extensionElements?: BusinessObject;
  eventDefinitions?: BusinessObject[];
  loopCharacteristics?: BusinessObject;
  conditionExpression?: BusinessObject;
  sourceRef?: BusinessObject;
  targetRef?: BusinessObject;
  default?: BusinessObject;
  flowElements?: BusinessObject[];
  rootElements?: BusinessObject[];
  /** Expressions: the text. */
  body?: string;
  timeDuration?: BusinessObject;
  timeDate?: BusinessObject;
  timeCycle?: BusinessObject;
  isSequential?: boolean;
  collection?: string;
  elementVariable?: string;
  // voronka: elements
  kind?: string;
  value?: string;
  expression?: string;
  fields?: BusinessObject[];
  label?: string;
  type?: string;
  required?: boolean;
  options?: BusinessObject[];
  params?: BusinessObject[];
  resultVariable?: string;
  rule?: string;
  vote?: string;
  result?: string;
  /** `voronka:decisions` on a user task: its decisions, space-separated. */
  decisions?: string;
};

/** The part of bpmn-moddle (the modeler's `moddle` service) that makes new elements. */
export type ModdleFactory = {
  create(type: string, properties?: Record<string, unknown>): BusinessObject;
};

/** An element's extension elements of one type, e.g. `voronka:Form`. */
export function extensionOf(element: BusinessObject, type: string): BusinessObject | undefined {
  return element.extensionElements?.values?.find((value) => value.$type === type);
}

/**
 * New `bpmn:ExtensionElements` for an element: its current values except those of the given types
 * (foreign extensions such as `camunda:` ones stay), followed by `added`. `undefined` when nothing is left,
 * so that an element without settings carries no empty `<bpmn:extensionElements />`.
 */
export function replaceExtensions(
  moddle: ModdleFactory,
  element: BusinessObject,
  replacedTypes: readonly string[],
  added: readonly BusinessObject[],
): BusinessObject | undefined {
  const kept = (element.extensionElements?.values ?? []).filter(
    (value) => !replacedTypes.includes(value.$type),
  );
  const values = [...kept, ...added];
  if (values.length === 0) return undefined;
  const extensionElements = moddle.create('bpmn:ExtensionElements', { values });
  for (const value of values) value.$parent = extensionElements;
  return extensionElements;
}
