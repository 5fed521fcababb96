import pg from 'pg';

/** Bumped whenever the generator's output changes, so an older dataset is regenerated. */
export const datasetVersion = 6;

/** What was generated, kept as the database's comment: the runner reuses a matching dataset. */
export interface DatasetMarker {
  version: number;
  seed: number;
  anchor: string;
  counts: Record<string, number>;
  /** Seconds per step of the generation, and the total. */
  seconds: Record<string, number>;
  generatedAt: string;
}

export async function readMarker(client: pg.Client): Promise<DatasetMarker | null> {
  const result = await client.query<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()`,
  );
  const comment = result.rows[0]?.comment;
  if (!comment) return null;
  try {
    const marker = JSON.parse(comment) as DatasetMarker;
    return marker.version === datasetVersion ? marker : null;
  } catch {
    return null;
  }
}

export async function writeMarker(client: pg.Client, marker: DatasetMarker): Promise<void> {
  const database = (await client.query<{ name: string }>('select current_database() as name')).rows[0]?.name;
  if (!database) throw new Error('No current database');
  await client.query(
    `comment on database ${pg.escapeIdentifier(database)} is ${pg.escapeLiteral(JSON.stringify(marker))}`,
  );
}
