import { type Contact, formatPhone, normalizePhone } from '@voronka/domain';
import { changedCustomValues } from '../custom-fields/custom-values';

export type ContactFormValues = {
  name: string;
  position: string;
  companyId: string | null;
  phones: string[];
  emails: string[];
  responsibleId: string | null;
  custom: Record<string, unknown>;
};

export function emptyContactValues(
  responsibleId: string | null,
  companyId: string | null = null,
): ContactFormValues {
  return { name: '', position: '', companyId, phones: [], emails: [], responsibleId, custom: {} };
}

export function contactToValues(contact: Contact): ContactFormValues {
  return {
    name: contact.name,
    position: contact.position ?? '',
    companyId: contact.companyId,
    phones: contact.phones.map(formatPhone),
    emails: [...contact.emails],
    responsibleId: contact.responsibleId,
    custom: { ...contact.custom },
  };
}

const filled = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);

/** The create body: blanks as null, empty list rows dropped; phones go as typed (the server normalises). */
export function contactCreateBody(values: ContactFormValues) {
  return {
    name: values.name.trim(),
    position: values.position.trim() || null,
    companyId: values.companyId,
    phones: filled(values.phones),
    emails: filled(values.emails),
    responsibleId: values.responsibleId,
    custom: changedCustomValues({}, values.custom),
  };
}

/** The PATCH body: only what differs from the saved contact; a phone written another way is the same. */
export function contactChanges(contact: Contact, values: ContactFormValues): Record<string, unknown> {
  const body = contactCreateBody(values);
  const changes: Record<string, unknown> = {};
  if (body.name !== contact.name) changes.name = body.name;
  if (body.position !== contact.position) changes.position = body.position;
  if (body.companyId !== contact.companyId) changes.companyId = body.companyId;
  const phones = body.phones.map((phone) => normalizePhone(phone) ?? phone);
  if (JSON.stringify(phones) !== JSON.stringify(contact.phones)) changes.phones = body.phones;
  if (JSON.stringify(body.emails) !== JSON.stringify(contact.emails)) changes.emails = body.emails;
  if (body.responsibleId !== contact.responsibleId) changes.responsibleId = body.responsibleId;
  const custom = changedCustomValues(contact.custom, values.custom);
  if (Object.keys(custom).length > 0) changes.custom = { ...contact.custom, ...custom };
  return changes;
}
