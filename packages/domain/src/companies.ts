import { z } from 'zod';
import { isValidInn, isValidKpp } from './inn';
import { normalizePhone } from './phone';

/** A phone as typed by a person; stored in E.164, refused with the typed value named when unreadable. */
export const PhoneInput = z
  .string()
  .trim()
  .max(50)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a phone number` });
      return z.NEVER;
    }
    return phone;
  });
export const EmailInput = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const InnInput = z
  .string()
  .trim()
  .refine(isValidInn, 'INN must be 10 or 12 digits with valid check digits');
export const KppInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidKpp, 'KPP must be 9 characters: 4 digits, 2 digits or letters, 3 digits');

/**
 * A client's region as people name it ("Свердловская область", "Москва"): free text, because a
 * department sells to the regions it sells to; an empty one is no region. Reports filter on it.
 */
export const RegionInput = z
  .string()
  .trim()
  .max(100)
  .transform((value) => (value === '' ? null : value))
  .nullable();

export const Company = z
  .object({
    id: z.uuid(),
    name: z.string(),
    inn: z.string().nullable(),
    kpp: z.string().nullable(),
    address: z.string().nullable(),
    region: z.string().nullable(),
    requisites: z.record(z.string(), z.string()),
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    responsibleId: z.uuid().nullable(),
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Company' });
export type Company = z.infer<typeof Company>;

const companyFields = {
  name: z.string().trim().min(1).max(500),
  inn: InnInput.nullable(),
  kpp: KppInput.nullable(),
  address: z.string().trim().max(1000).nullable(),
  region: RegionInput,
  requisites: z.record(z.string().max(100), z.string().max(1000)),
  phones: z.array(PhoneInput).max(20),
  emails: z.array(EmailInput).max(20),
  responsibleId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
};
export const CreateCompanyBody = z.strictObject({
  ...companyFields,
  inn: companyFields.inn.default(null),
  kpp: companyFields.kpp.default(null),
  address: companyFields.address.default(null),
  region: companyFields.region.default(null),
  requisites: companyFields.requisites.default({}),
  phones: companyFields.phones.default([]),
  emails: companyFields.emails.default([]),
  responsibleId: companyFields.responsibleId.optional(),
  custom: companyFields.custom.default({}),
});
export const UpdateCompanyBody = z.strictObject(companyFields).partial();

export const Contact = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.string().nullable(),
    companyId: z.uuid().nullable(),
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    responsibleId: z.uuid().nullable(),
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

const contactFields = {
  name: z.string().trim().min(1).max(300),
  position: z.string().trim().max(300).nullable(),
  companyId: z.uuid().nullable(),
  phones: z.array(PhoneInput).max(20),
  emails: z.array(EmailInput).max(20),
  responsibleId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
};
export const CreateContactBody = z.strictObject({
  ...contactFields,
  position: contactFields.position.default(null),
  companyId: contactFields.companyId.default(null),
  phones: contactFields.phones.default([]),
  emails: contactFields.emails.default([]),
  responsibleId: contactFields.responsibleId.optional(),
  custom: contactFields.custom.default({}),
});
export const UpdateContactBody = z.strictObject(contactFields).partial();

/** A possible duplicate: another record sharing a phone, an email or an INN. */
export const DuplicateMatch = z
  .object({
    entity: z.enum(['contact', 'company', 'lead']),
    id: z.uuid(),
    name: z.string(),
    matchedOn: z.enum(['phone', 'email', 'inn']),
    value: z.string(),
  })
  .meta({ id: 'DuplicateMatch' });
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

/** Merge `sourceId` into the record in the path: its links, activities and history move to the survivor. */
export const MergeBody = z.strictObject({ sourceId: z.uuid() });
