import type { AbsenceKind } from '@voronka/domain';
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** date: written as an ISO day; read back as text by the queries (a Date would shift with the time zone). */
type Day = ColumnType<string, string, string>;

export interface AbsencesTable {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  kind: AbsenceKind;
  starts_on: Day;
  ends_on: Day;
  /** numeric: read back as a string so no precision is lost. */
  hours: ColumnType<string | null, string | number | null, string | number | null>;
  comment: string | null;
  process_instance_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AbsenceTables {
  absences: AbsencesTable;
}
