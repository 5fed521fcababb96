import type { CreateProductBody, Product, SavePriceListBody, UpdateProductBody } from '@voronka/domain';
import { canAdminister } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, forbidden, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';

type Trx = Kysely<DB>;

/** The catalogue is kept by owners, admins and heads of sales; everyone reads it. */
function requireCatalogueEditor(actor: Actor): void {
  if (!canAdminister(actor.role) && actor.role !== 'head_of_sales')
    throw forbidden('Only an owner, admin or head of sales can change products and price lists');
}

export async function findPriceLists(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('price_lists')
    .select(['id', 'name', 'position'])
    .where('workspace_id', '=', actor.workspaceId)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

export async function createPriceList(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof SavePriceListBody>,
) {
  requireCatalogueEditor(actor);
  return db
    .insertInto('price_lists')
    .values({ workspace_id: actor.workspaceId, name: input.name, position: input.position })
    .returning(['id', 'name', 'position'])
    .executeTakeFirstOrThrow();
}

export async function updatePriceList(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof SavePriceListBody>,
) {
  requireCatalogueEditor(actor);
  const row = await db
    .updateTable('price_lists')
    .set({ name: input.name, position: input.position })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .returning(['id', 'name', 'position'])
    .executeTakeFirst();
  if (!row) throw notFound('Price list');
  return row;
}

export async function deletePriceList(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireCatalogueEditor(actor);
  const result = await db
    .deleteFrom('price_lists')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('Price list');
}

async function loadProducts(db: Trx, workspaceId: string, ids?: string[]): Promise<Product[]> {
  let query = db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId);
  if (ids) query = query.where('id', 'in', ids);
  const products = await query.orderBy('name').execute();
  if (products.length === 0) return [];
  const prices = await db
    .selectFrom('product_prices')
    .innerJoin('price_lists', 'price_lists.id', 'product_prices.price_list_id')
    .select(['product_prices.product_id', 'product_prices.price_list_id', 'product_prices.price'])
    .where('product_prices.workspace_id', '=', workspaceId)
    .where(
      'product_prices.product_id',
      'in',
      products.map((product) => product.id),
    )
    .orderBy('price_lists.position')
    .execute();
  return products.map((row) => ({
    id: row.id,
    name: row.name,
    sku: row.sku,
    unit: row.unit,
    vatRatePercent: row.vat_rate,
    active: row.active,
    prices: prices
      .filter((price) => price.product_id === row.id)
      .map((price) => ({ priceListId: price.price_list_id, price: Number(price.price) })),
  }));
}

export function findProducts(db: Kysely<DB>, actor: Actor): Promise<Product[]> {
  return loadProducts(db, actor.workspaceId);
}

async function writePrices(
  trx: Trx,
  workspaceId: string,
  productId: string,
  prices: readonly { priceListId: string; price: number }[],
): Promise<void> {
  const listIds = [...new Set(prices.map((price) => price.priceListId))];
  if (listIds.length !== prices.length) throw invalid('body.prices', 'Each price list may appear once');
  if (listIds.length > 0) {
    const known = await trx
      .selectFrom('price_lists')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', listIds)
      .execute();
    const index = prices.findIndex((price) => !known.some((row) => row.id === price.priceListId));
    if (index >= 0) throw invalid(`body.prices.${index}.priceListId`, 'No such price list');
  }
  await trx
    .deleteFrom('product_prices')
    .where('workspace_id', '=', workspaceId)
    .where('product_id', '=', productId)
    .execute();
  if (prices.length > 0) {
    await trx
      .insertInto('product_prices')
      .values(
        prices.map((price) => ({
          workspace_id: workspaceId,
          product_id: productId,
          price_list_id: price.priceListId,
          price: price.price,
        })),
      )
      .execute();
  }
}

export async function createProduct(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof CreateProductBody>,
): Promise<Product> {
  requireCatalogueEditor(actor);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('products')
      .values({
        workspace_id: actor.workspaceId,
        name: input.name,
        sku: input.sku,
        unit: input.unit,
        vat_rate: input.vatRatePercent,
        active: input.active,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writePrices(trx, actor.workspaceId, row.id, input.prices);
    const [product] = await loadProducts(trx, actor.workspaceId, [row.id]);
    if (!product) throw new AppError('internal', 'Product vanished');
    return product;
  });
}

export async function updateProduct(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateProductBody>,
): Promise<Product> {
  requireCatalogueEditor(actor);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('products')
      .set({
        name: input.name,
        sku: input.sku,
        unit: input.unit,
        vat_rate: input.vatRatePercent,
        active: input.active,
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw notFound('Product');
    if (input.prices) await writePrices(trx, actor.workspaceId, id, input.prices);
    const [product] = await loadProducts(trx, actor.workspaceId, [id]);
    if (!product) throw notFound('Product');
    return product;
  });
}

/** A product used on deals is archived (inactive) rather than deleted, so old deals keep their lines. */
export async function deleteProduct(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireCatalogueEditor(actor);
  await db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('deal_products')
      .select('id')
      .where('workspace_id', '=', actor.workspaceId)
      .where('product_id', '=', id)
      .executeTakeFirst();
    const query = used
      ? trx
          .updateTable('products')
          .set({ active: false })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', id)
      : trx.deleteFrom('products').where('workspace_id', '=', actor.workspaceId).where('id', '=', id);
    const result = await query.executeTakeFirst();
    const changed = 'numUpdatedRows' in result ? result.numUpdatedRows : result.numDeletedRows;
    if (changed === 0n) throw notFound('Product');
  });
}
