import { describe, expect, it } from 'vitest';
import { triggerEventRecords, triggerMismatch } from './process-triggers';
import { processTriggerEvents } from './processes';

describe('which triggers can start a process', () => {
  it('fits each event to the record types it comes with', () => {
    expect(triggerMismatch('lead.created', {}, 'lead')).toBeNull();
    expect(triggerMismatch('form.submitted', {}, 'lead')).toBeNull();
    expect(triggerMismatch('deal.stageEntered', { stageId: 'x' }, 'deal')).toBeNull();
    expect(triggerMismatch('call.missed', {}, 'deal')).toBeNull();
    expect(triggerMismatch('email.opened', {}, 'company')).toBeNull();
    expect(triggerMismatch('schedule', { cron: '0 9 * * 1' }, null)).toBeNull();
  });

  it('refuses an event whose record the process does not run on', () => {
    expect(triggerMismatch('deal.created', {}, 'lead')).toBe('event_record');
    expect(triggerMismatch('lead.created', {}, null)).toBe('event_record');
    expect(triggerMismatch('call.missed', {}, 'contact')).toBe('event_record');
    // A schedule starts without a record: a process that needs one would have none.
    expect(triggerMismatch('schedule', {}, 'deal')).toBe('event_record');
    // Every event needs a record except a schedule and a manual start.
    expect(triggerMismatch('record.fieldChanged', {}, null)).toBe('event_record');
  });

  it('refuses a field watch on another record type, and takes one on the same or unnamed', () => {
    expect(triggerMismatch('record.fieldChanged', { entity: 'deal', field: 'amount' }, 'lead')).toBe(
      'field_record',
    );
    expect(triggerMismatch('record.fieldChanged', { entity: 'lead', field: 'status' }, 'lead')).toBeNull();
    expect(triggerMismatch('record.fieldChanged', { field: 'status' }, 'contact')).toBeNull();
  });

  it('lets a person start any process by hand, and names record types for every event', () => {
    for (const runsOn of ['lead', 'deal', 'contact', 'company', null] as const)
      expect(triggerMismatch('manual', {}, runsOn)).toBeNull();
    for (const event of processTriggerEvents) expect(triggerEventRecords(event).length).toBeGreaterThan(0);
  });
});
