import type { ProcessDefinition, ProcessRunsOn } from '@voronka/domain';

/**
 * The published processes that can start on a record of this kind, or (`null`) without a record, in the
 * order given. A process made for leads is never offered on a deal card, nor a vacation request on either.
 *
 * @example startable(processes, 'lead') // [{ name: 'Обслуживание заявки клиента', runsOn: 'lead', … }]
 */
export function startable(
  processes: readonly ProcessDefinition[],
  entity: ProcessRunsOn | null,
): ProcessDefinition[] {
  return processes.filter((process) => process.publishedVersion !== null && process.runsOn === entity);
}
