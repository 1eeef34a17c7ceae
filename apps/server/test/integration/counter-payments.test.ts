/**
 * Payments at the counter (docs/rules/payments.md): who may read a dossier's fee account and who
 * may record in it, the amounts refused and why, corrections as new entries (a reversal, then the
 * right payment), refunds, waivers by a leader, and the electronic receipt — its text, its amount
 * in words and its signatures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustAnchors } from '../../src/modules/signing/signing.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { flat, pdfText, qrCodes } from '../support/pdf-tools.ts';
import { pdfsig } from '../support/pdfsig.ts';

const an = '036090001234';

describe.each(databaseKinds)('payments at the counter, on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  let otherOfficer: Agent;
  let owner: Agent;
  let stranger: Agent;
  // A clock that moves a second each time it is read: entries of one dossier follow one another.
  let ticks = 0;
  const clock = () => new Date(Date.parse('2026-12-07T09:00:00+07:00') + 1000 * ticks++);
  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    otherOfficer = await t.signIn('canbo.giaominh');
    owner = await t.signInCitizen(an);
    stranger = await t.signInCitizen('036192005678');
  }, 120_000);
  afterAll(async () => t?.close());

  /** A dossier received for Nguyễn Văn An owing 100 000 đồng of charge and 50 000 of fee, due before processing. */
  const receivedDossier = async () => {
    const res = await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: an, address: 'Xóm 3, xã Giao Thủy' }, components: [{ index: 0, received: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, code } = res.json() as { id: number; code: string };
    const terms = {
      currency: 'VND', amount: 150_000, payBeforeProcessing: true, legalBasis: 'Thông tư 85/2019/TT-BTC',
      items: [{ kind: 'charge', label: 'Lệ phí đăng ký', amount: 100_000 }, { kind: 'fee', label: 'Phí thẩm định', amount: 50_000 }],
    };
    await t.deps.db.updateTable('dossiers').set({ fee_amount: 150_000, fee_terms: JSON.stringify(terms), fee_paid: false, national_status: 6 }).where('id', '=', id).execute();
    return { id, code };
  };
  const fees = (id: number) => `/api/v1/dossiers/${id}/fees`;
  const entryCount = async (id: number) => (await t.deps.db.selectFrom('fee_entries').select('id').where('dossier_id', '=', id).execute()).length;

  it('shows the account to staff who see the dossier and to its applicant, with what each may record; hides it from everyone else', async () => {
    const { id, code } = await receivedDossier();
    const account = await officer.get(fees(id));
    expect(account.statusCode, account.body).toBe(200);
    expect(account.json()).toMatchObject({
      code, terms: { amount: 150_000, items: [{ kind: 'charge' }, { kind: 'fee' }] },
      balance: { due: 150_000, paid: 0, outstanding: 150_000, settled: false }, entries: [], orders: [], may: ['payment', 'refund', 'reversal'],
    });
    expect((await leader.get(fees(id))).json().may).toEqual(['waiver']);
    expect((await specialist.get(fees(id))).json().may).toEqual([]);
    expect((await otherOfficer.get(fees(id))).json().code).toBe('dossier.not_found');
    const mine = `/api/v1/citizen/dossiers/${encodeURIComponent(code)}/fees`;
    expect((await owner.get(mine)).json()).toMatchObject({ code, balance: { outstanding: 150_000 }, may: [] });
    expect((await stranger.get(mine)).json().code).toBe('dossier.not_found');
    expect((await owner.get(fees(id))).statusCode).toBe(401);
  });

  it('lets only an officer of the receiving agency take a payment', async () => {
    const { id } = await receivedDossier();
    const body = { method: 'cash' };
    expect((await specialist.post(`${fees(id)}/payments`, body)).json().code).toBe('auth.forbidden');
    expect((await leader.post(`${fees(id)}/payments`, body)).json().code).toBe('auth.forbidden');
    expect((await otherOfficer.post(`${fees(id)}/payments`, body)).json().code).toBe('dossier.not_found');
    expect((await owner.post(`${fees(id)}/payments`, body)).statusCode).toBe(401);
    expect((await officer.post(`${fees(id)}/waivers`, { reason: 'Hộ nghèo', legalBasis: 'Điều 5' })).json().code).toBe('auth.forbidden');
    expect(await entryCount(id)).toBe(0);
  });

  it('refuses a zero, negative or too large amount with its own problem, and takes what is outstanding by default, once per Idempotency-Key', async () => {
    const { id } = await receivedDossier();
    for (const amount of [0, -5_000, 1.5]) {
      const res = await officer.post(`${fees(id)}/payments`, { method: 'cash', amount });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('request.invalid');
    }
    const tooMuch = await officer.post(`${fees(id)}/payments`, { method: 'cash', amount: 150_001 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(tooMuch.json()).toMatchObject({ code: 'fee.amount_exceeds_outstanding' });
    const key = { 'idempotency-key': `pay-${id}` };
    const first = await officer.post(`${fees(id)}/payments`, { method: 'transfer' }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await officer.post(`${fees(id)}/payments`, { method: 'transfer' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().entry.id).toBe(first.json().entry.id);
    expect(first.json()).toMatchObject({
      entry: { kind: 'payment', method: 'transfer', amount: 150_000, payerName: 'Nguyễn Văn An', receipt: { symbol: 'BL26E', year: 2026, signed: true } },
      balance: { paid: 150_000, outstanding: 0, settled: true },
    });
    expect(await entryCount(id)).toBe(1);
    expect((await officer.post(`${fees(id)}/payments`, { method: 'cash' })).json().code).toBe('fee.nothing_outstanding');
    expect(await t.deps.db.selectFrom('dossiers').select(['fee_paid', 'national_status']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ fee_paid: true, national_status: 2 });
  });

  it('issues a signed electronic receipt with its number, the amount in figures and in words, for staff and the applicant alike', async () => {
    const { id, code } = await receivedDossier();
    await officer.post(`${fees(id)}/payments`, { method: 'cash', amount: 100_000 });
    const paid = await officer.post(`${fees(id)}/payments`, { method: 'card', amount: 50_000, payerName: 'Trần Thị Bình' });
    const receipt = paid.json().entry.receipt;
    expect(receipt.text).toMatch(/^BL26E \d{7}$/);
    const res = await officer.get(receipt.pdf);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = new Uint8Array(res.rawPayload);
    const text = flat(pdfText(pdf));
    for (const expected of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ', `Ký hiệu: BL26E Số: ${receipt.text.split(' ')[1]}`, code, 'Trần Thị Bình', 'Lệ phí: Lệ phí đăng ký', 'Phí: Phí thẩm định',
      'Tổng số phải nộp 150.000 đồng', 'Số tiền đã nộp: 50.000 đồng', 'Viết bằng chữ: Năm mươi nghìn đồng.', 'Hình thức thanh toán: Thẻ (POS)',
      'ỦY BAN NHÂN DÂN', 'XÃ GIAO THỦY', 'Giao Thủy, ngày 07 tháng 12 năm 2026',
    ]) expect(text).toContain(expected);
    const report = await pdfsig(pdf, (await trustAnchors(t.deps)).roots);
    expect(report.signatures, report.output).toHaveLength(2);
    for (const s of report.signatures) expect(s.signatureValid && s.certificateTrusted, report.output).toBe(true);
    const document = await t.deps.db.selectFrom('fee_receipts').innerJoin('signed_documents as d', 'd.id', 'fee_receipts.signed_document_id')
      .select(['d.id', 'd.kind', 'd.status', 'd.number']).where('fee_receipts.entry_id', '=', paid.json().entry.id).executeTakeFirstOrThrow();
    expect(document).toMatchObject({ kind: 'fee_receipt', status: 'signed', number: receipt.text });
    expect(qrCodes(pdf)).toContain(`${t.deps.config.publicBaseUrl}/xac-thuc/${document.id}`);
    // The applicant downloads the same signed copy; another citizen finds no such dossier.
    const account = (await owner.get(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}/fees`)).json();
    const mine = account.entries.find((e: { id: string }) => e.id === paid.json().entry.id).receipt;
    expect(mine).toMatchObject({ signed: true, verifyUrl: `${t.deps.config.publicBaseUrl}/xac-thuc/${document.id}` });
    const ownCopy = await owner.get(mine.pdf);
    expect(ownCopy.statusCode).toBe(200);
    expect(Buffer.compare(ownCopy.rawPayload, res.rawPayload)).toBe(0);
    expect((await stranger.get(mine.pdf)).json().code).toBe('dossier.not_found');
    expect((await officer.get(`${fees(id)}/receipts/00000000-0000-0000-0000-000000000000.pdf`)).json().code).toBe('fee.receipt_not_found');
  });

  it('corrects a payment by reversing it (once, with a reason) and recording the right one; the receipt series goes on', async () => {
    const { id } = await receivedDossier();
    const wrong = (await officer.post(`${fees(id)}/payments`, { method: 'cash', amount: 15_000 })).json().entry;
    const reversalUrl = `${fees(id)}/entries/${wrong.id}/reversal`;
    expect((await officer.post(reversalUrl, {})).json().code).toBe('request.invalid');
    expect((await specialist.post(reversalUrl, { reason: 'Ghi nhầm' })).json().code).toBe('auth.forbidden');
    const reversal = await officer.post(reversalUrl, { reason: 'Ghi nhầm số tiền' });
    expect(reversal.statusCode, reversal.body).toBe(201);
    expect(reversal.json()).toMatchObject({ entry: { kind: 'reversal', amount: 15_000, reverses: wrong.id, receipt: null }, balance: { paid: 0, outstanding: 150_000 } });
    expect((await officer.post(reversalUrl, { reason: 'Lần nữa' })).json().code).toBe('fee.already_reversed');
    expect((await officer.post(`${fees(id)}/entries/${reversal.json().entry.id}/reversal`, { reason: 'x' })).json().code).toBe('fee.not_reversible');
    const right = (await officer.post(`${fees(id)}/payments`, { method: 'cash', amount: 150_000 })).json().entry;
    expect(right.receipt.number).toBe(wrong.receipt.number + 1);
    const account = (await officer.get(fees(id))).json();
    expect(account.entries.map((e: { kind: string; reversedBy: string | null }) => [e.kind, e.reversedBy !== null])).toEqual([['payment', true], ['reversal', false], ['payment', false]]);
    expect(account.entries.map((e: { reversible: boolean }) => e.reversible)).toEqual([false, false, true]);
    expect((await specialist.get(fees(id))).json().entries.map((e: { reversible: boolean }) => e.reversible)).toEqual([false, false, false]);
    expect(account.balance).toMatchObject({ paid: 150_000, settled: true });
    const trail = await t.deps.db.selectFrom('audit_events').select(['action']).where('action', 'like', 'fee.%').where('entity_id', '=', account.code).orderBy('id').execute();
    expect(trail.map((a) => a.action)).toEqual(['fee.payment', 'fee.reversal', 'fee.payment']);
  });

  it('refunds at most what was paid and not refunded, with a reason', async () => {
    const { id } = await receivedDossier();
    await officer.post(`${fees(id)}/payments`, { method: 'cash' });
    const tooMuch = await officer.post(`${fees(id)}/refunds`, { method: 'cash', amount: 150_001, reason: 'Nộp thừa' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().code).toBe('fee.refund_exceeds_paid');
    expect((await officer.post(`${fees(id)}/refunds`, { method: 'cash', amount: 50_000 })).json().code).toBe('request.invalid');
    const refund = await officer.post(`${fees(id)}/refunds`, { method: 'transfer', amount: 50_000, reason: 'Hồ sơ được giảm phí thẩm định' });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json()).toMatchObject({ entry: { kind: 'refund', method: 'transfer', reason: 'Hồ sơ được giảm phí thẩm định', receipt: null }, balance: { paid: 150_000, refunded: 50_000, outstanding: 50_000 } });
    expect((await officer.get(fees(id))).json().refundable).toBe(100_000);
  });

  it('lets the agency’s leader waive what is outstanding, with its legal basis', async () => {
    const { id } = await receivedDossier();
    await officer.post(`${fees(id)}/payments`, { method: 'cash', amount: 100_000 });
    expect((await leader.post(`${fees(id)}/waivers`, { amount: 50_001, reason: 'Hộ nghèo', legalBasis: 'Điều 5' })).json().code).toBe('fee.amount_exceeds_outstanding');
    expect((await leader.post(`${fees(id)}/waivers`, { reason: 'Hộ nghèo' })).json().code).toBe('request.invalid');
    const waiver = await leader.post(`${fees(id)}/waivers`, { reason: 'Người nộp thuộc hộ nghèo', legalBasis: 'Điều 5 Thông tư 85/2019/TT-BTC' });
    expect(waiver.statusCode, waiver.body).toBe(201);
    expect(waiver.json()).toMatchObject({
      entry: { kind: 'waiver', amount: 50_000, legalBasis: 'Điều 5 Thông tư 85/2019/TT-BTC', kindLabel: { vi: 'Miễn, giảm' } },
      balance: { waived: 50_000, outstanding: 0, settled: true },
    });
  });
});
