import { type Company, formatPhone, normalizePhone } from '@voronka/domain';
import { changedCustomValues } from '../custom-fields/custom-values';

export type CompanyFormValues = {
  name: string;
  inn: string;
  kpp: string;
  address: string;
  region: string;
  phones: string[];
  emails: string[];
  responsibleId: string | null;
  custom: Record<string, unknown>;
};

export function emptyCompanyValues(responsibleId: string | null): CompanyFormValues {
  return {
    name: '',
    inn: '',
    kpp: '',
    address: '',
    region: '',
    phones: [],
    emails: [],
    responsibleId,
    custom: {},
  };
}

export function companyToValues(company: Company): CompanyFormValues {
  return {
    name: company.name,
    inn: company.inn ?? '',
    kpp: company.kpp ?? '',
    address: company.address ?? '',
    region: company.region ?? '',
    phones: company.phones.map(formatPhone),
    emails: [...company.emails],
    responsibleId: company.responsibleId,
    custom: { ...company.custom },
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());
const filled = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);

/** The create body: blanks as null, empty list rows dropped; phones go as typed (the server normalises). */
export function companyCreateBody(values: CompanyFormValues) {
  return {
    name: values.name.trim(),
    inn: blankToNull(values.inn),
    kpp: blankToNull(values.kpp),
    address: blankToNull(values.address),
    region: blankToNull(values.region),
    phones: filled(values.phones),
    emails: filled(values.emails),
    responsibleId: values.responsibleId,
    custom: changedCustomValues({}, values.custom),
  };
}

/** Same phone numbers, however written: "8 (912) 345-67-89" equals "+79123456789". */
function samePhones(saved: string[], typed: string[]): boolean {
  const normalised = typed.map((phone) => normalizePhone(phone) ?? phone);
  return JSON.stringify(saved) === JSON.stringify(normalised);
}

/**
 * The PATCH body: only what differs from the saved company.
 *
 * @example companyChanges(company, { ...companyToValues(company), kpp: '770101001' }) // { kpp: '770101001' }
 */
export function companyChanges(company: Company, values: CompanyFormValues): Record<string, unknown> {
  const body = companyCreateBody(values);
  const changes: Record<string, unknown> = {};
  if (body.name !== company.name) changes.name = body.name;
  if (body.inn !== company.inn) changes.inn = body.inn;
  if (body.kpp !== company.kpp) changes.kpp = body.kpp;
  if (body.address !== company.address) changes.address = body.address;
  if (body.region !== company.region) changes.region = body.region;
  if (!samePhones(company.phones, body.phones)) changes.phones = body.phones;
  if (JSON.stringify(body.emails) !== JSON.stringify(company.emails)) changes.emails = body.emails;
  if (body.responsibleId !== company.responsibleId) changes.responsibleId = body.responsibleId;
  const custom = changedCustomValues(company.custom, values.custom);
  if (Object.keys(custom).length > 0) changes.custom = { ...company.custom, ...custom };
  return changes;
}
