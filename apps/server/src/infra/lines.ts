/**
 * The lines of a text stream, read with backpressure. (readline's async iterator can lose the last
 * lines when its consumer is slower than the file, as a batched import is: the stream closes while
 * lines still wait in readline's queue.)
 */
import type { Readable } from 'node:stream';

export async function* readLines(stream: Readable | NodeJS.ReadableStream, onBytes?: (n: number) => void): AsyncGenerator<string> {
  (stream as Readable).setEncoding?.('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    onBytes?.(Buffer.byteLength(chunk));
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n', start); nl !== -1; nl = rest.indexOf('\n', start)) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield rest.slice(start, end);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}
