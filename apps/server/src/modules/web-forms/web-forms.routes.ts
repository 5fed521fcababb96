import {
  IdParams,
  Ok,
  UpdateWebFormInput,
  WebForm,
  WebFormInput,
  WebFormSubmission,
  webFormKeyPattern,
} from '@voronka/domain';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { notFound } from '../../http/errors';
import { type App, errorResponses } from '../../http/route-types';
import { formPage, thanksPage } from './form-page';
import {
  createWebForm,
  deleteWebForm,
  listWebForms,
  publicWebForm,
  SubmissionRefused,
  submitWebForm,
  updateWebForm,
} from './web-forms.service';

const KeyParams = z.strictObject({ key: z.string().regex(webFormKeyPattern, 'Not a form key') });
const carriedKeys = ['page', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'];

/** Any website may post to a form and frame its page; nothing else of ours is open to them. */
function openToWebsites(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
  reply.header('access-control-allow-headers', 'content-type');
}

function framedPage(reply: FastifyReply, status: number, html: string) {
  reply.removeHeader('x-frame-options');
  reply.header(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors *; base-uri 'none'",
  );
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

function carried(source: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    carriedKeys.flatMap((key) =>
      typeof source[key] === 'string' ? [[key, (source[key] as string).slice(0, 2000)]] : [],
    ),
  );
}

/** A page address with no such form is simply not there. */
function pageKey(params: unknown): string {
  const parsed = KeyParams.safeParse(params);
  if (!parsed.success) throw notFound('Form');
  return parsed.data.key;
}

export function registerWebFormRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/web-forms', {
    schema: {
      tags: ['integrations'],
      summary:
        'Website forms that make leads (owners, admins and heads of sales see them; owners and admins change them)',
      response: { 200: z.object({ items: z.array(WebForm) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listWebForms(db, actorOf(request)) }),
  });
  app.post('/api/web-forms', {
    schema: {
      tags: ['integrations'],
      summary: 'Create a website form; its page is /f/{publicKey}',
      body: WebFormInput,
      response: { 200: WebForm, ...errorResponses },
    },
    handler: async (request) => createWebForm(db, actorOf(request), request.body),
  });
  app.patch('/api/web-forms/:id', {
    schema: {
      tags: ['integrations'],
      summary: 'Change a website form',
      params: IdParams,
      body: UpdateWebFormInput,
      response: { 200: WebForm, ...errorResponses },
    },
    handler: async (request) => updateWebForm(db, actorOf(request), request.params.id, request.body),
  });
  app.delete('/api/web-forms/:id', {
    schema: {
      tags: ['integrations'],
      summary: 'Delete a website form: its address stops taking requests',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteWebForm(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/public/forms/:key', {
    config: { public: true },
    schema: {
      tags: ['integrations'],
      summary: 'A form’s fields and labels, for a website that draws the form itself',
      params: KeyParams,
    },
    handler: async (request, reply) => {
      openToWebsites(reply);
      return publicWebForm(db, request.params.key);
    },
  });
  app.options('/api/public/forms/:key', {
    config: { public: true },
    schema: { hide: true },
    handler: async (_request, reply) => {
      openToWebsites(reply);
      return reply.code(204).send();
    },
  });
  app.post('/api/public/forms/:key', {
    config: { public: true },
    schema: {
      tags: ['integrations'],
      summary:
        'A visitor’s request from a website: becomes a lead with a call-back task and fires the form.submitted trigger',
      params: KeyParams,
      body: WebFormSubmission,
      response: { 200: z.object({ message: z.string() }), ...errorResponses },
    },
    handler: async (request, reply) => {
      openToWebsites(reply);
      const { form } = await submitWebForm(db, request.params.key, request.body);
      return { message: form.successMessage };
    },
  });

  // The hosted page: a website links to it or frames it. It posts back to itself as a plain HTML form.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.get('/f/:key', { schema: { hide: true } }, async (request, reply) => {
      const key = pageKey(request.params);
      const form = await publicWebForm(db, key);
      return framedPage(
        reply,
        200,
        formPage(form, `/f/${key}`, carried(request.query as Record<string, unknown>)),
      );
    });
    scope.post('/f/:key', { schema: { hide: true } }, async (request, reply) => {
      const key = pageKey(request.params);
      const sent = WebFormSubmission.parse(request.body ?? {});
      try {
        const { form } = await submitWebForm(db, key, sent);
        return framedPage(reply, 200, thanksPage(form));
      } catch (error) {
        if (!(error instanceof SubmissionRefused)) throw error;
        const typed = Object.fromEntries(
          Object.entries(sent).filter(([, value]) => typeof value === 'string'),
        ) as Record<string, string>;
        const errors = Object.fromEntries(error.problems.map((item) => [item.field, item.text]));
        return framedPage(reply, 400, formPage(error.form, `/f/${key}`, carried(sent), typed, errors));
      }
    });
  });
}
