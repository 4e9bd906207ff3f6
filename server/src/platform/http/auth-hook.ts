import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../context.ts';
import { DomainError } from '../errors.ts';
import type { RoutePolicy } from '../policy/policy.ts';
import { PUBLIC_API_PREFIX } from './public-api.ts';

/** How a request proved who it is. Supplied by the identity module; the platform only enforces. */
export type Authentication =
  | { status: 'ok'; actor: Actor; via: 'session'; csrfToken: string; mustChangePassword: boolean }
  | { status: 'ok'; actor: Actor; via: 'token'; readOnly: boolean; mustChangePassword: false }
  | { status: 'expired' }
  | { status: 'none' };

export type Authenticator = (request: FastifyRequest) => Promise<Authentication>;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authentication: Authentication;
  }
  interface FastifyInstance {
    routePolicies: RegisteredRoute[];
  }
}

export type RegisteredRoute = { method: string; url: string; policy: RoutePolicy };

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** all a read-only API token may send */
const READ_METHODS = new Set(['GET', 'HEAD']);
/** With a session cookie, unsafe methods must echo the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

/** Every /api route must say who may call it; the app refuses to start otherwise. */
export function assertRoutePolicies(app: FastifyInstance) {
  const registered: RegisteredRoute[] = [];
  app.decorate('routePolicies', registered);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy) throw new Error(`route ${route.method} ${route.url} declares no policy`);
    // the public prefix and the anonymous policy go together: every route there is rate limited and
    // never reads a session, and no route elsewhere skips authentication outside those rate limits
    const underPublicPrefix = route.url === PUBLIC_API_PREFIX || route.url.startsWith(`${PUBLIC_API_PREFIX}/`);
    const anonymous = policy.kind === 'public' && policy.anonymous === true;
    if (underPublicPrefix !== anonymous)
      throw new Error(`route ${route.method} ${route.url}: publicApiRoute is the policy of ${PUBLIC_API_PREFIX} routes, and only of them`);
    for (const method of [route.method].flat()) registered.push({ method, url: route.url, policy });
  });
}

export function installAuthHook(app: FastifyInstance, authenticate: Authenticator) {
  app.decorateRequest('actor', null);
  app.decorateRequest('authentication', null as never);
  app.addHook('onRequest', async (request) => {
    request.authentication = { status: 'none' };
    if (!request.url.startsWith('/api/')) return;
    const policy = request.routeOptions.config?.policy;
    if (!policy) return;
    if (policy.kind === 'public' && policy.anonymous) return; // the public API never reads a session or token
    request.authentication = await authenticate(request);
    request.actor = request.authentication.status === 'ok' ? request.authentication.actor : null;
    enforce(policy, request);
  });
}

function enforce(policy: RoutePolicy, request: FastifyRequest) {
  const auth = request.authentication;
  if (policy.interactive && auth.status === 'ok' && auth.via === 'token') throw new DomainError('session_required', 403);
  if (auth.status === 'ok' && auth.via === 'token' && auth.readOnly && !READ_METHODS.has(request.method))
    throw new DomainError('token_read_only', 403);
  if (policy.kind === 'public') return;
  if (auth.status === 'expired') throw new DomainError('session_expired', 401);
  if (auth.status !== 'ok') throw new DomainError('unauthenticated', 401);
  if (auth.via === 'session' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== auth.csrfToken) {
    throw new DomainError('csrf_failed', 403);
  }
  if (auth.mustChangePassword && !(policy.kind === 'signedIn' && policy.duringPasswordChange)) {
    throw new DomainError('password_change_required', 403);
  }
  if (policy.kind === 'permission' && !auth.actor.permissions.has(policy.permission)) {
    throw new DomainError('forbidden', 403);
  }
}
