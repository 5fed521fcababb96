import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app';

// The OpenAPI document is generated from the route schemas; it must be valid and must not forget a route.

let t: TestApp;
let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };

beforeAll(async () => {
  t = await startTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  doc = response.json();
});

/**
 * Every method and path the app answers, read from Fastify's route tree: each line is a segment
 * indented four characters per level, with the methods in brackets, e.g. `│   └── /:id (GET, HEAD)`.
 */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + segment;
    prefixes[depth] = path;
    for (const method of methods?.split(', ') ?? []) routes.push(`${method} ${path}`);
  }
  return routes;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by the reference validator', async () => {
    expect(doc.openapi.startsWith('3.1')).toBe(true);
    const validator = new Validator();
    const result = await validator.validate(doc);
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is public: a client can read it before signing in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
  });

  it('lists every API route the app serves', () => {
    const served = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .filter((route) => !/^(HEAD|OPTIONS) /.test(route))
      .filter(
        (route) =>
          / \/api\//.test(route) && !/ \/api\/docs/.test(route) && !route.endsWith(' /api/openapi.json'),
      )
      .map((route) => route.replace(/:(\w+)/g, '{$1}'));
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The parser must have found the routes every workspace has, or the comparison proves nothing.
    expect(served).toEqual(
      expect.arrayContaining([
        'GET /api/leads',
        'PATCH /api/leads/{id}',
        'GET /api/history/{entity}/{id}',
        'PUT /api/roles/{role}',
      ]),
    );
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it('documents the error body on authenticated routes', () => {
    const leads = doc.paths['/api/leads/{id}'] as Record<string, { responses: Record<string, unknown> }>;
    expect(Object.keys(leads.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    );
  });
});

describe('the docs page', () => {
  it('serves Swagger UI as HTML without signing in', async () => {
    let response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; response.statusCode >= 300 && response.statusCode < 400 && hops < 5; hops++) {
      const location = new URL(String(response.headers.location), 'http://localhost/api/docs/');
      response = await t.app.inject({ method: 'GET', url: location.pathname + location.search });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger-ui');
  });
});
