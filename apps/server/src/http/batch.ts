import { AppError, invalid } from './errors';

/**
 * Runs `step` for each item of a batch inside the caller's transaction; the first error names the item
 * by its index in the request (`body.items.12.title`), and the transaction rolls back all of them.
 */
export async function eachItem<T, R>(
  items: readonly T[],
  prefix: string,
  step: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) {
    try {
      results.push(await step(item, index));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed' && Array.isArray(error.details)) {
        const details = (error.details as { path: string; message: string }[]).map((issue) => ({
          ...issue,
          path: issue.path.replace(/^body\./, `${prefix}.${index}.`),
        }));
        throw new AppError('validation_failed', `${details[0]?.path}: ${details[0]?.message}`, details);
      }
      if (error instanceof AppError && error.code === 'not_found')
        throw invalid(`${prefix}.${index}`, 'No such record');
      // Any other refusal (a duplicate, a closed gate) keeps its code and says which item it was.
      if (error instanceof AppError) {
        throw new AppError(error.code, `${prefix}.${index}: ${error.message}`, {
          item: `${prefix}.${index}`,
          details: error.details,
        });
      }
      throw error;
    }
  }
  return results;
}
