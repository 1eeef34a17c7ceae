/**
 * The built web app over a real socket: scripts and styles are sent as the brotli or gzip copy the
 * build wrote beside them, chosen by Accept-Encoding and decoding to the very bytes of the file;
 * hashed assets are cached for a year and immutable, index.html (the SPA fallback too) is
 * revalidated; the security headers are those of every other answer. The dist directory is made
 * here as the build makes it (apps/web/scripts/precompress.ts): a file and its `.br`/`.gz` copies.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(port: number, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function decoded(answer: Answer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return zlib.gunzipSync(answer.body);
  if (encoding === undefined) return answer.body;
  throw new Error(`unexpected content-encoding ${encoding}`);
}

/** A dist directory as Vite and the precompress step leave it. */
function writeDist(): { dir: string; script: Buffer; style: Buffer; page: Buffer; icon: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const script = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const thuTuc${i} = { ma: "1.00${i}", ten: "Đăng ký khai sinh ${i}" };\n`).join(''));
  const style = Buffer.from(Array.from({ length: 200 }, (_, i) => `.m_${i.toString(16)} { margin: ${i}px; color: var(--mantine-color-blue-${i % 10}); }\n`).join(''));
  const page = Buffer.from(`<!doctype html><html lang="vi"><head><meta charset="UTF-8"><title>Motcua — Dịch vụ công một cửa</title>
<script type="module" crossorigin src="/assets/index-AbC12xyZ.js"></script><link rel="stylesheet" href="/assets/index-Qw3rT9uP.css"></head>
<body><noscript>${'Vui lòng bật JavaScript để sử dụng dịch vụ công một cửa. '.repeat(20)}</noscript><div id="root"></div></body></html>`);
  const icon = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7"/></svg>');
  const files: Array<[string, Buffer, boolean]> = [
    ['assets/index-AbC12xyZ.js', script, true], ['assets/index-Qw3rT9uP.css', style, true], ['index.html', page, true], ['favicon.svg', icon, false],
  ];
  for (const [name, bytes, copies] of files) {
    fs.writeFileSync(path.join(dir, name), bytes);
    if (!copies) continue;
    fs.writeFileSync(path.join(dir, name + '.br'), zlib.brotliCompressSync(bytes));
    fs.writeFileSync(path.join(dir, name + '.gz'), zlib.gzipSync(bytes, { level: 9 }));
  }
  return { dir, script, style, page, icon };
}

const browser = 'gzip, deflate, br, zstd';

describe.each(databaseKinds)('the web app served on %s', (kind) => {
  let t: TestApp;
  let port = 0;
  const dist = writeDist();

  beforeAll(async () => {
    t = await startTestApp(kind, { demo: false, webDistDir: dist.dir });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist.dir, { recursive: true, force: true });
  });

  it('sends a hashed script brotli-compressed to a browser, cached for a year and immutable', async () => {
    const answer = await get(port, '/assets/index-AbC12xyZ.js', { 'accept-encoding': browser });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(answer.body.length).toBeLessThan(dist.script.length / 4);
    expect(decoded(answer).equals(dist.script)).toBe(true);
  });

  it('sends gzip to a client that takes gzip only, and the file itself to one that takes nothing', async () => {
    const gzipped = await get(port, '/assets/index-Qw3rT9uP.css', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toMatch(/^text\/css/);
    expect(decoded(gzipped).equals(dist.style)).toBe(true);
    for (const headers of [{ 'accept-encoding': 'identity' }, {}] as Array<Record<string, string>>) {
      const plain = await get(port, '/assets/index-Qw3rT9uP.css', headers);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(plain.body.equals(dist.style)).toBe(true);
    }
  });

  it('answers the home page and any client-side route with index.html, compressed and revalidated on each visit', async () => {
    for (const url of ['/', '/thu-tuc/1.001612', '/console/ho-so?trang=2']) {
      const answer = await get(port, url, { 'accept-encoding': browser });
      expect(answer.status, url).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(decoded(answer).equals(dist.page), url).toBe(true);
    }
    const first = await get(port, '/', { 'accept-encoding': browser });
    expect(first.headers.etag).toBeDefined();
    const again = await get(port, '/', { 'accept-encoding': browser, 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
  });

  it('keeps the security headers on compressed files and on the page', async () => {
    for (const url of ['/', '/assets/index-AbC12xyZ.js']) {
      const answer = await get(port, url, { 'accept-encoding': browser });
      expect(answer.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(answer.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
      expect(answer.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });

  it('sends a file too small to compress as it is, cached for five minutes', async () => {
    const answer = await get(port, '/favicon.svg', { 'accept-encoding': browser });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    expect(answer.body.equals(dist.icon)).toBe(true);
  });

  it('answers a script of a previous build with 404, never with the page', async () => {
    const answer = await get(port, '/assets/index-0ldBu1ld.js', { 'accept-encoding': browser });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
