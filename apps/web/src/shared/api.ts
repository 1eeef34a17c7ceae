/**
 * The one way the web app talks to the server: JSON in and out under `/api/v1`, cookies on the
 * same origin, the CSRF token on every state-changing request, and RFC 9457 problem+json errors
 * turned into `ApiError`s that carry the server's Vietnamese and English messages.
 *
 * `client` is typed from the server's OpenAPI document (apps/server/openapi.json, turned into
 * ./openapi.ts by `npm run api-types -w @motcua/web`): its paths, parameters, bodies and answers
 * are the server's, so a change of schema on the server is a type error here, not a surprise in
 * the browser. `ApiResponse`/`ApiBody`/`ApiQuery` name those shapes for the rest of the app.
 */
import { errorCatalogue, type ErrorCode, type FieldIssue, type Messages } from '@motcua/domain';
import { errorsEn } from './i18n/parts/errors.en.ts';
import { errorsVi } from './i18n/parts/errors.vi.ts';
import type { paths } from './openapi.ts';

export const apiBase = '/api/v1';

/** Code of the error raised when the server cannot be reached at all (no HTTP response). */
export const networkErrorCode = 'network.unreachable';

/** A server error code, or the client's own code for an unreachable server. */
export type ClientErrorCode = ErrorCode | typeof networkErrorCode;

/** The problem+json body every API error has (apps/server/src/http/problem.ts). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: ClientErrorCode;
  messages: Messages;
  issues?: FieldIssue[];
  requestId?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly messages: Messages;
  readonly issues: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(problem: Problem) {
    super(problem.messages.en || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
    this.messages = problem.messages;
    this.issues = problem.issues ?? [];
    this.requestId = problem.requestId;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}


// ---- CSRF token -------------------------------------------------------------------------------
// The server keeps the token in an httpOnly cookie (double submit before sign-in) and in the
// session; the page holds its copy in memory and echoes it in `x-csrf-token`.

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function hasCsrfToken(): boolean {
  return csrfToken !== undefined;
}

/** The token to echo in `x-csrf-token` (uploads send it themselves, outside `request`). */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

/** Fetches a fresh CSRF token (`GET /auth/csrf`) and keeps it. */
export async function refreshCsrfToken(): Promise<string> {
  const { csrfToken: token } = await client.get('/auth/csrf');
  csrfToken = token;
  return token;
}

// ---- Requests ---------------------------------------------------------------------------------

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function urlOf(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${apiBase}${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers(options.headers);
  headers.set('accept', 'application/json, application/problem+json');
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken !== undefined) headers.set('x-csrf-token', csrfToken);

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({
      title: 'Network error',
      status: 0,
      code: networkErrorCode,
      messages: { vi: errorsVi.network, en: errorsEn.network },
    });
  }

  if (!response.ok) throw await problemOf(response);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}


// ---- Typed calls (the OpenAPI document) --------------------------------------------------------

type Versioned = keyof paths;
/** A path of the API as the web app writes it: after `/api/v1`, with `{name}` parameters. */
export type ApiPath = Versioned extends infer P ? (P extends `/api/v1${infer Rest}` ? Rest : never) : never;
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type PathItem<P extends ApiPath> = paths[`/api/v1${P}` & Versioned];
/** The operation at a path and method (`never` where the API has none). */
export type Operation<P extends ApiPath, M extends HttpMethod> = NonNullable<PathItem<P>[M]>;
/** The paths that answer a method. */
export type PathsWith<M extends HttpMethod> = { [P in ApiPath]: [Operation<P, M>] extends [never] ? never : P }[ApiPath];

type Success = 200 | 201 | 202 | 204;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;
type Responses<P extends ApiPath, M extends HttpMethod> = Operation<P, M> extends { responses: infer R } ? R : never;
/** What an operation answers on success (`undefined` for 204 No Content). */
export type ApiResponse<P extends ApiPath, M extends HttpMethod = 'get'> = {
  [S in keyof Responses<P, M> & Success]: JsonOf<Responses<P, M>[S]>;
}[keyof Responses<P, M> & Success];
/** The JSON body an operation takes. */
export type ApiBody<P extends ApiPath, M extends HttpMethod = 'post'> =
  NonNullable<Operation<P, M>['requestBody']> extends { content: { 'application/json': infer Body } } ? Body : never;
/** The query parameters an operation takes. */
export type ApiQuery<P extends ApiPath, M extends HttpMethod = 'get'> = NonNullable<Operation<P, M>['parameters']['query']>;
/** One item of a paged answer (`{ items, total }`). */
export type ApiItem<P extends ApiPath, M extends HttpMethod = 'get'> =
  ApiResponse<P, M> extends { items: Array<infer Item> } ? Item : never;

/** The body argument of a typed call: `undefined` for an operation that takes none. */
type BodyArg<P extends ApiPath, M extends HttpMethod> = [ApiBody<P, M>] extends [never] ? undefined : ApiBody<P, M>;

type PathParams<P extends ApiPath, M extends HttpMethod> = NonNullable<Operation<P, M>['parameters']['path']>;
type Query<P extends ApiPath, M extends HttpMethod> = Operation<P, M>['parameters']['query'];

/** Options of a typed call: `params` fill the path's `{name}`s (required when it has some). */
export type CallOptions<P extends ApiPath, M extends HttpMethod> =
  & Omit<RequestOptions, 'query' | 'body'>
  & ([Query<P, M>] extends [undefined] ? { query?: never } : { query?: { [K in keyof ApiQuery<P, M>]?: ApiQuery<P, M>[K] | null | '' } })
  & (P extends `${string}{${string}` ? { params: { [K in keyof PathParams<P, M>]: string | number } } : { params?: never });

type OptionalWhenEmpty<P extends ApiPath, M extends HttpMethod> =
  P extends `${string}{${string}` ? [options: CallOptions<P, M>] : [options?: CallOptions<P, M>];

/** `/dossiers/{id}` with `{ id: 7 }` → `/dossiers/7` (each value URL-encoded). */
export function fillPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} in ${path}`);
    return encodeURIComponent(String(value));
  });
}

function call<T>(method: HttpMethod, path: string, options: object | undefined, body?: unknown): Promise<T> {
  const { params, query, ...rest } = (options ?? {}) as RequestOptions & { params?: Record<string, string | number> };
  return request<T>(method.toUpperCase() as Method, fillPath(path, params), {
    ...rest,
    query: query as Record<string, QueryValue> | undefined,
    body,
  });
}

/**
 * The typed client: `client.get('/dossiers/{id}', { params: { id }, signal })` answers the
 * dossier's shape as the server declares it; bodies and query parameters are checked the same way.
 */
export const client = {
  get: <P extends PathsWith<'get'>>(path: P, ...[options]: OptionalWhenEmpty<P, 'get'>): Promise<ApiResponse<P, 'get'>> =>
    call('get', path, options),
  post: <P extends PathsWith<'post'>>(path: P, body: BodyArg<P, 'post'>, ...[options]: OptionalWhenEmpty<P, 'post'>): Promise<ApiResponse<P, 'post'>> =>
    call('post', path, options, body),
  put: <P extends PathsWith<'put'>>(path: P, body: BodyArg<P, 'put'>, ...[options]: OptionalWhenEmpty<P, 'put'>): Promise<ApiResponse<P, 'put'>> =>
    call('put', path, options, body),
  patch: <P extends PathsWith<'patch'>>(path: P, body: BodyArg<P, 'patch'>, ...[options]: OptionalWhenEmpty<P, 'patch'>): Promise<ApiResponse<P, 'patch'>> =>
    call('patch', path, options, body),
  delete: <P extends PathsWith<'delete'>>(path: P, ...[options]: OptionalWhenEmpty<P, 'delete'>): Promise<ApiResponse<P, 'delete'>> =>
    call('delete', path, options),
};

/** Codes used when a failed response is not problem+json (a proxy page, an empty body). */
const fallbackCodes: Record<number, ErrorCode> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'request.not_found',
  413: 'request.too_large',
  429: 'request.rate_limited',
};

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Problem>;
  return typeof v.code === 'string' && typeof v.messages === 'object' && v.messages !== null
    && typeof v.messages.vi === 'string' && typeof v.messages.en === 'string';
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return problemFromBody(response.status, response.statusText, body);
}

/** The `ApiError` for a failed response whose body (parsed JSON, or undefined) is known. */
export function problemFromBody(status: number, statusText: string, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError({ ...body, status: body.status || status });
  if (status === 502 || status === 503 || status === 504) {
    // A gateway (the dev proxy, a reverse proxy) answered for a server that is down.
    return new ApiError({
      title: statusText || 'Bad gateway',
      status,
      code: networkErrorCode,
      messages: { vi: errorsVi.network, en: errorsEn.network },
    });
  }
  const code = fallbackCodes[status] ?? 'internal.unexpected';
  return new ApiError({
    title: statusText || code,
    status,
    code,
    messages: { vi: errorCatalogue[code].vi, en: errorCatalogue[code].en },
  });
}
