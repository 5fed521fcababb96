import type { HistoryEntry } from '@voronka/domain';

/** One change event: the rows written by one action of one person at one moment. */
export type HistoryGroup = {
  key: string;
  action: HistoryEntry['action'];
  actor: HistoryEntry['actor'];
  at: string;
  /** Field rows in the order they were written; empty for a bare create or delete. */
  changes: HistoryEntry[];
};

/**
 * The server writes one row per changed field; the UI shows one item per change event. Input is
 * newest first (as the API answers) and so is the output.
 *
 * @example groupHistory([titleRow, statusRow]) // one group with both rows when action, actor and time match
 */
export function groupHistory(entries: HistoryEntry[]): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    const sameEvent =
      last && last.action === entry.action && last.at === entry.at && last.actor?.id === entry.actor?.id;
    const group: HistoryGroup = sameEvent
      ? last
      : { key: entry.id, action: entry.action, actor: entry.actor, at: entry.at, changes: [] };
    if (!sameEvent) groups.push(group);
    if (entry.field !== null) group.changes.unshift(entry);
  }
  return groups;
}
