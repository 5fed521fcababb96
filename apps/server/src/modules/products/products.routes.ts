import {
  CreateProductBody,
  IdParams,
  Ok,
  PriceList,
  Product,
  SavePriceListBody,
  UpdateProductBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import {
  createPriceList,
  createProduct,
  deletePriceList,
  deleteProduct,
  findPriceLists,
  findProducts,
  updatePriceList,
  updateProduct,
} from './products.service';

export function registerProductRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/price-lists', {
    schema: {
      tags: ['catalogue'],
      summary: 'Price lists in order',
      response: { 200: z.object({ items: z.array(PriceList) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findPriceLists(db, actorOf(request)) }),
  });
  app.post('/api/price-lists', {
    schema: {
      tags: ['catalogue'],
      summary: 'Create a price list',
      body: SavePriceListBody,
      response: { 200: PriceList, ...errorResponses },
    },
    handler: async (request) => createPriceList(db, actorOf(request), request.body),
  });
  app.put('/api/price-lists/:id', {
    schema: {
      tags: ['catalogue'],
      summary: 'Rename or reorder a price list',
      params: IdParams,
      body: SavePriceListBody,
      response: { 200: PriceList, ...errorResponses },
    },
    handler: async (request) => updatePriceList(db, actorOf(request), request.params.id, request.body),
  });
  app.delete('/api/price-lists/:id', {
    schema: {
      tags: ['catalogue'],
      summary: 'Delete a price list and its prices',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deletePriceList(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/products', {
    schema: {
      tags: ['catalogue'],
      summary: 'Products with their price in each list',
      response: { 200: z.object({ items: z.array(Product) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await findProducts(db, actorOf(request)) }),
  });
  app.post('/api/products', {
    schema: {
      tags: ['catalogue'],
      summary: 'Create a product',
      body: CreateProductBody,
      response: { 200: Product, ...errorResponses },
    },
    handler: async (request) => createProduct(db, actorOf(request), request.body),
  });
  app.patch('/api/products/:id', {
    schema: {
      tags: ['catalogue'],
      summary: 'Change a product or its prices',
      params: IdParams,
      body: UpdateProductBody,
      response: { 200: Product, ...errorResponses },
    },
    handler: async (request) => updateProduct(db, actorOf(request), request.params.id, request.body),
  });
  app.delete('/api/products/:id', {
    schema: {
      tags: ['catalogue'],
      summary: 'Delete a product (archived if deals use it)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteProduct(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
}
