import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database, Engine } from './platform/db/database.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { handleFrameworkError, installErrorHandler } from './platform/http/error-handler.ts';
import { answerClientError, installParsedRequestAnswers } from './platform/http/client-error.ts';
import { installInputGuard } from './platform/http/input-guard.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { serveWebConsole } from './platform/http/web-console.ts';
import { createResponseSerializerCompiler } from './platform/http/response-serializer.ts';
import { assertRoutePolicies, installAuthHook } from './platform/http/auth-hook.ts';
import { registerPublicApi } from './platform/http/public-api.ts';
import { installLiveStreams } from './platform/live/sse.ts';
import { registerApiDocument } from './platform/http/openapi.ts';
import './platform/http/request-context.ts';
import { authenticate, SESSION_COOKIE } from './modules/identity/index.ts';
import { apiModules, publicApiModules, publicPageModules } from './modules/index.ts';
import { bindAuditTrail } from './platform/audit/trail.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    engine: Engine;
  }
}

export type AppOptions = { config: Config; database: Database; clock?: Clock; logger?: boolean };

/** The whole HTTP app: platform hooks first, then every module's routes under /api, then the web console. */
export async function buildApp({ config, database, clock = systemClock, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { level: config.logLevel },
    // a line per request only when asked (QINLIAN_LOG_REQUESTS); the error handler logs every 5xx itself
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.bodyLimitBytes,
    // a path parameter past the router's default 100 characters made the route unknown (404 route_not_found):
    // up to this length it reaches the route, whose schema answers 400 with the field named
    routerOptions: { maxParamLength: 1000 },
    // X-Forwarded-For only from trusted proxies (default: loopback), so a client cannot choose the
    // address that the sign-in rate limit, the sign-in log and the audit chain record
    trustProxy: config.trustProxy,
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: answerClientError, // what Node's parser refuses before Fastify runs, in the one ErrorBody
    http: { requireHostHeader: false }, // answered in the one ErrorBody by installParsedRequestAnswers instead
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // in tests zod checks every response and the projection is held equal to it; in production only the projection runs
  app.setSerializerCompiler(createResponseSerializerCompiler({ verify: config.verifyResponses }));
  app.decorate('config', config);
  app.decorate('engine', database.engine);
  app.decorate('deps', { db: database.db, clock });
  bindAuditTrail(database.db, config); // this handle's audit rows carry MACs under the deployment's audit key

  installErrorHandler(app);
  installParsedRequestAnswers(app);
  installInputGuard(app);
  // API answers carry personal data: browsers and proxies must not keep them (剩余信息保护). Routes that
  // serve files set their own Cache-Control (private, no-cache) and keep it.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  assertRoutePolicies(app);
  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies ? { maxAge: 31_536_000 } : false,
    frameguard: { action: 'deny' },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  await registerApiDocument(app, { version: config.version, sessionCookie: SESSION_COOKIE });
  installAuthHook(app, (req) => authenticate(req, config));
  installLiveStreams(app);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { config: { policy: { kind: 'public' } }, schema: { hide: true } }, async () => app.swagger());
      for (const routes of apiModules) await api.register(routes);
    },
    { prefix: '/api' },
  );
  await registerPublicApi(app, publicApiModules, publicPageModules); // /api/public (+ /p/b/:code): anonymous, rate limited per address and device

  await serveWebConsole(app, config.webDist);
  return app;
}
