import type { TimelineItem } from '@voronka/domain';

type Activity = NonNullable<TimelineItem['activity']>;
type TimelineTask = NonNullable<TimelineItem['task']>;
export type FieldChange = { field: string; oldValue: unknown; newValue: unknown };

export type TimelineEntry =
  | { kind: 'activity'; key: string; at: string; fromLead: boolean; activity: Activity }
  | { kind: 'task'; key: string; at: string; fromLead: boolean; task: TimelineTask }
  | {
      kind: 'changes';
      key: string;
      at: string;
      fromLead: boolean;
      action: string;
      actorName: string | null;
      changes: FieldChange[];
    };

/**
 * Timeline items as people read them: the field changes of one save (same moment, person and
 * record) become one entry; activities and tasks stay one entry each. Order is kept (newest first).
 *
 * @example groupTimeline([change('amount'), change('expectedCloseDate'), activity]) // [changes×2, activity]
 */
export function groupTimeline(items: readonly TimelineItem[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  items.forEach((item, index) => {
    if (item.kind === 'activity' && item.activity) {
      entries.push({
        kind: 'activity',
        key: `a:${item.activity.id}`,
        at: item.at,
        fromLead: item.fromLead,
        activity: item.activity,
      });
    } else if (item.kind === 'task' && item.task) {
      entries.push({
        kind: 'task',
        key: `t:${item.task.id}:${item.fromLead}`,
        at: item.at,
        fromLead: item.fromLead,
        task: item.task,
      });
    } else if (item.kind === 'change' && item.change) {
      const { action, actorName, field, oldValue, newValue } = item.change;
      const last = entries.at(-1);
      const change = field === null ? [] : [{ field, oldValue, newValue }];
      if (
        last?.kind === 'changes' &&
        last.at === item.at &&
        last.action === action &&
        last.actorName === actorName &&
        last.fromLead === item.fromLead
      ) {
        last.changes.push(...change);
      } else {
        entries.push({
          kind: 'changes',
          key: `c:${item.at}:${index}`,
          at: item.at,
          fromLead: item.fromLead,
          action,
          actorName,
          changes: change,
        });
      }
    }
  });
  return entries;
}
