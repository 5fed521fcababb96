import { describeBulkActions } from '../parties/bulk-actions.cases';

describeBulkActions({ path: 'companies', entity: 'company', body: (label) => ({ name: label }) });
