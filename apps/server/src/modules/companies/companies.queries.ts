import type { Company } from '@voronka/domain';
import { sql } from 'kysely';
import { isoTime } from '../../http/cursor';
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

/** The JSON of `toCompany` for the companies row called `alias`, written by PostgreSQL (see `findParties`). */
export function companyJson(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`json_build_object('id', ${column('id')}, 'name', ${column('name')},
    'inn', ${column('inn')}, 'kpp', ${column('kpp')}, 'address', ${column('address')}, 'region', ${column('region')},
    'requisites', ${column('requisites')}, 'phones', ${column('phones')}, 'emails', ${column('emails')},
    'responsibleId', ${column('responsible_id')}, 'custom', ${column('custom')},
    'createdAt', ${isoTime(`${alias}.created_at`)}, 'updatedAt', ${isoTime(`${alias}.updated_at`)})`;
}
