import {
  BreakEven,
  BreakEvenQuery,
  CashFlow,
  CashFlowQuery,
  Debts,
  DebtsQuery,
  FinanceEntry,
  FinanceEntryBody,
  FinanceListQuery,
  IdParams,
  Ok,
  UpdateFinanceEntryBody,
  WhatIf,
  WhatIfBody,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import {
  breakEven,
  cashFlow,
  createEntry,
  debts,
  deleteEntry,
  getEntries,
  getEntry,
  updateEntry,
  whatIfMonths,
} from './finance.service';

export function registerFinanceRoutes(app: App, db: Kysely<DB>): void {
  app.get('/api/finance-entries', {
    schema: {
      tags: ['finance'],
      summary: 'Income and expense entries, latest first',
      querystring: FinanceListQuery,
      response: { 200: z.object({ items: z.array(FinanceEntry) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await getEntries(db, actorOf(request), request.query) }),
  });

  app.post('/api/finance-entries', {
    schema: {
      tags: ['finance'],
      summary: 'Book income or expense, planned or actual, optionally for a deal',
      body: FinanceEntryBody,
      response: { 200: FinanceEntry, ...errorResponses },
    },
    handler: async (request) => createEntry(db, actorOf(request), request.body),
  });

  app.get('/api/finance-entries/:id', {
    schema: {
      tags: ['finance'],
      summary: 'One finance entry',
      params: IdParams,
      response: { 200: FinanceEntry, ...errorResponses },
    },
    handler: async (request) => getEntry(db, actorOf(request), request.params.id),
  });

  app.patch('/api/finance-entries/:id', {
    schema: {
      tags: ['finance'],
      summary: 'Change a finance entry (a planned payment made: status actual)',
      params: IdParams,
      body: UpdateFinanceEntryBody,
      response: { 200: FinanceEntry, ...errorResponses },
    },
    handler: async (request) => updateEntry(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/finance-entries/:id', {
    schema: {
      tags: ['finance'],
      summary: 'Delete a finance entry',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (request) => {
      await deleteEntry(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/finance/cash-flow', {
    schema: {
      tags: ['finance'],
      summary: 'Cash flow by month with the running balance, by line of business and by category',
      querystring: CashFlowQuery,
      response: { 200: CashFlow, ...errorResponses },
    },
    handler: async (request) => cashFlow(db, actorOf(request), request.query),
  });

  app.get('/api/finance/debts', {
    schema: {
      tags: ['finance'],
      summary: 'Debts to creditors: planned expenses not yet paid, per counterparty, overdue first',
      querystring: DebtsQuery,
      response: { 200: Debts, ...errorResponses },
    },
    handler: async (request) => debts(db, actorOf(request), request.query),
  });

  app.post('/api/finance/what-if', {
    schema: {
      tags: ['finance'],
      summary: '“If we earn X and spend Y”: what remains month by month over the chosen months',
      body: WhatIfBody,
      response: { 200: WhatIf, ...errorResponses },
    },
    handler: async (request) => whatIfMonths(db, actorOf(request), request.body),
  });

  app.get('/api/finance/break-even', {
    schema: {
      tags: ['finance'],
      summary:
        'Break-even revenue: fixed costs (typed, or the average month of actual expenses not booked against a deal) ÷ margin rate',
      querystring: BreakEvenQuery,
      response: { 200: BreakEven, ...errorResponses },
    },
    handler: async (request) => breakEven(db, actorOf(request), request.query),
  });
}
