import {
  IdParams,
  MotivationSchemeBody,
  Ok,
  PayQuery,
  PayReport,
  Plan,
  PlanBody,
  PlanFact,
  PlanFactQuery,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { getScheme, payReport, putScheme } from './motivation.service';
import { createPlan, deletePlan, getPlan, getPlans, planFact, replacePlan } from './plans.service';

export function registerPlanningRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/plans', {
    schema: {
      tags: ['planning'],
      summary: 'Sales plans with their decomposition, latest period first',
      response: { 200: z.object({ items: z.array(Plan) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await getPlans(db, actorOf(request)) }),
  });

  app.post('/api/plans', {
    schema: {
      tags: ['planning'],
      summary: 'Set a plan: target, average check and conversions typed or measured, managers and weights',
      body: PlanBody,
      response: { 200: Plan, ...errorResponses },
    },
    handler: async (request) => createPlan(db, actorOf(request), request.body),
  });

  app.get('/api/plans/:id', {
    schema: {
      tags: ['planning'],
      summary:
        'One plan and its decomposition (seed 004: indicator ÷ conversion of the previous, rounded up)',
      params: IdParams,
      response: { 200: Plan, ...errorResponses },
    },
    handler: async (request) => getPlan(db, actorOf(request), request.params.id),
  });

  app.put('/api/plans/:id', {
    schema: {
      tags: ['planning'],
      summary: 'Replace a plan (measured values are measured again)',
      params: IdParams,
      body: PlanBody,
      response: { 200: Plan, ...errorResponses },
    },
    handler: async (request) => replacePlan(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/plans/:id', {
    schema: {
      tags: ['planning'],
      summary: 'Delete a plan',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deletePlan(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/plans/:id/fact', {
    schema: {
      tags: ['planning'],
      summary:
        'Plan against fact per indicator, per manager and per day, with the forecast and a behind-pace flag',
      params: IdParams,
      querystring: PlanFactQuery,
      response: { 200: PlanFact, ...errorResponses },
    },
    handler: async (request) => planFact(db, actorOf(request), request.params.id, request.query),
  });

  app.get('/api/motivation-scheme', {
    schema: {
      tags: ['planning'],
      summary: 'The workspace’s motivation scheme (null before one is set)',
      response: { 200: MotivationSchemeBody.nullable(), ...errorResponses },
    },
    handler: async (request) => getScheme(db, actorOf(request)),
  });

  app.put('/api/motivation-scheme', {
    schema: {
      tags: ['planning'],
      summary: 'Set the motivation scheme: points per action, salary by points, commission by sales',
      body: MotivationSchemeBody,
      response: { 200: MotivationSchemeBody, ...errorResponses },
    },
    handler: async (request) => putScheme(db, actorOf(request), request.body),
  });

  app.get('/api/motivation/pay', {
    schema: {
      tags: ['planning'],
      summary:
        'Points, salary step, commission and pay forecast per person the caller sees, with the formula',
      querystring: PayQuery,
      response: { 200: PayReport, ...errorResponses },
    },
    handler: async (request) => payReport(db, actorOf(request), request.query),
  });
}
