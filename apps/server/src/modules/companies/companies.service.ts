import type { Company, CreateCompanyBody, UpdateCompanyBody } from '@voronka/domain';
import { diffRecords } from '@voronka/domain';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { requireValidCustom } from '../custom-fields/custom-fields.service';
import { recordChanged } from '../history/record-changed';
import { createdFields } from '../history/record-history';
import { duplicatesConflict, matchesOf } from '../parties/duplicates';
import { mergeParties } from '../parties/merge-parties';
import {
  type CompanyRow,
  findPartiesSharing,
  findParty,
  type PartyListOptions,
} from '../parties/parties.queries';
import { findParties, type PartyKind } from '../parties/parties.service';
import { requireResponsible } from '../parties/record-changes';
import { fillObject, firstFilled, unionOf } from '../parties/record-merge';
import { companyJson, toCompany } from './companies.queries';

export const companyKind: PartyKind<'companies', Company> = {
  table: 'companies',
  entity: 'company',
  noun: 'Company',
  toItem: toCompany,
  json: companyJson,
  update: (trx, actor, id, input) => updateCompany(trx, actor, id, input),
};

/** `q` also finds a company by its INN. */
export function findCompanies(db: Kysely<DB>, actor: Actor, options: PartyListOptions) {
  return findParties(companyKind, db, actor, {
    ...options,
    alsoMatch: (q) => [sql<SqlBool>`companies.inn = ${q}`],
  });
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
      const duplicates = matchesOf('company', await findPartiesSharing(trx, actor, 'companies', keys), keys);
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
        region: input.region,
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
  return inTransaction(db, async (trx) => {
    const current = await findParty(trx, actor, 'companies', id, { lock: true });
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
        region: input.region,
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

/** Contacts, deals and leads of the source move to the survivor; its empty details are filled in. */
export function mergeCompanies(
  db: Kysely<DB>,
  actor: Actor,
  survivorId: string,
  sourceId: string,
): Promise<Company> {
  const plan = {
    links: [
      ['contacts', 'company_id'],
      ['deals', 'company_id'],
      ['leads', 'company_id'],
    ] as const,
    fill: (survivor: CompanyRow, source: CompanyRow) => ({
      inn: firstFilled(survivor.inn, source.inn),
      kpp: firstFilled(survivor.kpp, source.kpp),
      address: firstFilled(survivor.address, source.address),
      region: firstFilled(survivor.region, source.region),
      requisites: JSON.stringify(fillObject(survivor.requisites, source.requisites)),
    }),
  };
  return mergeParties(companyKind, plan, db, actor, survivorId, sourceId);
}
