import pg from 'pg';

/**
 * The texts node-postgres is handed while `work` runs, from any client in this process: one per round
 * trip, so a test can see how many a request takes and where a statement went.
 */
export async function sentTexts(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this only records them
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const [first] = args;
    texts.push(typeof first === 'string' ? first : String(first?.text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return texts;
}
