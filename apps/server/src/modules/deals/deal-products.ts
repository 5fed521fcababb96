import type { DealProductInput } from '@voronka/domain';
import { fromMinorUnits, lineTotals, sumTotals, toMinorUnits } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';

function asLine(product: DealProductInput) {
  return {
    price: toMinorUnits(product.price),
    quantity: product.quantity,
    discountPercent: product.discountPercent,
    vatRatePercent: product.vatRatePercent,
    vatIncluded: product.vatIncluded,
  };
}

/** Replaces a deal's product lines and returns their total in roubles: the deal's amount. */
export async function replaceProducts(
  trx: Kysely<DB>,
  workspaceId: string,
  dealId: string,
  products: readonly DealProductInput[],
): Promise<number> {
  const productIds = [
    ...new Set(products.flatMap((product) => (product.productId ? [product.productId] : []))),
  ];
  if (productIds.length > 0) {
    const found = await trx
      .selectFrom('products')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', productIds)
      .execute();
    const known = new Set(found.map((row) => row.id));
    const index = products.findIndex((product) => product.productId && !known.has(product.productId));
    if (index >= 0) throw invalid(`body.products.${index}.productId`, 'No such product');
  }
  await trx
    .deleteFrom('deal_products')
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .execute();
  if (products.length > 0) {
    await trx
      .insertInto('deal_products')
      .values(
        products.map((product, position) => ({
          workspace_id: workspaceId,
          deal_id: dealId,
          product_id: product.productId,
          name: product.name,
          price: product.price,
          quantity: product.quantity,
          discount_percent: product.discountPercent,
          vat_rate: product.vatRatePercent,
          vat_included: product.vatIncluded,
          position,
        })),
      )
      .execute();
  }
  return fromMinorUnits(sumTotals(products.map(asLine)).total);
}

export async function listProducts(db: Kysely<DB>, workspaceId: string, dealId: string) {
  const rows = await db
    .selectFrom('deal_products')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deal_id', '=', dealId)
    .orderBy('position')
    .execute();
  return rows.map((row) => {
    const input = {
      productId: row.product_id,
      name: row.name,
      price: Number(row.price),
      quantity: Number(row.quantity),
      discountPercent: Number(row.discount_percent),
      vatRatePercent: row.vat_rate,
      vatIncluded: row.vat_included,
    };
    const totals = lineTotals(asLine(input));
    return { id: row.id, ...input, total: fromMinorUnits(totals.total), vat: fromMinorUnits(totals.vat) };
  });
}
