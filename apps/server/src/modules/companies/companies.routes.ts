import { Company, CreateCompanyBody, UpdateCompanyBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { App } from '../../http/route-types';
import { partyListQuery, registerPartyRoutes } from '../parties/parties.routes';
import {
  companyKind,
  createCompany,
  findCompanies,
  mergeCompanies,
  updateCompany,
} from './companies.service';

export function registerCompanyRoutes(app: App, db: Kysely<DB>): void {
  registerPartyRoutes(app, db, {
    kind: companyKind,
    item: Company,
    listQuery: z.strictObject(partyListQuery),
    createBody: CreateCompanyBody,
    updateBody: UpdateCompanyBody,
    words: {
      one: 'company',
      many: 'companies',
      search: '`q` matches the start of the name in any case, or a phone (any spelling), an email or an INN.',
      duplicates: '',
      sharedKeys: 'Phones, emails and INNs',
    },
    list: findCompanies,
    create: createCompany,
    update: updateCompany,
    merge: mergeCompanies,
  });
}
