import { type Kysely, type Migration, Migrator } from 'kysely';
import * as foundation from './migrations/0001-foundation';
import * as crmCore from './migrations/0002-crm-core';
import * as fulfilment from './migrations/0003-fulfilment';
import * as boardTotals from './migrations/0004-board-totals';
import * as listIndexes from './migrations/0005-list-indexes';
import * as processes from './migrations/0006-processes';
import * as visibilityInRecent from './migrations/0007-visibility-in-recent-indexes';
import * as processTriggerEvents from './migrations/0009-process-trigger-events';
import * as reportsPlanningFinance from './migrations/0010-reports-planning-finance';
import * as absences from './migrations/0011-absences';
import * as processRunsOn from './migrations/0012-process-runs-on';
import * as reportIndexes from './migrations/0013-report-indexes';
import * as reportSummaries from './migrations/0014-report-summaries';
import * as processWritePath from './migrations/0015-process-write-path';
import * as searchInRecent from './migrations/0016-search-in-recent-indexes';
import * as files from './migrations/0017-files';
import * as regions from './migrations/0018-regions';
import * as fileInstances from './migrations/0019-file-instances';
import * as stageVisitsByEntry from './migrations/0020-stage-visits-by-entry';
import * as callIds from './migrations/0021-call-ids';
import * as webForms from './migrations/0022-web-forms';
import * as emailMessages from './migrations/0023-email-messages';
import * as dealVisitedStages from './migrations/0024-deal-visited-stages';
import * as stageVisitResponsible from './migrations/0025-stage-visit-responsible';
import * as companyListIndexes from './migrations/0026-company-list-indexes';
import * as attentionIndexes from './migrations/0027-attention-indexes';
import * as filterValueIndexes from './migrations/0028-filter-value-indexes';
import * as recordTaskIndex from './migrations/0029-record-task-index';
import * as financeMonthTotals from './migrations/0030-finance-month-totals';
import * as dealTitleIndex from './migrations/0031-deal-title-index';
import * as dealSortIndexes from './migrations/0032-deal-sort-indexes';
import * as boardTotalSlots from './migrations/0033-board-total-slots';
import * as dealNextStep from './migrations/0034-deal-next-step';
import * as dealsWithoutNextStep from './migrations/0035-deals-without-next-step';
import * as stageVisitVacuum from './migrations/0036-stage-visit-vacuum';
import type { DB } from './schema';

// Listed here rather than read from disk, so migrations work the same from source, tests and bundles.
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-crm-core': crmCore,
  '0003-fulfilment': fulfilment,
  '0004-board-totals': boardTotals,
  '0005-list-indexes': listIndexes,
  '0006-processes': processes,
  '0007-visibility-in-recent-indexes': visibilityInRecent,
  '0009-process-trigger-events': processTriggerEvents,
  '0010-reports-planning-finance': reportsPlanningFinance,
  '0011-absences': absences,
  '0012-process-runs-on': processRunsOn,
  '0013-report-indexes': reportIndexes,
  '0014-report-summaries': reportSummaries,
  '0015-process-write-path': processWritePath,
  '0016-search-in-recent-indexes': searchInRecent,
  '0017-files': files,
  '0018-regions': regions,
  '0019-file-instances': fileInstances,
  '0020-stage-visits-by-entry': stageVisitsByEntry,
  '0021-call-ids': callIds,
  '0022-web-forms': webForms,
  '0023-email-messages': emailMessages,
  '0024-deal-visited-stages': dealVisitedStages,
  '0025-stage-visit-responsible': stageVisitResponsible,
  '0026-company-list-indexes': companyListIndexes,
  '0027-attention-indexes': attentionIndexes,
  '0028-filter-value-indexes': filterValueIndexes,
  '0029-record-task-index': recordTaskIndex,
  '0030-finance-month-totals': financeMonthTotals,
  '0031-deal-title-index': dealTitleIndex,
  '0032-deal-sort-indexes': dealSortIndexes,
  '0033-board-total-slots': boardTotalSlots,
  '0034-deal-next-step': dealNextStep,
  '0035-deals-without-next-step': dealsWithoutNextStep,
  '0036-stage-visit-vacuum': stageVisitVacuum,
};

/** Applies every pending migration, forward only; safe to call from several processes at once. */
export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
