import type { Company, CreateCompanyBody, UpdateCompanyBody } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireValidCustom } from '../custom-fields/custom-fields.service';
import { createdFields } from '../history/record-history';
import {
  type CompanyListOptions,
  findCompaniesSharing,
  findCompany,
  listCompanies,
  listCompanyDuplicates,
  toCompany,
} from './companies.queries';
import { type DuplicateGroup, duplicatesConflict, matchesOf } from './duplicates';
import { toPage } from './list-cursor';
import { deletedNow, recordChanged, requireResponsible } from './record-changes';
import { unionOf } from './record-merge';

export async function findCompanies(
  db: Kysely<DB>,
  actor: Actor,
  options: CompanyListOptions,
): Promise<{ items: Company[]; nextCursor: string | null }> {
  return toPage(await listCompanies(db, actor, options), options.limit, toCompany);
}

export async function getCompany(db: Kysely<DB>, actor: Actor, id: string): Promise<Company> {
  const row = await findCompany(db, actor, id);
  if (!row) throw notFound('Company');
  return toCompany(row);
}

export async function findCompanyDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  limit: number,
): Promise<{ items: DuplicateGroup[] }> {
  return { items: await listCompanyDuplicates(db, actor, limit) };
}

/**
 * Creates a company unless a company the actor can see already has one of its phones, emails or its
 * INN: then the answer is a conflict listing those companies, and `allowDuplicates` overrides it.
 */
export async function createCompany(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateCompanyBody>,
  options: { allowDuplicates: boolean },
): Promise<Company> {
  // A company someone creates is theirs unless they name another responsible person.
  const responsibleId = input.responsibleId === undefined ? actor.userId : input.responsibleId;
  const phones = unionOf(input.phones, []);
  const emails = unionOf(input.emails, []);
  return inTransaction(db, async (trx) => {
    if (responsibleId) await requireResponsible(trx, actor, responsibleId);
    await requireValidCustom(trx, actor, 'company', input.custom);
    const keys = { phones, emails, inn: input.inn };
    if (!options.allowDuplicates && (phones.length > 0 || emails.length > 0 || keys.inn)) {
      const duplicates = matchesOf('company', await findCompaniesSharing(trx, actor, keys), keys);
      if (duplicates.length > 0) throw duplicatesConflict(duplicates);
    }
    const row = await trx
      .insertInto('companies')
      .values({
        workspace_id: actor.workspaceId,
        name: input.name,
        inn: input.inn,
        kpp: input.kpp,
        address: input.address,
        requisites: JSON.stringify(input.requisites),
        phones,
        emails,
        responsible_id: responsibleId,
        custom: JSON.stringify(input.custom),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const company = toCompany(row);
    await recordChanged(trx, actor, {
      entity: 'company',
      recordId: company.id,
      responsibleId: company.responsibleId,
      action: 'create',
      changes: createdFields(company),
    });
    return company;
  });
}

export async function updateCompany(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateCompanyBody>,
): Promise<Company> {
  return db.transaction().execute(async (trx) => {
    const current = await findCompany(trx, actor, id, true);
    if (!current) throw notFound('Company');
    if (input.responsibleId) await requireResponsible(trx, actor, input.responsibleId);
    await requireValidCustom(trx, actor, 'company', input.custom);
    const row = await trx
      .updateTable('companies')
      .set({
        name: input.name,
        inn: input.inn,
        kpp: input.kpp,
        address: input.address,
        requisites: input.requisites && JSON.stringify(input.requisites),
        phones: input.phones && unionOf(input.phones, []),
        emails: input.emails && unionOf(input.emails, []),
        responsible_id: input.responsibleId,
        custom: input.custom && JSON.stringify(input.custom),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const company = toCompany(row);
    await recordChanged(trx, actor, {
      entity: 'company',
      recordId: id,
      responsibleId: company.responsibleId,
      action: 'update',
      changes: diffRecords(toCompany(current), company),
    });
    return company;
  });
}

/** Soft delete: the row and its history stay, so a deletion can be audited and undone. */
export async function deleteCompany(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findCompany(trx, actor, id, true);
    if (!current) throw notFound('Company');
    await trx
      .updateTable('companies')
      .set({ deleted_at: deletedNow })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordChanged(trx, actor, {
      entity: 'company',
      recordId: id,
      responsibleId: current.responsible_id,
      action: 'delete',
      changes: [],
    });
  });
}
