import { type Kysely, sql } from 'kysely';

// Which kind of record a process runs on (lead, deal, contact, company; null: started without one), so
// a record's card offers only the processes made for it, the server refuses a start on another kind,
// and triggers start only matching processes. Processes created from templates before this take their
// template's. Process tasks keep the decisions their approval offers (approve / reject / revise), so the
// inbox shows exactly those and the server refuses any other.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table process_definitions add column runs_on text
      check (runs_on in ('lead', 'deal', 'contact', 'company'));
    update process_definitions set runs_on = case
        when template = 'lead-servicing' then 'lead'
        when template in ('contract-approval', 'invoice-payment') then 'deal'
      end
      where template in ('lead-servicing', 'contract-approval', 'invoice-payment');
    alter table process_tasks add column decisions jsonb not null default '[]';
  `.execute(db);
}
