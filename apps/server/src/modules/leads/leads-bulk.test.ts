import { describeBulkActions } from '../parties/bulk-actions.cases';

describeBulkActions({ path: 'leads', entity: 'lead', body: (label) => ({ title: label }) });
