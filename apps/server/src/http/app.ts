import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { registerAbsenceRoutes } from '../modules/absences/absences.routes';
import { registerActivityRoutes } from '../modules/activities/activities.routes';
import { registerApiTokenRoutes } from '../modules/api-tokens/api-tokens.routes';
import { registerAuthRoutes } from '../modules/auth/auth.routes';
import { registerCompanyRoutes } from '../modules/companies/companies.routes';
import { registerContactRoutes } from '../modules/contacts/contacts.routes';
import { registerCustomFieldRoutes } from '../modules/custom-fields/custom-fields.routes';
import { registerDashboardRoutes } from '../modules/dashboard/dashboard.routes';
import { registerDealRoutes } from '../modules/deals/deals.routes';
import { registerDepartmentRoutes } from '../modules/departments/departments.routes';
import type { LiveHub } from '../modules/events/event-bus';
import { registerEventRoutes } from '../modules/events/events.routes';
import { registerFileRoutes } from '../modules/files/files.routes';
import { registerFinanceRoutes } from '../modules/finance/finance.routes';
import { registerHealthRoutes } from '../modules/health/health.routes';
import { registerHistoryRoutes } from '../modules/history/history.routes';
import { registerInvitationRoutes } from '../modules/invitations/invitations.routes';
import { registerLeadRoutes } from '../modules/leads/leads.routes';
import { registerTrackingRoutes } from '../modules/mail/tracking.routes';
import { registerPipelineRoutes } from '../modules/pipelines/pipelines.routes';
import { registerPlanningRoutes } from '../modules/planning/planning.routes';
import { registerProcessMessageRoutes } from '../modules/processes/messages.routes';
import { registerProcessRoutes } from '../modules/processes/processes.routes';
import type { Runtime } from '../modules/processes/runtime';
import { registerProductRoutes } from '../modules/products/products.routes';
import { registerReportRoutes } from '../modules/reports/reports.routes';
import { registerRoleRoutes } from '../modules/roles/roles.routes';
import { registerSearchRoutes } from '../modules/search/search.routes';
import { registerTaskRoutes } from '../modules/tasks/tasks.routes';
import { registerTelephonyRoutes } from '../modules/telephony/telephony.routes';
import { registerUserRoutes } from '../modules/users/users.routes';
import { registerViewRoutes } from '../modules/views/views.routes';
import { registerWebFormRoutes } from '../modules/web-forms/web-forms.routes';
import { AccessLog } from './access-log';
import { keepActors } from './actor-cache';
import { registerAuthentication } from './authenticate';
import { AppError, handleError } from './errors';
import { registerNulGuard } from './reject-nul';
import type { App } from './route-types';
import { registerSecurityHeaders } from './security-headers';
import { responseSerializer } from './serializer';

export interface AppDeps {
  config: Pick<
    Config,
    | 'logLevel'
    | 'bodyLimitBytes'
    | 'sessionTtlHours'
    | 'actorCacheSeconds'
    | 'secureCookies'
    | 'webDist'
    | 'checkResponses'
  >;
  database: Database;
  hub: LiveHub;
  /** Jobs and timers for business processes; without it process routes that run steps answer 409. */
  processes?: Runtime | null;
  /** false for silence; a stream to capture the JSON log lines (tests). */
  logger?: boolean | { write(line: string): void };
}

export async function buildApp({
  config,
  database,
  hub,
  processes = null,
  logger = true,
}: AppDeps): Promise<App> {
  const app = Fastify({
    logger: logger && {
      level: config.logLevel,
      ...(logger === true ? {} : { stream: logger }),
      // Credentials never reach the log: no cookies, no bearer tokens, no bodies.
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
    },
    logController: new AccessLog(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.checkResponses));
  app.setErrorHandler(handleError);

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and Swagger UI inject style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Voronka API',
        version: '0.1.0',
        description: 'CRM and sales-process automation. Errors: { error: { code, message, details } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'voronka_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthentication(app, { db: database.db, sessionTtlHours: config.sessionTtlHours });
  await keepActors(app, database, config.actorCacheSeconds);
  registerNulGuard(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  registerHealthRoutes(app, database.db, database.engine);
  registerAuthRoutes(app, {
    db: database.db,
    sessionTtlHours: config.sessionTtlHours,
    secureCookies: config.secureCookies,
  });
  registerUserRoutes(app, database.db);
  registerDepartmentRoutes(app, database.db);
  registerRoleRoutes(app, database.db);
  registerInvitationRoutes(app, database.db);
  registerApiTokenRoutes(app, database.db);
  registerLeadRoutes(app, database.db);
  registerHistoryRoutes(app, database.db);
  registerPipelineRoutes(app, database.db);
  registerDealRoutes(app, database.db);
  registerTaskRoutes(app, database.db);
  registerActivityRoutes(app, database.db);
  registerSearchRoutes(app, database.db);
  registerProductRoutes(app, database.db);
  registerCustomFieldRoutes(app, database.db);
  registerViewRoutes(app, database.db);
  registerCompanyRoutes(app, database.db);
  registerContactRoutes(app, database.db);
  registerTelephonyRoutes(app, database.db);
  registerWebFormRoutes(app, database.db);
  registerTrackingRoutes(app, database.db);
  registerEventRoutes(app, hub);
  registerProcessRoutes(app, database.db, processes);
  registerProcessMessageRoutes(app, database.db, processes);
  registerAbsenceRoutes(app, database.db);
  registerReportRoutes(app, database.db);
  registerPlanningRoutes(app, database.db);
  registerFinanceRoutes(app, database.db);
  registerDashboardRoutes(app, database.db);
  await registerFileRoutes(app, database.db);

  const hasWeb = existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      throw new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    // Client-side routes (/leads, /settings/users, …) all load the single-page app.
    return reply.sendFile('index.html');
  });
  return app;
}
