import { z } from 'zod';

export const PriceList = z
  .object({ id: z.uuid(), name: z.string(), position: z.number().int() })
  .meta({ id: 'PriceList' });
export const SavePriceListBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  position: z.number().int().min(0).max(1000).default(0),
});

export const ProductPrice = z.object({ priceListId: z.uuid(), price: z.number().min(0).max(1e13) });

export const Product = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sku: z.string().nullable(),
    unit: z.string(),
    vatRatePercent: z.number().int(),
    active: z.boolean(),
    prices: z.array(ProductPrice),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

const productFields = {
  name: z.string().trim().min(1).max(500),
  sku: z.string().trim().max(100).nullable(),
  unit: z.string().trim().min(1).max(20),
  vatRatePercent: z.number().int().min(0).max(100),
  active: z.boolean(),
  /** The product's price in each price list; a list left out has no price for it. */
  prices: z.array(ProductPrice).max(50),
};
export const CreateProductBody = z.strictObject({
  ...productFields,
  sku: productFields.sku.default(null),
  unit: productFields.unit.default('шт'),
  vatRatePercent: productFields.vatRatePercent.default(22),
  active: productFields.active.default(true),
  prices: productFields.prices.default([]),
});
export const UpdateProductBody = z.strictObject(productFields).partial();
