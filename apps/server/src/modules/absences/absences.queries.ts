import type { Absence } from '@voronka/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AbsencesTable } from '../../db/schema-absences';

type Trx = Kysely<DB>;

export interface NewAbsence {
  workspaceId: string;
  userId: string;
  kind: AbsencesTable['kind'];
  startsOn: string;
  endsOn: string;
  hours: number | null;
  comment: string | null;
  processInstanceId: string | null;
  createdBy: string | null;
}

export async function insertAbsence(trx: Trx, absence: NewAbsence): Promise<{ id: string }> {
  return trx
    .insertInto('absences')
    .values({
      workspace_id: absence.workspaceId,
      user_id: absence.userId,
      kind: absence.kind,
      starts_on: absence.startsOn,
      ends_on: absence.endsOn,
      hours: absence.hours,
      comment: absence.comment,
      process_instance_id: absence.processInstanceId,
      created_by: absence.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface AbsenceRange {
  from: string;
  to: string;
  userId?: string;
}

/** Absences overlapping the range (inclusive days), by start day, then person. */
export async function selectAbsences(db: Kysely<DB>, workspaceId: string, range: AbsenceRange) {
  const rows = await db
    .selectFrom('absences as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.user_id',
      'u.name as user_name',
      'a.kind',
      // Dates as text: a JS Date would be read in the server's time zone and shift the day.
      sql<string>`a.starts_on::text`.as('starts_on'),
      sql<string>`a.ends_on::text`.as('ends_on'),
      'a.hours',
      'a.comment',
      'a.process_instance_id',
      'a.created_at',
    ])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.starts_on', '<=', range.to)
    .where('a.ends_on', '>=', range.from)
    .$if(range.userId !== undefined, (query) => query.where('a.user_id', '=', range.userId!))
    .orderBy('a.starts_on')
    .orderBy('u.name')
    .orderBy('a.id')
    .execute();
  return rows.map(
    (row): Absence => ({
      id: row.id,
      userId: row.user_id,
      userName: row.user_name,
      kind: row.kind,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      hours: row.hours === null ? null : Number(row.hours),
      comment: row.comment,
      processInstanceId: row.process_instance_id,
      createdAt: row.created_at.toISOString(),
    }),
  );
}
