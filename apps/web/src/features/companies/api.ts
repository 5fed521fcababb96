import type { Company, CreateCompanyBody, UpdateCompanyBody } from '@voronka/domain';
import type { z } from 'zod';
import { partyApi } from './party-api';

const companies = partyApi<Company, z.input<typeof CreateCompanyBody>, z.input<typeof UpdateCompanyBody>>({
  path: 'companies',
  entity: 'company',
  mergeAlsoChanges: ['contacts', 'deals'],
});

export const companyKeys = companies.keys;

/** Companies matching `q` (name start, phone, email or INN), newest first; `deleted` shows the deleted ones. */
export function useCompanyList(q: string, deleted = false) {
  return companies.useList({ q, deleted });
}
export const useCompanyOptions = companies.useOptions;
export const useCompany = companies.useOne;
export const useCompanyNames = companies.useNames;
export const useCompanyDuplicates = companies.useDuplicates;
export const useCreateCompany = companies.useCreate;
export const useUpdateCompany = companies.useUpdate;
export const useDeleteCompany = companies.useDelete;
export const useBulkCompanies = companies.useBulk;
/** Merges `sourceId` into `targetId`: its contacts, deals, activities and history move to the survivor. */
export const useMergeCompanies = companies.useMerge;
