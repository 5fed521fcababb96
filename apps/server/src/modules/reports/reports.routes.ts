import { PassThrough } from 'node:stream';
import {
  DrillQuery,
  DrillResult,
  ExportQuery,
  PrintQuery,
  ReportFilterValues,
  ReportName,
  ReportQuery,
  ReportTable,
} from '@voronka/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../http/authenticate';
import { type App, errorResponses } from '../../http/route-types';
import { reportFilterValues } from './filter-values';
import { printReport } from './report-print.service';
import { drillReport, prepareExport, runReport } from './reports.service';

const ReportParams = z.strictObject({ report: ReportName });

const contentTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function registerReportRoutes(app: App, db: Kysely<DB>): void {
  // A static path: it is matched before the `:report` one below.
  app.get('/api/reports/filter-values', {
    schema: {
      tags: ['reports'],
      summary: 'The sources and regions in use in the workspace, for the report filters to offer',
      response: { 200: ReportFilterValues, ...errorResponses },
    },
    handler: async (request) => reportFilterValues(db, actorOf(request)),
  });

  app.get('/api/reports/:report', {
    schema: {
      tags: ['reports'],
      summary: 'A report as a table (rows and totals) over a period, with its filters',
      params: ReportParams,
      querystring: ReportQuery,
      response: { 200: ReportTable, ...errorResponses },
    },
    handler: async (request) => runReport(db, actorOf(request), request.params.report, request.query),
  });

  app.get('/api/reports/:report/drill', {
    schema: {
      tags: ['reports'],
      summary: 'The records behind one cell of a report (row key and column key; no row: the totals)',
      params: ReportParams,
      querystring: DrillQuery,
      response: { 200: DrillResult, ...errorResponses },
    },
    handler: async (request) => drillReport(db, actorOf(request), request.params.report, request.query),
  });

  app.get('/api/reports/:report/print', {
    schema: {
      tags: ['reports'],
      summary:
        'The report as a printable HTML page: title, period and filters over the table with its totals',
      params: ReportParams,
      querystring: PrintQuery,
    },
    handler: async (request, reply) => {
      const html = await printReport(db, actorOf(request), request.params.report, request.query);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });

  app.get('/api/reports/:report/export', {
    schema: {
      tags: ['reports'],
      summary:
        'The report (or with `column`, the records behind a cell) as XLSX or CSV (UTF-8 with BOM, `;`, decimal comma), streamed',
      params: ReportParams,
      querystring: ExportQuery,
      response: { 200: z.unknown().meta({ description: 'The file, XLSX or CSV' }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { format } = request.query;
      const file = await prepareExport(db, actorOf(request), request.params.report, request.query);
      const output = new PassThrough();
      file.write(output).catch((error: unknown) => {
        request.log.error({ err: error }, 'export failed');
        output.destroy(error as Error);
      });
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(output);
    },
  });
}
