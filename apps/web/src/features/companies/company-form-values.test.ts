import type { Company } from '@voronka/domain';
import { describe, expect, it } from 'vitest';
import {
  companyChanges,
  companyCreateBody,
  companyToValues,
  emptyCompanyValues,
} from './company-form-values';

const company: Company = {
  id: 'c1',
  name: 'ООО «Ромашка»',
  inn: '7707083893',
  kpp: null,
  address: null,
  region: 'Москва',
  requisites: {},
  phones: ['+79123456789'],
  emails: ['info@romashka.ru'],
  responsibleId: 'u1',
  custom: {},
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('company form', () => {
  it('shows phones formatted and sends nothing when nothing changed', () => {
    const values = companyToValues(company);
    expect(values.phones).toEqual(['+7 912 345-67-89']);
    expect(companyChanges(company, values)).toEqual({});
  });

  it('treats the same number written another way as unchanged', () => {
    expect(companyChanges(company, { ...companyToValues(company), phones: ['8 (912) 345-67-89'] })).toEqual(
      {},
    );
  });

  it('sends a changed region, and a cleared one as null', () => {
    expect(companyChanges(company, { ...companyToValues(company), region: 'Тверская область' })).toEqual({
      region: 'Тверская область',
    });
    expect(companyChanges(company, { ...companyToValues(company), region: '  ' })).toEqual({ region: null });
  });

  it('sends changed fields and drops empty list rows', () => {
    const values = { ...companyToValues(company), kpp: '770701001', emails: ['info@romashka.ru', ' '] };
    expect(companyChanges(company, values)).toEqual({ kpp: '770701001' });
    expect(
      companyCreateBody({ ...emptyCompanyValues('u1'), name: ' Ромашка ', phones: ['', '8 912 345 67 89'] }),
    ).toEqual({
      name: 'Ромашка',
      inn: null,
      kpp: null,
      address: null,
      region: null,
      phones: ['8 912 345 67 89'],
      emails: [],
      responsibleId: 'u1',
      custom: {},
    });
  });
});
