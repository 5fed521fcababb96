import type { Lead } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import { changedFields, leadToValues, valuesToCreateBody } from './lead-form-values';

const lead: Lead = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Заявка с сайта',
  contactName: 'Андрей Никитин',
  phone: '+79123456701',
  email: null,
  source: 'site',
  region: null,
  channel: null,
  utm: {},
  status: 'new',
  refusalReason: null,
  responsibleId: '00000000-0000-4000-8000-0000000000aa',
  contactId: null,
  companyId: null,
  dealId: null,
  convertedAt: null,
  custom: {},
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
};

describe('lead form values', () => {
  it('shows a stored phone the way people write it', () => {
    expect(leadToValues(lead).phone).toBe('+7 912 345-67-01');
  });

  it('sends blank optional fields as null', () => {
    const body = valuesToCreateBody({ ...leadToValues(lead), contactName: '  ', source: '' });
    expect(body.contactName).toBeNull();
    expect(body.source).toBeNull();
    expect(body.region).toBeNull();
    expect(body.title).toBe('Заявка с сайта');
  });

  it('reports no changes for an untouched form, even though the phone is shown formatted', () => {
    expect(changedFields(lead, leadToValues(lead))).toEqual({});
  });

  it('reports only the fields that differ from the saved lead', () => {
    const values = { ...leadToValues(lead), phone: '8 (912) 345-67-02', status: 'in_work' as const };
    expect(changedFields(lead, values)).toEqual({ phone: '8 (912) 345-67-02', status: 'in_work' });
  });

  it('sends a region typed into a lead that had none', () => {
    expect(changedFields(lead, { ...leadToValues(lead), region: 'Москва' })).toEqual({ region: 'Москва' });
  });

  it('sends the refusal reason with a refusal', () => {
    const values = { ...leadToValues(lead), status: 'refused' as const, refusalReason: 'Дорого' };
    expect(changedFields(lead, values)).toEqual({ status: 'refused', refusalReason: 'Дорого' });
  });
});
