import { describeBulkActions } from '../parties/bulk-actions.cases';

describeBulkActions({ path: 'contacts', entity: 'contact', body: (label) => ({ name: label }) });
