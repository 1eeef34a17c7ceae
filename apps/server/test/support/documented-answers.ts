/**
 * The OpenAPI document tells the truth about answers: every answer an API route gives in the
 * integration tests (its status, and for a refusal its problem code) must be one its operation
 * documents. `startTestApp` records them and checks them when the app closes, so every
 * integration test is also a test of the document.
 */
import type { FastifyInstance } from 'fastify';
import { openApiPath } from '../../src/http/openapi.ts';

/** `METHOD url` → the set of `status` or `status code` it answered. */
export type Answers = Map<string, Set<string>>;

export function recordAnswers(app: FastifyInstance): Answers {
  const answers: Answers = new Map();
  app.addHook('onSend', async (request, reply, payload) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/v1/') || request.method === 'HEAD') return payload;
    let answer = String(reply.statusCode);
    // A page for a browser (a refused e-ID sign-in) has a documented status and no problem code.
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    if (reply.statusCode >= 400 && typeof payload === 'string' && !html) {
      try {
        answer += ` ${(JSON.parse(payload) as { code?: string }).code}`;
      } catch {
        answer += ' (not problem+json)';
      }
    }
    const key = `${request.method} ${url}`;
    answers.set(key, (answers.get(key) ?? new Set()).add(answer));
    return payload;
  });
  return answers;
}

type Responses = Record<string, { content?: Record<string, { schema?: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }> }>;

/** Answers whose status, or problem code, the document does not give for that operation. */
export function undocumentedAnswers(document: unknown, answers: Answers): string[] {
  const paths = (document as { paths: Record<string, Record<string, { responses?: Responses }>> }).paths;
  const wrong: string[] = [];
  for (const [key, given] of answers) {
    const [method, url] = key.split(' ') as [string, string];
    const responses = paths[openApiPath(url)]?.[method.toLowerCase()]?.responses;
    for (const answer of given) {
      const [status, code] = answer.split(' ');
      const documented = responses?.[status!];
      if (!documented) {
        wrong.push(`${key} answered ${answer}: status ${status} is not documented`);
        continue;
      }
      if (code === undefined) continue;
      const codes = documented.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
      if (!codes.includes(code)) wrong.push(`${key} answered ${answer}: code ${code} is not documented for ${status}`);
    }
  }
  return wrong.sort();
}
