import type {
  ConvertedLead as ConvertedLeadSchema,
  Deal,
  DealProduct as DealProductSchema,
  MissingRequirement,
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

// The shapes below are declared by the server's routes but not (yet) exported from @voronka/domain;
// they are written here only as far as the web reads them.

/** `GET /api/deals/board`: per stage the count and sum of every visible deal, and the latest few. */
export type DealBoard = {
  pipelineId: string;
  columns: { stageId: string; count: number; sum: number; deals: Deal[] }[];
};

/** `GET /api/deals/:id/stages`: when the deal entered and left each stage. */
export type StageVisit = {
  stageId: string;
  stageName: string;
  enteredAt: string;
  exitedAt: string | null;
  actorId: string | null;
  overrideComment: string | null;
};

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
