import { formatPhone, type Lead, type LeadStatus, normalizePhone } from '@voronka/domain';
import { changedCustomValues } from '../custom-fields/custom-values';

/** What the lead form edits: text inputs hold strings, an empty string means "no value". */
export type LeadFormValues = {
  title: string;
  contactName: string;
  phone: string;
  email: string;
  source: string;
  region: string;
  channel: string;
  status: LeadStatus;
  refusalReason: string | null;
  responsibleId: string | null;
  custom: Record<string, unknown>;
};

/** Statuses a person may set by hand; "converted" comes only from converting the lead into a deal. */
export const createStatuses = ['new', 'in_work', 'qualified_mql', 'qualified_sql'] as const;
export const editStatuses = [...createStatuses, 'refused'] as const;

export function emptyLeadValues(responsibleId: string | null): LeadFormValues {
  return {
    title: '',
    contactName: '',
    phone: '',
    email: '',
    source: '',
    region: '',
    channel: '',
    status: 'new',
    refusalReason: null,
    responsibleId,
    custom: {},
  };
}

export function leadToValues(lead: Lead): LeadFormValues {
  return {
    title: lead.title,
    contactName: lead.contactName ?? '',
    phone: lead.phone ? formatPhone(lead.phone) : '',
    email: lead.email ?? '',
    source: lead.source ?? '',
    region: lead.region ?? '',
    channel: lead.channel ?? '',
    status: lead.status,
    refusalReason: lead.refusalReason,
    responsibleId: lead.responsibleId,
    custom: { ...lead.custom },
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value);

/** The request body for a new lead: blank optional fields are sent as `null`. */
export function valuesToCreateBody(values: LeadFormValues) {
  return {
    title: values.title,
    contactName: blankToNull(values.contactName),
    phone: blankToNull(values.phone),
    email: blankToNull(values.email),
    source: blankToNull(values.source),
    region: blankToNull(values.region),
    channel: blankToNull(values.channel),
    status: values.status,
    responsibleId: values.responsibleId,
    custom: changedCustomValues({}, values.custom),
  };
}

/**
 * Only the fields that differ from the saved lead, so that history records real changes. A phone
 * counts as changed only when it is a different number, not the same one written differently.
 */
export function changedFields(lead: Lead, values: LeadFormValues): Record<string, unknown> {
  const { status: _status, custom: _custom, ...body } = valuesToCreateBody(values);
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    const saved = lead[field as keyof Lead];
    const same =
      field === 'phone' && typeof value === 'string' ? normalizePhone(value) === saved : value === saved;
    if (!same) changes[field] = value;
  }
  const custom = changedCustomValues(lead.custom, values.custom);
  if (Object.keys(custom).length > 0) changes.custom = { ...lead.custom, ...custom };
  if (values.status !== lead.status) changes.status = values.status;
  if (values.status === 'refused' && values.refusalReason !== lead.refusalReason) {
    changes.refusalReason = values.refusalReason;
  }
  return changes;
}
