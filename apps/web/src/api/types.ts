import type {
  CalendarItem as CalendarItemSchema,
  ConvertedLead as ConvertedLeadSchema,
  DealBoard as DealBoardSchema,
  DealProduct as DealProductSchema,
  MissingRequirement,
  StageVisit as StageVisitSchema,
  ViewQuery as ViewQuerySchema,
} from '@voronka/domain';
import type { z } from 'zod';

export type DealProduct = z.infer<typeof DealProductSchema>;
export type ConvertedLead = z.infer<typeof ConvertedLeadSchema>;
/** What a saved list view keeps: filters as query parameters, sort and columns. */
export type ViewQuery = z.infer<typeof ViewQuerySchema>;
export type {
  CreatedApiToken,
  CreatedInvitation,
  Invitation,
  RefusalReason,
  SavedView,
} from '@voronka/domain';

/** `GET /api/deals/board`: per stage the count and sum of every visible deal, and the latest few. */
export type DealBoard = z.infer<typeof DealBoardSchema>;
/** `GET /api/deals/:id/stages`: when the deal entered and left each stage. */
export type StageVisit = z.infer<typeof StageVisitSchema>;
/** `GET /api/calendar`: a task by its deadline or a meeting by its time. */
export type CalendarItem = z.infer<typeof CalendarItemSchema>;

// The shapes below are declared by the server's routes but not (yet) exported from @voronka/domain;
// they are written here only as far as the web reads them.

export type SearchEntity = 'lead' | 'contact' | 'company' | 'deal';

/** `GET /api/search`: one found record. */
export type SearchHit = {
  entity: SearchEntity;
  id: string;
  title: string;
  subtitle: string | null;
  matchedOn: 'name' | 'phone' | 'email' | 'inn';
};

/** `GET /api/companies/duplicates`, `GET /api/contacts/duplicates`: records sharing one value. */
export type DuplicateGroup = {
  key: { matchedOn: 'phone' | 'email' | 'inn'; value: string };
  records: { id: string; name: string }[];
};

/** The `details` of a 422 `stage_gate` answer to a bulk move: nothing moved, these deals were refused. */
export type BulkRefusal = { id: string; missing: MissingRequirement[] };
