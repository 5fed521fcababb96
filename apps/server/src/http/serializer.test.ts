import Fastify from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { preEncoded, responseSerializer } from './serializer';

const Person = z.object({ id: z.string(), name: z.string(), tags: z.array(z.string()).default([]) });

async function appAnswering(check: boolean, answer: unknown) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(check));
  app.get('/person', { schema: { response: { 200: Person } } }, async () => answer);
  await app.ready();
  return app;
}

describe('response serializer', () => {
  const exact = { id: 'p1', name: 'Анна', tags: ['vip'] };

  it('writes an answer of the schema’s shape the same way, checked or not', async () => {
    const checked = await appAnswering(true, exact);
    const direct = await appAnswering(false, exact);
    const a = await checked.inject({ url: '/person' });
    const b = await direct.inject({ url: '/person' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(exact);
    expect(b.json()).toEqual(a.json());
  });

  it('when checking, fails an answer the schema would change: an extra field, a default, a wrong type', async () => {
    for (const drifted of [
      { ...exact, passwordHash: 'secret' },
      { id: 'p1', name: 'Анна' },
      { ...exact, name: 42 },
    ]) {
      const app = await appAnswering(true, drifted);
      const response = await app.inject({ url: '/person' });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('secret');
    }
  });

  it('writes pre-encoded JSON text as it is, and checks it against the schema when checking', async () => {
    const text = '{"id" : "p1", "name" : "Анна", "tags" : ["vip"]}';
    for (const check of [true, false]) {
      const app = await appAnswering(check, preEncoded(text));
      const response = await app.inject({ url: '/person' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.body).toBe(text);
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(text)));
    }
    const drifted = await appAnswering(true, preEncoded('{"id": "p1", "name": "Анна"}'));
    expect((await drifted.inject({ url: '/person' })).statusCode).toBe(500);
  });

  it('writes JSON handed as parts as the text they make together, checked or not', async () => {
    // A part may end inside a string or a character that UTF-8 writes in two bytes ("н").
    const parts = ['{"id" : "p1", "na', 'me" : "Ан', 'на", "tags" : ["vip"', ']}'];
    const text = parts.join('');
    for (const check of [true, false]) {
      const app = await appAnswering(check, preEncoded(parts));
      const response = await app.inject({ url: '/person' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(text);
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(text)));
    }
    const drifted = await appAnswering(true, preEncoded(['{"id": "p1", ', '"name": "Анна"}']));
    expect((await drifted.inject({ url: '/person' })).statusCode).toBe(500);
  });
});
