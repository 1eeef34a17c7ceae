/**
 * Builds the Fastify application: validation and OpenAPI from zod, security headers, cookies,
 * sessions, access control, error mapping, the API modules and the web app. No listening here.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { answerSerializerCompiler } from './answers.ts';
import { AppError } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { devPaymentsPath } from '../config.ts';
import { registerAgencyRoutes } from '../modules/agencies/agencies.routes.ts';
import { registerAgencyAdminRoutes } from '../modules/agencies/agencies.admin.routes.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerAuthRoutes } from '../modules/auth/auth.routes.ts';
import { registerCitizenRoutes } from '../modules/citizens/citizens.routes.ts';
import { registerCitizenOidcRoutes } from '../modules/citizens/citizen-oidc.routes.ts';
import { mountDevIdentityProvider } from '../demo/dev-idp/mount.ts';
import type { DevIdentityProvider } from '../demo/dev-idp/provider.ts';
import { mountDevTimestampAuthority } from '../demo/dev-tsa/mount.ts';
import { mountDevGateway } from '../demo/dev-gateway/mount.ts';
import { mountDevMailbox } from '../demo/dev-mailbox/mount.ts';
import type { DevMailbox } from '../demo/dev-mailbox/store.ts';
import { mountDevPayments } from '../demo/dev-payments/mount.ts';
import type { DevPayments } from '../demo/dev-payments/sandbox.ts';
import { registerNotificationReceiptRoutes } from '../modules/notifications/receipts.routes.ts';
import { devTimestampResponder } from '../modules/signing/signing.usecases.ts';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { registerHealthRoutes } from '../modules/health/health.routes.ts';
import { registerProcedureRoutes } from '../modules/procedures/procedures.routes.ts';
import { registerAssistedFilingRoutes } from '../modules/dossiers/assisted.routes.ts';
import { registerDossierRoutes } from '../modules/dossiers/dossiers.routes.ts';
import { registerPublicDossierRoutes } from '../modules/dossiers/public-dossiers.routes.ts';
import { registerMyDossierRoutes } from '../modules/dossiers/my-dossiers.routes.ts';
import { registerSignedDocumentRoutes } from '../modules/signed-documents/signed-documents.routes.ts';
import { registerDossierFormRoutes } from '../modules/dossiers/dossier-forms.routes.ts';
import { registerDeskPosterRoutes } from '../modules/counters/desk-posters.routes.ts';
import { registerPaymentRoutes } from '../modules/payments/payments.routes.ts';
import { registerFileRoutes } from '../modules/files/files.routes.ts';
import { registerReportRoutes } from '../modules/reports/reports.routes.ts';
import { registerServiceIndexRoutes } from '../modules/quality-index/service-index.routes.ts';
import { registerDataStoreRoutes } from '../modules/data-store/data-store.routes.ts';
import { registerUserRoutes } from '../modules/users/users.routes.ts';
import { registerDocumentOfficeRoutes } from '../modules/document-office/document-office.routes.ts';
import { registerFeedbackRoutes } from '../modules/feedback/feedback.routes.ts';
import { registerReformPlanRoutes } from '../modules/reform-plans/reform-plans.routes.ts';
import { registerNotificationRoutes } from '../modules/notifications/notifications.routes.ts';
import { registerNotificationTemplateRoutes } from '../modules/notifications/templates.routes.ts';
import { registerNotificationPreferenceRoutes } from '../modules/notifications/preferences.routes.ts';
import { registerOnlinePaymentRoutes } from '../modules/payments/online.routes.ts';
import { registerRatingAlertRoutes } from '../modules/ratings/rating-alerts.routes.ts';
import { registerSurveyRoutes } from '../modules/surveys/surveys.routes.ts';
import { registerExternalFigureRoutes } from '../modules/external-figures/external-figures.routes.ts';
import { registerAccessControl } from './access.ts';
import { frameworkErrorHandler, registerErrorHandling } from './problem.ts';
import { completeDocument } from './openapi.ts';
import { registerSessions } from './session.ts';
import { refuseEmptyParameters } from './trailing-slash.ts';
import { registerRequestTime } from './context.ts';
import { rateLimitStore } from './rate-limit.ts';
import { registerWebApp } from './web-app.ts';

export interface AppOptions {
  logger?: boolean | object;
  /** Serve the built web app from this directory when it exists. */
  webDistDir?: string | undefined;
  ready?: () => boolean;
  /** The bundled development e-ID provider, served under its issuer's path (demo mode, tests). */
  devIdentityProvider?: DevIdentityProvider | undefined;
  /** Demo mode: the mailbox behind `/dev-mailbox`, filled by the development gateway and mail catcher. */
  devMailbox?: DevMailbox | undefined;
  /** Demo mode without VNPAY_*: the sandbox payment gateway served at `/dev-payments` (demo/dev-payments/). */
  devPayments?: DevPayments | undefined;
}

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Bounds for the listening server (no effect on app.inject). A socket that carries no byte
    // for `idleTimeoutMs` is closed: a client that declares a body and never sends it, or goes
    // silent in the middle, holds its connection that long and no longer, while a slow upload that
    // keeps sending is never cut. No handler computes for anywhere near that long without writing.
    // `requestTimeoutMs` caps the whole request (a trickle of one byte now and then), sized so that
    // the largest upload still fits on a weak mobile uplink. Node checks it every 30 s.
    connectionTimeout: deps.config.server.idleTimeoutMs,
    requestTimeout: deps.config.server.requestTimeoutMs,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(answerSerializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerRequestTime(app, deps);

  registerErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.publicBaseUrl.startsWith('https://'),
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes + 1, files: 1, fields: 10, parts: 12 } });
  // Counted where RATE_LIMIT_STORE says: by default in the database, shared by every process.
  const rateLimits = rateLimitStore(deps.config, deps.db);
  app.addHook('onClose', rateLimits.close);
  await app.register(rateLimit, {
    ...rateLimits.options,
    global: false,
    errorResponseBuilder: () => new AppError('request.rate_limited'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Motcua API',
        description:
          'Hệ thống một cửa điện tử — the electronic one-stop shop for administrative procedures. ' +
          'Errors are RFC 9457 problem+json with Vietnamese and English messages.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'motcua_session' },
          citizenSession: { type: 'apiKey', in: 'cookie', name: 'motcua_citizen' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => ('openapiObject' in document ? completeDocument(document.openapiObject, app.apiRoutes) : document.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessions(app, deps);
  registerAccessControl(app);
  refuseEmptyParameters(app);

  registerHealthRoutes(app, { ...deps, ready: options.ready ?? (() => true) });
  registerAuthRoutes(app, deps);
  registerCitizenRoutes(app, deps);
  registerCitizenOidcRoutes(app, deps);
  if (options.devIdentityProvider) mountDevIdentityProvider(app, options.devIdentityProvider);
  // Without TSA_URL, the demo serves its own time-stamp authority at <publicBaseUrl>/dev-tsa.
  if (deps.config.signing.timestamp?.devAuthority) mountDevTimestampAuthority(app, devTimestampResponder(deps), deps.config.signing.timestamp.url);
  // Demo mode: what the stand-ins received at /dev-mailbox, and the SMS/chat gateway at /dev-gateway.
  if (deps.config.demoData && options.devMailbox) {
    mountDevMailbox(app, options.devMailbox);
    mountDevGateway(app, deps.config.notifications, { mailbox: options.devMailbox, clock: deps.clock });
  }
  if (deps.config.payments?.vnpay?.devSandbox && options.devPayments) mountDevPayments(app, options.devPayments, devPaymentsPath);
  registerNotificationReceiptRoutes(app, deps);
  registerAgencyRoutes(app, deps);
  registerAgencyAdminRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerProcedureRoutes(app, deps);
  registerDossierRoutes(app, deps);
  registerAssistedFilingRoutes(app, deps);
  registerPublicDossierRoutes(app, deps);
  registerMyDossierRoutes(app, deps);
  registerSignedDocumentRoutes(app, deps);
  registerDossierFormRoutes(app, deps);
  registerDeskPosterRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerServiceIndexRoutes(app, deps);
  registerDataStoreRoutes(app, deps);
  registerDocumentOfficeRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerReformPlanRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerNotificationTemplateRoutes(app, deps);
  registerNotificationPreferenceRoutes(app, deps);
  registerOnlinePaymentRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerRatingAlertRoutes(app, deps);
  registerSurveyRoutes(app, deps);
  registerExternalFigureRoutes(app, deps);

  registerWebApp(app, options.webDistDir);
  return app;
}
