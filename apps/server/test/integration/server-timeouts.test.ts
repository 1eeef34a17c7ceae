/**
 * The listening server's bounds, over a real socket: a client that declares a body and never
 * sends it is disconnected after the idle timeout, while a slow upload that keeps sending is
 * received whole. The idle timeout is one second here (thirty by default).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

interface Outcome {
  closedAfterMs: number;
  received: string;
}

/** Sends `head` at once, then `body` in `chunks` pieces `everyMs` apart; resolves when the server closes. */
function exchange(port: number, head: string, body: Buffer, chunks: number, everyMs: number, giveUpMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = '';
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(head);
      const size = Math.ceil(body.length / Math.max(chunks, 1));
      let i = 0;
      const next = () => {
        if (chunks === 0 || socket.destroyed || i * size >= body.length) return;
        socket.write(body.subarray(i * size, (i + 1) * size));
        i++;
        setTimeout(next, everyMs);
      };
      setTimeout(next, everyMs);
    });
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still held the connection after ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('data', (d) => (received += d.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
  });
}

describe('timeouts of the listening server', () => {
  let t: TestApp;
  let port = 0;

  beforeAll(async () => {
    t = await startTestApp('pglite', { demo: false, config: { SERVER_IDLE_TIMEOUT_SECONDS: '1' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t?.close());

  it('disconnects a client that declares a body and never sends it, after the idle timeout', async () => {
    const head = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    const outcome = await exchange(port, head, Buffer.alloc(0), 0, 0, 10_000);
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(outcome.closedAfterMs).toBeLessThan(3_000);
  });

  it('receives a slow upload that keeps sending for several times the idle timeout', async () => {
    const file = multipartFile('scan.pdf', Buffer.concat([samplePdf, Buffer.alloc(6_000, 0x20)]), 'application/pdf');
    const head =
      `POST /api/v1/public/files HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${file.headers['content-type']}\r\n` +
      `Content-Length: ${file.payload.length}\r\nConnection: close\r\n\r\n`;
    // About 4.5 s in 15 pieces, 300 ms apart: never a second of silence.
    const outcome = await exchange(port, head, file.payload, 15, 300, 20_000);
    expect(outcome.closedAfterMs).toBeGreaterThan(4_000);
    expect(outcome.received).toMatch(/^HTTP\/1\.1 201 /);
    expect(outcome.received).toContain('"mediaType":"application/pdf"');
  });
});
