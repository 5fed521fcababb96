const bpmnNamespace = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export type BpmnFile = {
  xml: string;
  /** The first process's name, else the file's name without its extension. */
  name: string;
};

/**
 * Reads an uploaded BPMN 2.0 file (Camunda Modeler, bpmn.io, Signavio all write this format); `null`
 * when it is not BPMN XML. Whether the engine can run it is decided when publishing.
 *
 * @example readBpmnFile(await file.text(), file.name)
 */
export function readBpmnFile(text: string, fileName: string): BpmnFile | null {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const root = document.documentElement;
  if (document.getElementsByTagName('parsererror').length > 0) return null;
  if (root.localName !== 'definitions' || root.namespaceURI !== bpmnNamespace) return null;
  const process = document.getElementsByTagNameNS(bpmnNamespace, 'process')[0];
  const name = process?.getAttribute('name')?.trim() || fileName.replace(/\.(bpmn|xml)$/i, '').trim();
  return { xml: text, name: name || fileName };
}
