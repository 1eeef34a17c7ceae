/**
 * The national payment platform's pattern as Motcua defines it (docs/payments.md): SHA-256 over
 * pipe-joined fields in a fixed order, the secret last. Expected checksums are computed here over
 * the literal strings, so a change of field order or formatting fails.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalPaymentProvider } from '../../../src/infra/payments/national-payment.ts';

const secret = 'national-test-secret-0123456789';
const sha = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const options = { merchant: 'UBND-NB', secret, paymentUrl: 'https://pay.national.test/thanh-toan', apiUrl: 'http://127.0.0.1:1/q' };

describe('the national platform’s signed redirect', () => {
  it('signs version|merchant|reference|amount|currency|description|returnUrl|payerIp|createdAt|expiresAt|locale|secret', () => {
    const url = new URL(nationalPaymentProvider(options).paymentUrl({
      reference: 'H40-261207-0001-AB3CD4EF', amount: 50_000, description: 'Lệ phí hồ sơ H40.22-261207-0001', returnUrl: 'https://motcua.test/api/v1/payments/national/return',
      payerIp: '203.0.113.7', createdAt: new Date('2026-12-07T02:05:09Z'), expiresAt: new Date('2026-12-07T02:20:09Z'), locale: 'vi',
    }));
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({ version: '1', merchant: 'UBND-NB', amount: '50000', currency: 'VND', description: 'Le phi ho so H40.22-261207-0001', createdAt: '20261207090509' });
    expect(q.checksum).toBe(sha(`1|UBND-NB|H40-261207-0001-AB3CD4EF|50000|VND|Le phi ho so H40.22-261207-0001|https://motcua.test/api/v1/payments/national/return|203.0.113.7|20261207090509|20261207092009|vi|${secret}`));
  });
});

describe('the national platform’s notification', () => {
  const provider = nationalPaymentProvider(options);
  const fields = { version: '1', merchant: 'UBND-NB', reference: 'REF-1', transactionNo: 'NP778899', amount: '50000', currency: 'VND', status: 'paid', resultCode: '00', paidAt: '20261207091011' };
  const checksum = sha(`1|UBND-NB|REF-1|NP778899|50000|VND|paid|00|20261207091011|${secret}`);

  it('is verified over version|merchant|reference|transactionNo|amount|currency|status|resultCode|paidAt|secret', () => {
    expect(provider.verifyCallback({ ...fields, checksum })).toMatchObject({ ok: true, outcome: { reference: 'REF-1', amount: 50_000, status: 'paid', providerTransactionNo: 'NP778899' } });
    expect(provider.verifyCallback({ ...fields, amount: '50001', checksum })).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('is answered {"code","message"} with VNPay’s codes', () => {
    expect(provider.ipnAnswer('confirmed').body).toBe('{"code":"00","message":"Confirmed"}');
    expect(provider.ipnAnswer('invalid_signature').body).toBe('{"code":"97","message":"Invalid checksum"}');
  });
});

describe('the national platform’s query', () => {
  let server: http.Server;
  let received: Record<string, string> = {};
  let apiUrl = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received = JSON.parse(body) as Record<string, string>;
        const a = { version: '1', requestId: received.requestId!, merchant: 'UBND-NB', reference: received.reference!, transactionNo: 'NP1', amount: '50000', currency: 'VND', status: 'paid', resultCode: '00', paidAt: '20261207091011' };
        const checksum = sha(`${[a.version, a.requestId, a.merchant, a.reference, a.transactionNo, a.amount, a.currency, a.status, a.resultCode, a.paidAt].join('|')}|${secret}`);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ...a, checksum }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/q`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('signs version|merchant|reference|requestId|requestedAt|secret and reads the signed answer', async () => {
    const answer = await nationalPaymentProvider({ ...options, apiUrl }).query({ reference: 'REF-9', createdAt: new Date(), description: 'q' }, new Date('2026-12-07T02:30:00Z'));
    expect(received.checksum).toBe(sha(`1|UBND-NB|REF-9|${received.requestId}|20261207093000|${secret}`));
    expect(answer.outcome).toMatchObject({ reference: 'REF-9', amount: 50_000, status: 'paid' });
  });
});
