/**
 * `Idempotency-Key` for intake and actions: the key row is inserted in the same transaction as
 * the change, so a retried request (after a timeout, a crash, a double click) creates nothing twice
 * and gets the first answer back. A key reused with a different request is refused (409).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AppError, inputText } from '@motcua/domain';
import type { Kysely } from 'kysely';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { fixedCalendars } from '../modules/calendar/calendar.provider.ts';
import { wakeIfEnqueued } from '../modules/notifications/outbox.wake.ts';
import { deferInserts, fixedInsert, insertTogether, takeDeferredInserts } from '../db/prepared.ts';
import { answerCheck } from './answers.ts';

export const idempotencyHeader = 'idempotency-key';

const IdempotencyKey = inputText().max(200).regex(/^[\x21-\x7e]+$/, 'at most 200 visible ASCII characters');

/** The headers of a route that takes an `Idempotency-Key`. */
export const IdempotencyHeaders = z.object({
  [idempotencyHeader]: IdempotencyKey.optional().describe('retrying with the same key creates nothing twice and answers the first answer again'),
});

class Replay extends Error {}

const keyRows = fixedInsert<{ key: string }>('idempotency_key_insert', 'idempotency_keys', ['scope', 'key', 'request_hash', 'status_code', 'response'], {
  onConflict: 'ON CONFLICT (scope, key) DO NOTHING', returning: 'key',
});

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
  /** The first answer as sent, when `answer` was given (send it as is: it is the stored one). */
  json?: string;
}

/**
 * Runs `work` (given a transaction-bound `db`) once per key and caller. Without a key, it simply
 * runs in a transaction. After the commit, the notifications the work enqueued are sent at once by
 * this process's dispatcher (docs/jobs.md).
 * With `answer` (the route's response schema), the result is encoded and stringified once, as the
 * route's serializer would, and that string is both stored and returned as `json`: a large answer
 * is then not checked and stringified twice.
 */
export async function idempotent<T>(
  request: FastifyRequest,
  deps: Deps,
  status: number,
  work: (txDeps: Deps) => Promise<T>,
  answer?: z.ZodType,
  options: {
    /**
     * The work's last writes may wait for the end (db/prepared.ts `insertTogetherOrLater`) and go in
     * one statement with the key: only for work that writes nothing after them (counter intake),
     * since the rows it defers are then inserted after anything it writes later.
     */
    deferLastWrites?: boolean;
  } = {},
): Promise<IdempotentResult<T>> {
  // Everything the work needs beyond the transaction is taken before it opens (the embedded
  // database has one connection: a query outside the transaction would wait for it forever).
  const calendars = fixedCalendars(await deps.calendars.current());
  // The dispatcher is woken after the commit when the work enqueued messages (outbox.wake.ts).
  let opened: Kysely<Database> | undefined;
  // The rows the work leaves for the end (with `deferLastWrites`: db/prepared.ts) go in one
  // statement with the key, or alone without one.
  const run = (tx: Kysely<Database>) => {
    opened = tx;
    if (options.deferLastWrites) deferInserts(tx);
    return work({ ...deps, db: tx, calendars });
  };
  const header = request.headers[idempotencyHeader];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) {
    const body = await deps.db.transaction().execute(async (tx) => {
      const result = await run(tx);
      await insertTogether(tx, takeDeferredInserts(tx));
      return result;
    });
    wakeIfEnqueued(deps, opened);
    return { status, body, replayed: false };
  }
  const checked = IdempotencyKey.safeParse(key);
  if (!checked.success) {
    throw new AppError('request.invalid', { issues: [{ path: `headers.${idempotencyHeader}`, message: checked.error.issues[0]!.message }] });
  }
  const actor = request.actor;
  const who = actor.kind === 'staff' ? `staff:${actor.userId}` : actor.kind === 'citizen' ? `citizen:${actor.citizenId}` : `ip:${request.ip}`;
  const scope = `${who} ${request.routeOptions.method} ${request.routeOptions.url}`;
  const hash = createHash('sha256').update(JSON.stringify([request.url, request.body ?? null])).digest('hex');
  // The key is written last, with the answer, in the same transaction as the work, and in the same
  // statement as the rows the work deferred. A concurrent request with the same key waits on its unique index, then finds
  // it and rolls its own work back; one that failed because the first changed the dossier first
  // (a retried action, say) also answers with the first's result.
  try {
    let json: string | undefined;
    const body = await deps.db.transaction().execute(async (tx) => {
      const result = await run(tx);
      json = answer ? encodeAnswer(request, answer, result) : JSON.stringify(result);
      const inserted = await insertTogether(tx, [...takeDeferredInserts(tx), keyRows.part([[scope, key, hash, status, json]])]);
      if (!inserted.at(-1)!.length) throw new Replay();
      return result;
    });
    wakeIfEnqueued(deps, opened);
    return { status, body, replayed: false, json: answer ? json : undefined };
  } catch (error) {
    if (!(error instanceof Replay)) {
      const earlier = await deps.db.selectFrom('idempotency_keys').select('key').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
      if (!earlier) throw error;
    }
  }
  const stored = await deps.db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  if (stored.request_hash !== hash) throw new AppError('request.idempotency_conflict');
  return { status: stored.status_code ?? status, body: stored.response as T, replayed: true };
}

/** What the route's serializer (answers.ts) sends for `result` (and the same error when it does not fit). */
function encodeAnswer(request: FastifyRequest, answer: z.ZodType, result: unknown): string {
  const encoded = answerCheck(answer)(result);
  if (encoded.error) throw new ResponseSerializationError(request.routeOptions.method as string, request.routeOptions.url ?? request.url, { cause: encoded.error });
  return JSON.stringify(encoded.data);
}

/** Sends an answer `encodeAnswer` made (a JSON string is not serialized again by fastify). */
export function sendEncoded(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
