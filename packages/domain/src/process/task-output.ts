import { isFilled } from '../stage-gates';
import type { FormField, ProcessGraph } from './graph';

/**
 * The required form fields a user task's output leaves empty; the server refuses the completion while any
 * remain ("one required field blocks progress"). A required checkbox must be ticked.
 *
 * @example validateTaskOutput(graph, 'call', { nextCallAt: '' }) // [{ id: 'nextCallAt', label: 'Дата следующего звонка', … }]
 */
export function validateTaskOutput(
  graph: ProcessGraph,
  elementId: string,
  output: Readonly<Record<string, unknown>>,
): FormField[] {
  const form = graph.elements[elementId]?.userTask?.form ?? [];
  return form.filter((field) => field.required && !isFilled(output[field.id]));
}
