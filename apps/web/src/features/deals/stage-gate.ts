import type { MissingRequirement } from '@voronka/domain';
import { ApiError } from '../../api/client';
import type { BulkRefusal } from '../../api/types';

const isRequirement = (value: unknown): value is MissingRequirement =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as MissingRequirement).label === 'string' &&
  typeof (value as MissingRequirement).stageName === 'string';

/** The outputs a refused move lacks (a 422 `stage_gate` answer), or null for any other error. */
export function gateMissing(error: unknown): MissingRequirement[] | null {
  if (!(error instanceof ApiError) || error.code !== 'stage_gate') return null;
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  return Array.isArray(missing) ? missing.filter(isRequirement) : [];
}

/** The deals a bulk move refused, each with what it lacks; null when the error is not a bulk refusal. */
export function bulkRefusals(error: unknown): BulkRefusal[] | null {
  if (!(error instanceof ApiError) || error.code !== 'stage_gate') return null;
  const refused = (error.details as { refused?: unknown } | undefined)?.refused;
  if (!Array.isArray(refused)) return null;
  return refused.flatMap((item: unknown) => {
    const entry = item as { id?: unknown; missing?: unknown };
    if (typeof entry.id !== 'string' || !Array.isArray(entry.missing)) return [];
    return [{ id: entry.id, missing: entry.missing.filter(isRequirement) }];
  });
}

/** Requirements grouped by the stage whose output they are, in the order the server gave them. */
export function groupByStage(
  missing: readonly MissingRequirement[],
): { stageName: string; labels: string[] }[] {
  const groups: { stageName: string; labels: string[] }[] = [];
  for (const item of missing) {
    const group = groups.find((candidate) => candidate.stageName === item.stageName);
    if (group) group.labels.push(item.label);
    else groups.push({ stageName: item.stageName, labels: [item.label] });
  }
  return groups;
}
