import { type Kysely, sql } from 'kysely';

// The period reports read stage visits through index-only scans of deal_stage_history_entered
// (migration 0025), which skip the table only on pages the visibility map marks all-visible. A
// visit row is small (about 52 to a page), so new visits fill the leftover space of old pages all
// over the table, and each one clears its page's mark. At 1,000,000 deals, 25,437 deals created and
// removed (0.66 % of the 3.87 million visits) left 27 % of its pages with dead rows; a quarter's
// funnel went from 428 to 757 ms (p50) and the head's plan against fact from 212 to 719 ms, until a
// vacuum set the marks again (bench/RESULTS.md, 2026-12-03). Autovacuum's defaults wait for 20 % of
// the rows to change or be added, about 770,000 visits here. Two per thousand keeps the share of
// unmarked pages near a tenth; each such vacuum skips the indexes when it removes few dead rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table deal_stage_history set (
      autovacuum_vacuum_scale_factor = 0.002,
      autovacuum_vacuum_insert_scale_factor = 0.002
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table deal_stage_history reset (
      autovacuum_vacuum_scale_factor,
      autovacuum_vacuum_insert_scale_factor
    )`.execute(db);
}
