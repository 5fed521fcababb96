import type { Company } from '@voronka/domain';
import type { CompanyRow } from '../parties/parties.queries';

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    inn: row.inn,
    kpp: row.kpp,
    address: row.address,
    region: row.region,
    requisites: row.requisites as Record<string, string>,
    phones: row.phones,
    emails: row.emails,
    responsibleId: row.responsible_id,
    custom: row.custom as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
