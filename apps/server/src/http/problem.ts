/**
 * The HTTP edge's error rendering: an AppError (whose code declares its HTTP status in the
 * domain's error catalogue) becomes RFC 9457 problem+json with a Vietnamese and an English
 * message. Unknown errors become 500 with a request id, never a stack trace.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errorCodes } from '@motcua/domain';

/** The body of every refusal (RFC 9457 problem+json); documented once, as the `Problem` schema. */
export const ProblemSchema = z.object({
  type: z.string().describe('a URI naming the problem: https://motcua.gov.vn/problems/<code>'),
  title: z.string().describe('the English message'),
  status: z.number().int().describe('the HTTP status, as in the response'),
  detail: z.string().describe('the Vietnamese message'),
  code: z.enum(errorCodes).describe('the stable code of the problem, from the error catalogue'),
  messages: z.object({ vi: z.string(), en: z.string() }),
  issues: z.array(z.object({
    path: z.string().describe('e.g. body.applicant.name'),
    message: z.string(),
    messages: z.object({ vi: z.string(), en: z.string() }).optional().describe('the message in both languages, for a person (an e-form declaration’s fields)'),
  })).optional()
    .describe('for invalid input: every bad field'),
  details: z.record(z.string(), z.unknown()).optional(),
  instance: z.string().optional().describe('the request path'),
  requestId: z.string().describe('the id of the request in the server log (also the x-request-id header)'),
});
export type Problem = z.infer<typeof ProblemSchema>;

export function problemFromAppError(error: AppError, requestId: string, instance?: string): Problem {
  const status = error.status;
  return {
    type: `https://motcua.gov.vn/problems/${error.code}`,
    title: error.messages.en,
    status,
    detail: error.messages.vi,
    code: error.code,
    messages: error.messages,
    ...(error.issues.length ? { issues: error.issues } : {}),
    ...(error.details ? { details: error.details } : {}),
    ...(instance ? { instance } : {}),
    requestId,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  const retryAfter = (problem.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Converts any thrown value to an AppError; framework errors keep their meaning. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (fe && typeof fe === 'object') {
    if (fe.code === 'FST_ERR_VALIDATION' && Array.isArray(fe.validation)) {
      const issues = (fe.validation as Array<{ instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }>).map(
        (v) => {
          const zodPath = v.params?.issue?.path;
          const path = Array.isArray(zodPath) && zodPath.length
            ? zodPath.join('.')
            : (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
          return { path: [fe.validationContext, path].filter(Boolean).join('.'), message: v.message ?? 'invalid' };
        },
      );
      return new AppError('request.invalid', { issues });
    }
    if (fe.code === 'FST_ERR_BAD_URL') {
      return new AppError('request.invalid', { issues: [{ path: 'url', message: 'not a valid URL: a percent-encoded part is not UTF-8 text' }] });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) return new AppError('request.too_large');
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        (fe.statusCode === 400 && typeof fe.code === 'string' && fe.code.startsWith('FST_'))) {
      return new AppError('request.invalid', { issues: [{ path: 'body', message: fe.message }] });
    }
    if (fe.statusCode === 429) return new AppError('request.rate_limited');
    if (fe.statusCode === 404) return new AppError('request.not_found');
  }
  return new AppError('internal.unexpected', { cause: error });
}

/**
 * Errors the router meets before any route or hook (a URL whose percent-encoding is not UTF-8,
 * such as a lone surrogate `%ED%A0%80`): problem+json like every other refusal.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, problemFromAppError(toAppError(error), request.id, request.url));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request: FastifyRequest, reply) => {
    const appError = toAppError(error);
    const problem = problemFromAppError(appError, request.id, request.url);
    if (problem.status >= 500) {
      request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    } else {
      request.log.info({ code: appError.code, requestId: request.id }, 'request refused');
    }
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemFromAppError(new AppError('request.not_found'), request.id, request.url)),
  );
}
