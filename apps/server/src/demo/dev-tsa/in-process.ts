/**
 * How the server and the CLI reach the development time-stamp authority without a socket: a
 * `fetch` that answers requests to the authority's URL with the responder in this process (as the
 * development e-ID provider is reached, `demo/dev-idp/in-process-fetch.ts`), so that the demo
 * stamps wherever the server cannot reach its own public address, and the CLI, which serves no
 * port, stamps too. The time-stamp client is the same one that speaks to a real authority.
 */
import { timestampReplyType } from '../../infra/signing/timestamp-protocol.ts';
import type { DevTimestampResponder } from './responder.ts';

export function inProcessTimestampFetch(url: string, responder: DevTimestampResponder): typeof fetch {
  const target = new URL(url).href;
  return async (input, init) => {
    const href = new URL(input instanceof Request ? input.url : String(input)).href;
    if (href !== target || (init?.method ?? 'GET').toUpperCase() !== 'POST') return fetch(input, init);
    const body = new Uint8Array(await new Response(init?.body ?? null).arrayBuffer());
    const answer = await responder.respond(body);
    return new Response(answer, { status: 200, headers: { 'content-type': timestampReplyType } });
  };
}
