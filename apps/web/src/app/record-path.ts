export type RecordEntity = 'lead' | 'deal' | 'contact' | 'company';

const sections: Record<RecordEntity, string> = {
  lead: 'leads',
  deal: 'deals',
  contact: 'contacts',
  company: 'companies',
};

/** Where a record's card opens. */
export function recordPath(entity: RecordEntity, id: string): string {
  return `/${sections[entity]}/${id}`;
}
