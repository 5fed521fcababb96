import type pg from 'pg';

export interface SecondaryIndex {
  name: string;
  definition: string;
}

/**
 * Drops the indexes of `tables` that no constraint owns and returns their definitions: building a
 * B-tree or GIN index once over loaded rows is several times faster than updating it per row.
 * Primary keys and unique constraints stay (foreign keys depend on them).
 */
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<SecondaryIndex[]> {
  const result = await client.query<SecondaryIndex>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class t on t.oid = i.indrelid
     where t.relnamespace = 'public'::regnamespace and t.relname = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1`,
    [tables],
  );
  for (const index of result.rows) await client.query(`drop index ${index.name}`);
  return result.rows;
}

/** Builds the dropped indexes again from their exact definitions. */
export async function restoreIndexes(client: pg.Client, indexes: SecondaryIndex[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
}
