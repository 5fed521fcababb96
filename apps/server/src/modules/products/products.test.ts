import type { Product } from '@voronka/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTeam,
  signIn,
  startTestApp,
  type Team,
  type TestApp,
} from '../../../test/test-app';

let t: TestApp;
let team: Team;
let head: Client;
let manager: Client;
const lists: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t, 'products');
  head = await signIn(t.app, team.users.head.email);
  manager = await signIn(t.app, team.users.managerA.email);
  // Five discount levels, as in the lead-servicing process of seed 002.
  for (const [i, name] of ['Розница', 'Скидка 5%', 'Скидка 10%', 'Скидка 15%', 'Опт'].entries()) {
    lists.push((await head.request('POST', '/api/price-lists', { name, position: i })).json().id);
  }
});

describe('products and price lists', () => {
  it('a product carries its price in each of five price lists, in list order', async () => {
    // Sent in reverse; read back in the lists' order.
    const prices = lists
      .map((priceListId, i) => ({ priceListId, price: [1000, 950, 900, 850, 700][i]! }))
      .reverse();
    const created = await head.request('POST', '/api/products', {
      name: 'Коробка 40×30',
      sku: 'BOX-4030',
      prices,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({
      name: 'Коробка 40×30',
      unit: 'шт',
      vatRatePercent: 22,
      active: true,
    });
    expect(created.json().prices.map((p: { price: number }) => p.price)).toEqual([1000, 950, 900, 850, 700]);
    const listed = (await manager.request('GET', '/api/products')).json().items as Product[];
    expect(listed.map((p) => p.name)).toEqual(['Коробка 40×30']);
  });

  it('only owners, admins and heads of sales change the catalogue', async () => {
    expect((await manager.request('POST', '/api/products', { name: 'x' })).statusCode).toBe(403);
    expect((await manager.request('POST', '/api/price-lists', { name: 'x' })).statusCode).toBe(403);
  });

  it('refuses a price list of another workspace or twice the same list, naming the field', async () => {
    const stranger = await createTeam(t, 'products-other');
    const owner = await signIn(t.app, stranger.users.owner.email);
    const foreignList = (await owner.request('POST', '/api/price-lists', { name: 'Чужой' })).json().id;
    const foreign = await head.request('POST', '/api/products', {
      name: 'x',
      prices: [{ priceListId: foreignList, price: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.prices.0.priceListId');
    const twice = await head.request('POST', '/api/products', {
      name: 'x',
      prices: [
        { priceListId: lists[0], price: 1 },
        { priceListId: lists[0], price: 2 },
      ],
    });
    expect(twice.json().error.details[0].path).toBe('body.prices');
    expect(
      (await head.request('GET', '/api/products')).json().items.map((p: Product) => p.name),
    ).not.toContain('x');
  });

  it('a product used on a deal is archived, not deleted; an unused one is deleted', async () => {
    const used = (await head.request('POST', '/api/products', { name: 'Используемый' })).json();
    const unused = (await head.request('POST', '/api/products', { name: 'Неиспользуемый' })).json();
    await manager.request('POST', '/api/deals', {
      title: 'С товаром',
      products: [{ productId: used.id, name: used.name, price: 10, quantity: 1 }],
    });
    expect((await head.request('DELETE', `/api/products/${used.id}`)).statusCode).toBe(200);
    expect((await head.request('DELETE', `/api/products/${unused.id}`)).statusCode).toBe(200);
    const names = (await head.request('GET', '/api/products'))
      .json()
      .items.map((p: Product) => [p.name, p.active]);
    expect(names).toContainEqual(['Используемый', false]);
    expect(names.map((n: unknown[]) => n[0])).not.toContain('Неиспользуемый');
  });
});
