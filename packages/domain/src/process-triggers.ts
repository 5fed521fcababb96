import type { ProcessRunsOn, ProcessTriggerEvent } from './processes';

const anyRecord = ['lead', 'deal', 'contact', 'company'] as const;

/**
 * The record types an event comes with: a trigger starts only processes made for the event's record
 * (`null`: no record, as a schedule). A web form and a missed call make a lead (a call from a known
 * client may open a deal); an opened e-mail belongs to whatever record it was sent from.
 */
export function triggerEventRecords(event: ProcessTriggerEvent): readonly (ProcessRunsOn | null)[] {
  switch (event) {
    case 'lead.created':
    case 'form.submitted':
      return ['lead'];
    case 'deal.created':
    case 'deal.stageEntered':
      return ['deal'];
    case 'call.missed':
      return ['lead', 'deal'];
    case 'record.fieldChanged':
    case 'email.opened':
      return anyRecord;
    case 'schedule':
      return [null];
    case 'manual':
      return [...anyRecord, null];
  }
}

/**
 * Why a trigger could never start this process, or null when it can. A lead event on a deal process
 * would be saved and then silently never fire, so it is refused instead; so is a field-change trigger
 * watching another record type than the process runs on.
 *
 * @example triggerMismatch('deal.created', {}, 'lead') // 'event_record'
 */
export function triggerMismatch(
  event: ProcessTriggerEvent,
  conditions: Readonly<Record<string, string>>,
  runsOn: ProcessRunsOn | null,
): 'event_record' | 'field_record' | null {
  if (!triggerEventRecords(event).includes(runsOn)) return 'event_record';
  if (event === 'record.fieldChanged' && conditions.entity && conditions.entity !== runsOn)
    return 'field_record';
  return null;
}
