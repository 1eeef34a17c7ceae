/**
 * The OpenAPI 3.1 document (`/api/openapi.json`, and `apps/server/openapi.json` for the web
 * client's generated types). Request and success schemas come from each route's zod schemas
 * (fastify-type-provider-zod); this module adds what the routes do not state one by one:
 * - the refusals each route can answer, as problem+json (one shared `Problem` schema), derived
 *   from its declared access, its schemas and its config, plus the domain codes it declares in
 *   `config.problems`; each status lists its codes, whose statuses come from the error catalogue;
 * - the security a route needs (session cookie, CSRF header);
 * - the body of binary answers (PDF, XLSX, images) declared with `produces`.
 * The integration tests check it against every answer they get (test/support/app.ts).
 */
import { z } from 'zod';
import { errorDefinition, type ErrorCode } from '@motcua/domain';
import type { DeclaredRoute } from './access.ts';
import { ProblemSchema } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Domain errors the route answers beyond those its access, schemas and config imply
     * (invalid input, sign-in, roles, CSRF, rate limit, sizes, idempotency): what it looks up
     * (`dossier.not_found`), the rules it enforces (`dossier.transition_not_allowed`).
     */
    problems?: readonly ErrorCode[];
  }
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const reasons: Record<number, string> = {
  400: 'Invalid input, or a rule of the domain refuses it',
  401: 'Not signed in, or wrong credentials',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Too large',
  415: 'Unsupported file type',
  422: 'Unprocessable',
  429: 'Too many requests',
  500: 'Unexpected error (the request id is in the server log)',
  503: 'Unavailable',
};

interface RouteSchema {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  headers?: unknown;
  consumes?: string[];
  produces?: string[];
  response?: Record<string, unknown>;
}

const schemaOf = (route: DeclaredRoute): RouteSchema => (route.schema ?? {}) as RouteSchema;

const headerNames = (route: DeclaredRoute): string[] => {
  const headers = schemaOf(route).headers as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(headers?.shape ?? {});
};

const isMultipart = (route: DeclaredRoute) => (schemaOf(route).consumes ?? []).includes('multipart/form-data');

/** A route answering a trailing slash where a parameter could follow (`/procedures/`): its parameter is empty. */
export function collectionRoutes(routes: readonly DeclaredRoute[]): Set<string> {
  const keys = new Set<string>();
  for (const r of routes) {
    const m = /^(.*)\/:[^/]+$/.exec(r.url);
    if (m) keys.add(`${r.method} ${m[1]}`);
  }
  return keys;
}

/** Every problem code the route can answer: derived from access, schemas and config, plus those it declares. */
export function problemCodesOf(route: DeclaredRoute, collections: ReadonlySet<string>): ErrorCode[] {
  const schema = schemaOf(route);
  const codes = new Set<ErrorCode>(route.config.problems ?? []);
  const takesBody = stateChanging.has(route.method);
  // A state-changing request may carry a body even when the route reads none: malformed JSON,
  // another media type or one past the body limit is refused before the handler.
  if (schema.params || schema.querystring || schema.headers || takesBody) codes.add('request.invalid');
  if (takesBody) codes.add('request.too_large');
  if (isMultipart(route)) {
    codes.add('file.too_large');
    codes.add('file.unsupported_type');
  }
  if (route.access.kind !== 'public') codes.add('auth.unauthenticated');
  if (route.access.kind === 'staff') codes.add('auth.forbidden');
  // With a session, every state-changing request carries its CSRF token; sign-in its double-submit cookie.
  if (stateChanging.has(route.method)) codes.add('auth.csrf_invalid');
  if (route.config.rateLimit) codes.add('request.rate_limited');
  if (headerNames(route).includes('idempotency-key')) codes.add('request.idempotency_conflict');
  if (collections.has(`${route.method} ${route.url}`)) codes.add('request.not_found');
  codes.add('internal.unexpected');
  return [...codes];
}

/** The problem codes of a route by HTTP status, each status as its error catalogue says. */
export function problemStatusesOf(route: DeclaredRoute, collections: ReadonlySet<string>): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of problemCodesOf(route, collections)) {
    const status = errorDefinition(code).status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code].sort());
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/** The `Problem` component, from the schema the error handler's answers have. */
export const problemComponent = (): Record<string, unknown> => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ProblemSchema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  return schema;
};

/** `/api/v1/agencies/:id` → `/api/v1/agencies/{id}`, as in the document's paths. */
export const openApiPath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

type Operation = {
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: Array<Record<string, string[]>>;
  [key: string]: unknown;
};
type OpenApiDocument = { paths?: Record<string, Record<string, Operation>>; components?: Record<string, Record<string, unknown>> };

/**
 * Completes the document @fastify/swagger built (its `transformObject` step): error responses,
 * security requirements and binary success bodies for every API route.
 */
export function completeDocument<T extends object>(document: T, routes: readonly DeclaredRoute[]): T {
  const doc = document as OpenApiDocument;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem: problemComponent() } };
  const collections = collectionRoutes(routes);
  for (const route of routes) {
    const operation = doc.paths?.[openApiPath(route.url)]?.[route.method.toLowerCase()];
    if (!operation) continue;
    const responses = (operation.responses ??= {});
    const produces = schemaOf(route).produces;
    if (produces?.length && !schemaOf(route).response) {
      delete responses['200'];
      responses['200'] = {
        description: 'The file',
        content: Object.fromEntries(produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      };
    }
    for (const [status, codes] of problemStatusesOf(route, collections)) {
      responses[String(status)] = {
        description: `${reasons[status] ?? 'Refused'}: ${codes.join(', ')}`,
        content: {
          'application/problem+json': {
            schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { enum: codes } } }] },
          },
        },
      };
    }
    if (route.access.kind !== 'public') {
      operation.security = [stateChanging.has(route.method) ? { session: [], csrf: [] } : { session: [] }];
    } else if (route.config.csrf === 'double_submit') {
      operation.security = [{ csrf: [] }];
    }
  }
  return document;
}
