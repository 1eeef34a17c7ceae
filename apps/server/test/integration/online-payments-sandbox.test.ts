/**
 * The whole online payment over real HTTP, as `npm start` runs it in demo mode: Motcua listens on
 * a port with the bundled sandbox gateway mounted; `fetch` plays the payer's browser (start the
 * payment, open the gateway's page, press "pay", come back); the sandbox sends its IPN to Motcua
 * over HTTP. Then an IPN the sandbox loses, recovered by the reconciliation job on an injected clock.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withListeningPort } from '../../src/config.ts';
import { newSecurityCode, sha256 } from '../../src/infra/tokens.ts';
import { reconcilePendingOrders } from '../../src/modules/payments/online.reconcile.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

describe.each(databaseKinds)('an online payment through the bundled sandbox gateway over HTTP, on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let base: string;
  const now = new Date('2026-12-07T10:00:00+07:00');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now, config: { PORT: '0' } });
    officer = await t.signIn('canbo.giaothuy');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    withListeningPort(t.deps.config, port);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t?.devPayments?.settled();
    await t?.close();
  });

  /** The browser reaches this server whatever public address the configuration names. */
  const here = (address: string) => {
    const u = new URL(address);
    return `${base}${u.pathname}${u.search}`;
  };

  const owingDossier = async (fee: number) => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Đỗ Thị Lan' }, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    const terms = { currency: 'VND', amount: fee, items: [{ kind: 'charge', label: 'Lệ phí', amount: fee }], payBeforeProcessing: true, legalBasis: null };
    const securityCode = newSecurityCode();
    await t.deps.db.updateTable('dossiers')
      .set({ fee_amount: fee, fee_terms: JSON.stringify(terms), fee_paid: false, national_status: 6, access_secret_hash: sha256(securityCode.canonical) })
      .where('id', '=', id).execute();
    return { id, code, securityCode: securityCode.shown };
  };

  /** The payer starts the payment on the status page and presses "Thanh toán" at the gateway. */
  const payAtGateway = async (d: { code: string; securityCode: string }) => {
    const started = await fetch(`${base}/api/v1/public/dossiers/${encodeURIComponent(d.code)}/payments`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ securityCode: d.securityCode }),
    });
    expect(started.status).toBe(201);
    const { paymentUrl, reference } = (await started.json()) as { paymentUrl: string; reference: string };
    const page = await fetch(here(paymentUrl));
    expect(page.status).toBe(200);
    const transaction = /name="transaction" value="([^"]+)"/.exec(await page.text())![1]!;
    const paid = await fetch(`${base}/dev-payments/vnpay/paymentv2/pay`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ transaction, action: 'confirm', bank: 'NCB' }).toString(),
    });
    expect([302, 303]).toContain(paid.status);
    return { reference, returnTo: paid.headers.get('location')! };
  };
  const order = (reference: string) => t.deps.db.selectFrom('payment_orders').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const entries = (dossierId: number) => t.deps.db.selectFrom('fee_entries').selectAll().where('dossier_id', '=', dossierId).execute();

  it('is paid by the sandbox’s IPN: order paid, one ledger entry with its receipt number, the browser sent back to the status page', async () => {
    const d = await owingDossier(50_000);
    const { reference, returnTo } = await payAtGateway(d);
    await t.devPayments!.settled();
    const attempts = t.devPayments!.find(t.deps.config.payments!.vnpay!.tmnCode, reference)!.ipn;
    expect(attempts[0]).toMatchObject({ httpStatus: 200 });
    expect(await order(reference)).toMatchObject({ status: 'paid', amount: 50_000, response_code: '00' });
    const ledger = await entries(d.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'payment', method: 'online', amount: 50_000, receipt_symbol: 'BL26E' });
    expect(await t.deps.db.selectFrom('dossiers').select(['fee_paid', 'national_status']).where('id', '=', d.id).executeTakeFirstOrThrow())
      .toEqual({ fee_paid: true, national_status: 2 });
    // The browser comes back: logged, nothing applied, sent to the portal's status page.
    const back = await fetch(here(returnTo), { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`${t.deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}?thanh-toan=${reference}`);
    const status = await fetch(`${base}/api/v1/payments/orders/${reference}`, { headers: { 'x-security-code': d.securityCode } });
    expect(await status.json()).toMatchObject({ status: 'paid', outstanding: 0, receipt: { symbol: 'BL26E', number: ledger[0]!.receipt_number, year: 2026 } });
    // The sandbox sends the IPN again (a gateway that missed the answer): 02, nothing changes.
    const replay = await t.devPayments!.replayIpn(t.devPayments!.find(t.deps.config.payments!.vnpay!.tmnCode, reference)!.id);
    expect(replay).toMatchObject({ httpStatus: 200 });
    expect(await entries(d.id)).toHaveLength(1);
    const answers = await t.deps.db.selectFrom('payment_callbacks').select(['kind', 'answer_code']).where('reference', '=', reference).where('kind', '=', 'ipn').orderBy('id').execute();
    expect(answers.map((a) => a.answer_code)).toEqual(['00', '02']);
  });

  it('recovers an IPN the sandbox lost through the reconciliation job, which asks the sandbox with querydr', async () => {
    const d = await owingDossier(35_000);
    t.devPayments!.dropNextIpns(1);
    const { reference } = await payAtGateway(d);
    await t.devPayments!.settled();
    // The payer closed the browser: nobody told Motcua.
    expect((await order(reference)).status).toBe('pending');
    expect(await entries(d.id)).toHaveLength(0);
    const run = await reconcilePendingOrders(t.deps, new Date(now.getTime() + 6 * 60_000));
    expect(run).toMatchObject({ checked: 1, paid: 1, error: 0 });
    expect(await order(reference)).toMatchObject({ status: 'paid', checks: 1 });
    expect(await entries(d.id)).toHaveLength(1);
    const logged = await t.deps.db.selectFrom('payment_callbacks').select(['kind', 'answer_code', 'outcome']).where('reference', '=', reference).execute();
    expect(logged).toEqual([{ kind: 'query', answer_code: '00', outcome: 'paid' }]);
  });
});
