export type StartProgress = { done: number; total: number; failed: number };

export type StartFailure = { recordId: string; error: unknown };

export type StartOutcome = { started: string[]; failed: StartFailure[] };

/**
 * Runs `start` for each record in turn; a failure is noted and the next record goes on.
 *
 * @example const { started, failed } = await startOnRecords(ids, (id) => api.post(...), console.log);
 */
export async function startOnRecords(
  recordIds: readonly string[],
  start: (recordId: string) => Promise<unknown>,
  onProgress?: (progress: StartProgress) => void,
): Promise<StartOutcome> {
  const outcome: StartOutcome = { started: [], failed: [] };
  for (const recordId of recordIds) {
    try {
      await start(recordId);
      outcome.started.push(recordId);
    } catch (error) {
      outcome.failed.push({ recordId, error });
    }
    onProgress?.({
      done: outcome.started.length + outcome.failed.length,
      total: recordIds.length,
      failed: outcome.failed.length,
    });
  }
  return outcome;
}

export type FailureGroup = { reason: string; recordIds: string[] };

/** Failures with the same reason together, the most frequent first, so that a long list reads at a glance. */
export function groupFailures(
  failed: readonly StartFailure[],
  reasonOf: (error: unknown) => string,
): FailureGroup[] {
  const groups = new Map<string, string[]>();
  for (const { recordId, error } of failed) {
    const reason = reasonOf(error);
    groups.set(reason, [...(groups.get(reason) ?? []), recordId]);
  }
  return [...groups]
    .map(([reason, recordIds]) => ({ reason, recordIds }))
    .sort((a, b) => b.recordIds.length - a.recordIds.length);
}
