/**
 * Online fee payment, exactly once (docs/payments.md): the payer starts a payment of what the
 * dossier owes; only the gateway's verified IPN or query answer changes an order; ten identical
 * IPNs at once record one payment with one receipt number; a return to the site alone pays
 * nothing; a cancelled payment leaves the fee owed; reconciliation recovers a lost IPN and expires
 * what was never paid. The gateway is a local stand-in that signs as VNPay does (test/support).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecurityCode, sha256 } from '../../src/infra/tokens.ts';
import { reconcilePendingOrders } from '../../src/modules/payments/online.reconcile.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { callbackFields, queryString, signAsGateway, startTestGateway, vnpayConfigFor, type TestGateway } from '../support/payment-gateway.ts';

const an = '036090001234';

describe.each(databaseKinds)('online fee payment through a VNPay-compatible gateway, on %s', (kind) => {
  let t: TestApp;
  let gateway: TestGateway;
  let officer: Agent;
  const now = new Date('2026-12-07T09:00:00+07:00');
  beforeAll(async () => {
    gateway = await startTestGateway();
    t = await startTestApp(kind, { clock: () => now, config: { ...vnpayConfigFor(gateway), PAYMENT_ORDER_MINUTES: '15' } });
    officer = await t.signIn('canbo.giaothuy');
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  /** A received dossier owing `fee` đồng, with a security code as an online receipt would give. */
  const owingDossier = async (fee: number, applicant: Record<string, unknown> = { name: 'Trịnh Thị Tâm' }) => {
    const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant, components: [{ index: 0, received: true }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    const terms = { currency: 'VND', amount: fee, items: [{ kind: 'charge', label: 'Lệ phí', amount: fee }], payBeforeProcessing: false, legalBasis: null };
    const securityCode = newSecurityCode();
    await t.deps.db.updateTable('dossiers')
      .set({ fee_amount: fee, fee_terms: JSON.stringify(terms), fee_paid: false, access_secret_hash: sha256(securityCode.canonical) })
      .where('id', '=', id).execute();
    return { id, code, securityCode: securityCode.shown };
  };
  const start = (code: string, securityCode: string) => t.anonymous().post(`/api/v1/public/dossiers/${encodeURIComponent(code)}/payments`, { securityCode });
  const started = async (code: string, securityCode: string) => {
    const res = await start(code, securityCode);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { paymentUrl: string; reference: string; amount: number; expiresAt: string };
  };
  const ipn = async (params: Record<string, string>) => {
    const res = await t.anonymous().get(`/api/v1/payments/vnpay/ipn?${queryString(params)}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { RspCode: string; Message: string };
  };
  const order = (reference: string) => t.deps.db.selectFrom('payment_orders').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const entriesOf = (dossierId: number) => t.deps.db.selectFrom('fee_entries').selectAll().where('dossier_id', '=', dossierId).execute();
  const callbacksOf = (reference: string) => t.deps.db.selectFrom('payment_callbacks').select(['kind', 'answer_code', 'outcome']).where('reference', '=', reference).orderBy('id').execute();

  it('starts a payment of what is owed, signed for the gateway, and gives the same order again while it is valid', async () => {
    const d = await owingDossier(50_000);
    const first = await started(d.code, d.securityCode);
    expect(first.amount).toBe(50_000);
    expect(first.reference).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
    const url = new URL(first.paymentUrl);
    expect(`${url.origin}${url.pathname}`).toBe(gateway.paymentUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ vnp_Amount: '5000000', vnp_TxnRef: first.reference, vnp_Command: 'pay', vnp_CurrCode: 'VND', vnp_Version: '2.1.0' });
    // The gateway's own check of the address: the same signature over what it received.
    const { vnp_SecureHash: hash, ...unsigned } = Object.fromEntries(url.searchParams);
    expect(signAsGateway(unsigned).vnp_SecureHash).toBe(hash);
    expect(new Date(first.expiresAt).getTime() - now.getTime()).toBe(15 * 60_000);
    expect((await started(d.code, d.securityCode)).reference).toBe(first.reference);
    expect((await start(d.code, 'WRONG-CODE-0000')).json()).toMatchObject({ code: 'dossier.access_denied' });
    const nothing = await owingDossier(0);
    expect((await start(nothing.code, nothing.securityCode)).json()).toMatchObject({ code: 'payment.nothing_owed' });
  });

  it('refuses an IPN with a wrong signature (97), an unknown reference (01) and a wrong amount (04), and changes nothing', async () => {
    const d = await owingDossier(30_000);
    const { reference } = await started(d.code, d.securityCode);
    const forged = { ...signAsGateway(callbackFields(reference, 30_000)), vnp_Amount: '1000' };
    expect(await ipn(forged)).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(await ipn(signAsGateway(callbackFields(reference, 30_000), 'another-merchant-secret-0000000000'))).toMatchObject({ RspCode: '97' });
    expect(await ipn(signAsGateway(callbackFields('NO-SUCH-ORDER-1', 30_000)))).toEqual({ RspCode: '01', Message: 'Order not found' });
    expect(await ipn(signAsGateway(callbackFields(reference, 29_000)))).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    expect((await order(reference)).status).toBe('pending');
    expect(await entriesOf(d.id)).toHaveLength(0);
    expect((await callbacksOf(reference)).map((c) => `${c.kind} ${c.answer_code} ${c.outcome}`)).toEqual([
      'ipn 97 signature', 'ipn 97 signature', 'ipn 04 amount_mismatch',
    ]);
  });

  it('applies the same valid IPN sent ten times at once exactly once: one 00, nine 02, one entry, one receipt number', async () => {
    const d = await owingDossier(50_000);
    const { reference } = await started(d.code, d.securityCode);
    const params = signAsGateway(callbackFields(reference, 50_000));
    const answers = await Promise.all(Array.from({ length: 10 }, () => ipn(params)));
    expect(answers.map((a) => a.RspCode).sort()).toEqual(['00', '02', '02', '02', '02', '02', '02', '02', '02', '02']);
    expect(answers.find((a) => a.RspCode === '00')).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const entries = await entriesOf(d.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'payment', method: 'online', amount: 50_000, receipt_symbol: 'BL26E' });
    expect(entries[0]!.receipt_number).toBeGreaterThan(0);
    expect(await order(reference)).toMatchObject({ status: 'paid', provider_transaction_no: '14226112', bank_code: 'NCB', response_code: '00' });
    expect((await t.deps.db.selectFrom('dossiers').select('fee_paid').where('id', '=', d.id).executeTakeFirstOrThrow()).fee_paid).toBe(true);
    expect((await callbacksOf(reference)).filter((c) => c.answer_code === '02')).toHaveLength(9);
    // The payer reads the status and the receipt from the server; nothing is owed any more.
    const status = await t.anonymous().request('GET', `/api/v1/payments/orders/${reference}`, undefined, { 'x-security-code': d.securityCode });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({ status: 'paid', amount: 50_000, outstanding: 0, receipt: { symbol: 'BL26E', number: entries[0]!.receipt_number } });
    expect((await start(d.code, d.securityCode)).json()).toMatchObject({ code: 'payment.nothing_owed' });
    expect((await t.anonymous().get(`/api/v1/payments/orders/${reference}`)).statusCode).toBe(403);
  });

  it('never marks an order paid from the payer’s return alone: it asks the gateway and applies only its answer', async () => {
    const d = await owingDossier(40_000);
    const { reference } = await started(d.code, d.securityCode);
    const returned = signAsGateway(callbackFields(reference, 40_000));
    // The gateway has not completed the transaction (01): the browser's "00" changes nothing.
    gateway.transactions.set(reference, { amount: 40_000, status: '01' });
    const queriesBefore = gateway.queries;
    const res = await t.anonymous().get(`/api/v1/payments/vnpay/return?${queryString(returned)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${t.deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}?thanh-toan=${reference}`);
    expect(gateway.queries).toBe(queriesBefore + 1);
    expect((await order(reference)).status).toBe('pending');
    expect(await entriesOf(d.id)).toHaveLength(0);
    // A forged return is logged and asks nothing.
    const forged = await t.anonymous().get(`/api/v1/payments/vnpay/return?${queryString({ ...returned, vnp_Amount: '100' })}`);
    expect(forged.headers.location).toBe(`${t.deps.config.publicBaseUrl}/tra-cuu?thanh-toan=loi`);
    expect(gateway.queries).toBe(queriesBefore + 1);
    // Once the gateway says paid, the return's query applies it (the IPN arrives later: 02).
    gateway.transactions.set(reference, { amount: 40_000, status: '00' });
    await t.anonymous().get(`/api/v1/payments/vnpay/return?${queryString(returned)}`);
    expect((await order(reference)).status).toBe('paid');
    expect(await entriesOf(d.id)).toHaveLength(1);
    expect(await ipn(returned)).toMatchObject({ RspCode: '02' });
    expect((await callbacksOf(reference)).map((c) => `${c.kind} ${c.answer_code}`)).toEqual(['return 00', 'query 00', 'return 97', 'return 00', 'query 00', 'ipn 02']);
  });

  it('sends the signed-in citizen back to their dossier in “Hồ sơ của tôi”', async () => {
    const citizen = await t.signInCitizen(an);
    const d = await owingDossier(20_000, { name: 'Nguyễn Văn An', idNumber: an });
    const res = await citizen.post(`/api/v1/citizen/dossiers/${encodeURIComponent(d.code)}/payments`, { locale: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    const { reference, paymentUrl } = res.json() as { reference: string; paymentUrl: string };
    expect(new URL(paymentUrl).searchParams.get('vnp_Locale')).toBe('en');
    const back = await citizen.get(`/api/v1/payments/vnpay/return?${queryString(signAsGateway(callbackFields(reference, 20_000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' })))}`);
    expect(back.headers.location).toBe(`${t.deps.config.publicBaseUrl}/ho-so-cua-toi/${encodeURIComponent(d.code)}?thanh-toan=${reference}`);
    expect((await citizen.get(`/api/v1/payments/orders/${reference}`)).json()).toMatchObject({ status: 'pending', outstanding: 20_000 });
    // Another citizen is told nothing of it.
    const other = await t.signInCitizen('036192005678');
    expect((await other.post(`/api/v1/citizen/dossiers/${encodeURIComponent(d.code)}/payments`, {})).statusCode).toBe(404);
    expect((await other.get(`/api/v1/payments/orders/${reference}`)).json()).toMatchObject({ code: 'payment.order_not_found' });
  });

  it('leaves the fee owed when the payer cancels at the gateway (24), and a new order can be started', async () => {
    const d = await owingDossier(25_000);
    const { reference } = await started(d.code, d.securityCode);
    expect(await ipn(signAsGateway(callbackFields(reference, 25_000, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' })))).toMatchObject({ RspCode: '00' });
    expect(await order(reference)).toMatchObject({ status: 'cancelled', response_code: '24' });
    expect(await entriesOf(d.id)).toHaveLength(0);
    const again = await started(d.code, d.securityCode);
    expect(again.reference).not.toBe(reference);
    expect(again.amount).toBe(25_000);
    expect(await ipn(signAsGateway(callbackFields(again.reference, 25_000)))).toMatchObject({ RspCode: '00' });
    expect(await entriesOf(d.id)).toHaveLength(1);
  });

  it('recovers a lost IPN and expires what was never paid, in the reconciliation job', async () => {
    const lost = await owingDossier(60_000);
    const lostOrder = await started(lost.code, lost.securityCode);
    const unpaid = await owingDossier(70_000);
    const unpaidOrder = await started(unpaid.code, unpaid.securityCode);
    gateway.transactions.set(lostOrder.reference, { amount: 60_000, status: '00' });
    // Too young: left to its IPN.
    const early = await reconcilePendingOrders(t.deps, new Date(now.getTime() + 60_000));
    expect(early.checked).toBe(0);
    // Six minutes on: the paid one is applied, the other is still within its 15 minutes.
    const second = await reconcilePendingOrders(t.deps, new Date(now.getTime() + 6 * 60_000));
    expect(second).toMatchObject({ paid: 1 });
    expect(await order(lostOrder.reference)).toMatchObject({ status: 'paid', checks: 1 });
    expect(await entriesOf(lost.id)).toHaveLength(1);
    expect((await order(unpaidOrder.reference)).status).toBe('pending');
    // Past its expiry, reported unknown to the gateway (91): expired; the fee is still owed.
    const later = new Date(now.getTime() + 16 * 60_000);
    const third = await reconcilePendingOrders(t.deps, later);
    expect(third.expired).toBeGreaterThanOrEqual(1);
    const expired = await order(unpaidOrder.reference);
    expect(expired).toMatchObject({ status: 'expired', checks: 2 });
    expect(expired.last_checked_at?.getTime()).toBe(later.getTime());
    expect(await entriesOf(unpaid.id)).toHaveLength(0);
    // The late IPN of the recovered order changes nothing.
    expect(await ipn(signAsGateway(callbackFields(lostOrder.reference, 60_000)))).toMatchObject({ RspCode: '02' });
    const [{ n }] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM fee_entries WHERE order_id = ${(await order(lostOrder.reference)).id}`.execute(t.deps.db)).rows as [{ n: number }];
    expect(n).toBe(1);
  });
});
