import type { Company } from '@voronka/domain';
import { normalizePhone } from '@voronka/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { CompaniesTable, DB } from '../../db/schema';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import type { DuplicateGroup, DuplicateKeys } from './duplicates';
import { groupDuplicates } from './duplicates';
import { afterCursor, createdAtKey, type ListCursor, prefixPattern } from './list-cursor';

export type CompanyRow = Selectable<CompaniesTable>;

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    inn: row.inn,
    kpp: row.kpp,
    address: row.address,
    requisites: row.requisites as Record<string, string>,
    phones: row.phones,
    emails: row.emails,
    responsibleId: row.responsible_id,
    custom: row.custom as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Live companies the actor may see; every company query starts here so the scope cannot be forgotten. */
export function visibleCompanies(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('companies')
    .where('companies.workspace_id', '=', actor.workspaceId)
    .where('companies.deleted_at', 'is', null)
    .where(visibleTo(actor, 'companies.responsible_id'));
}

export interface CompanyListOptions {
  limit: number;
  cursor?: ListCursor;
  q?: string;
}

/**
 * One page, newest first, plus one row more to tell whether another page follows. `q` matches a name
 * prefix in any letter case, or exactly a phone (in any spelling), an email or an INN.
 */
export function listCompanies(db: Kysely<DB>, actor: Actor, options: CompanyListOptions) {
  let query = visibleCompanies(db, actor)
    .selectAll('companies')
    .select(createdAtKey('companies').as('cursor_at'));
  const q = options.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    query = query.where((eb) =>
      eb.or([
        eb('companies.name', 'ilike', prefixPattern(q)),
        eb('companies.emails', '@>', eb.val([q.toLowerCase()])),
        eb('companies.inn', '=', q),
        ...(phone ? [eb('companies.phones', '@>', eb.val([phone]))] : []),
      ]),
    );
  }
  if (options.cursor) query = query.where(afterCursor('companies', options.cursor));
  return query
    .orderBy('companies.created_at', 'desc')
    .orderBy('companies.id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

/** One visible company, or undefined; `lock` holds the row until the transaction ends. */
export function findCompany(db: Kysely<DB>, actor: Actor, id: string, lock = false) {
  const query = visibleCompanies(db, actor).selectAll('companies').where('companies.id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Visible companies sharing any of the keys; the caller works out which key each one shares. */
export function findCompaniesSharing(db: Kysely<DB>, actor: Actor, keys: DuplicateKeys) {
  return visibleCompanies(db, actor)
    .select(['companies.id', 'companies.name', 'companies.phones', 'companies.emails', 'companies.inn'])
    .where((eb) =>
      eb.or([
        ...(keys.phones.length > 0 ? [eb('companies.phones', '&&', eb.val([...keys.phones]))] : []),
        ...(keys.emails.length > 0 ? [eb('companies.emails', '&&', eb.val([...keys.emails]))] : []),
        ...(keys.inn ? [eb('companies.inn', '=', keys.inn)] : []),
      ]),
    )
    .orderBy('companies.created_at')
    .limit(50)
    .execute();
}

/** Phones, emails and INNs that more than one visible company holds. */
export function listCompanyDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  limit: number,
): Promise<DuplicateGroup[]> {
  const keys = (matchedOn: 'phone' | 'email' | 'inn') =>
    visibleCompanies(db, actor).select((eb) => [
      'companies.id',
      'companies.name',
      'companies.created_at',
      sql<typeof matchedOn>`${sql.lit(matchedOn)}::text`.as('matched_on'),
      (matchedOn === 'inn'
        ? eb.ref('companies.inn').$castTo<string>()
        : eb.fn<string>('unnest', [`companies.${matchedOn}s`])
      ).as('value'),
    ]);
  return groupDuplicates(
    db,
    keys('phone')
      .unionAll(keys('email'))
      .unionAll(keys('inn').where('companies.inn', 'is not', null)),
    limit,
  );
}
