import type { DuplicateMatch } from '@voronka/domain';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';

type MatchedOn = DuplicateMatch['matchedOn'];

/** A phone, email or INN that several records share, and those records, oldest first. */
export const DuplicateGroup = z
  .object({
    key: z.object({ matchedOn: z.enum(['phone', 'email', 'inn']), value: z.string() }),
    records: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'DuplicateGroup' });
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const DuplicatesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** `?allowDuplicates=true` creates the record even when others share its phone, email or INN. */
export const CreateQuery = z.strictObject({
  allowDuplicates: z.enum(['true', 'false']).default('false'),
});

/** The normalised values a new record would be found by. */
export interface DuplicateKeys {
  phones: readonly string[];
  emails: readonly string[];
  inn?: string | null;
}

/** An existing record that might share a key. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  phones: readonly (string | null)[];
  emails: readonly (string | null)[];
  inn?: string | null;
}

/** One match per record and shared value, so the caller sees exactly what collided. */
export function matchesOf(
  entity: DuplicateMatch['entity'],
  candidates: readonly DuplicateCandidate[],
  keys: DuplicateKeys,
): DuplicateMatch[] {
  return candidates.flatMap((candidate) => {
    const shared = (matchedOn: MatchedOn, mine: readonly string[], theirs: readonly (string | null)[]) =>
      mine
        .filter((value) => theirs.includes(value))
        .map((value) => ({ entity, id: candidate.id, name: candidate.name, matchedOn, value }));
    return [
      ...shared('inn', keys.inn ? [keys.inn] : [], [candidate.inn ?? null]),
      ...shared('phone', keys.phones, candidate.phones),
      ...shared('email', keys.emails, candidate.emails),
    ];
  });
}

export function duplicatesConflict(duplicates: DuplicateMatch[]): AppError {
  const names = [...new Set(duplicates.map((match) => match.name))].slice(0, 3).join(', ');
  return new AppError(
    'conflict',
    `Possible duplicate of ${names}; send again with allowDuplicates=true to create it anyway`,
    { duplicates },
  );
}

/** One row per record and key value; `value` comes from unnest(), so a record yields a row per phone. */
export interface DuplicateKeyRow {
  id: string;
  name: string;
  created_at: Date;
  matched_on: MatchedOn;
  value: string;
}

/**
 * Groups key rows by value and keeps the values that more than one record holds.
 *
 * @example groupDuplicates(db, phoneRows.unionAll(emailRows), 100)
 */
export async function groupDuplicates<TB extends keyof DB>(
  db: Kysely<DB>,
  keys: SelectQueryBuilder<DB, TB, DuplicateKeyRow>,
  limit: number,
): Promise<DuplicateGroup[]> {
  const rows = await db
    .selectFrom(keys.as('k'))
    .select([
      'k.matched_on',
      'k.value',
      sql<
        { id: string; name: string }[]
      >`json_agg(json_build_object('id', k.id, 'name', k.name) order by k.created_at, k.id)`.as('records'),
    ])
    .groupBy(['k.matched_on', 'k.value'])
    .having(sql`count(distinct k.id)`, '>', 1)
    .orderBy('k.matched_on')
    .orderBy('k.value')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ key: { matchedOn: row.matched_on, value: row.value }, records: row.records }));
}
