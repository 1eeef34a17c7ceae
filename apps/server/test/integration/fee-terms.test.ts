/**
 * Reception fixes what a dossier owes (docs/rules/payments.md): at the counter and when an officer
 * receives an online dossier, from the version the dossier is bound to, for its channel and case,
 * less an exemption the officer grants; a fee due before processing holds the dossier at national
 * status 6 and refuses its transfer until paid; form 01 prints the terms; a later catalogue change
 * changes nothing for a received dossier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFeeEntry } from '../../src/modules/payments/fee-ledger.repository.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';

const basis = 'Thông tư 85/2019/TT-BTC; Nghị quyết của HĐND tỉnh';
const schedule = {
  items: [
    { kind: 'charge', label: 'Lệ phí đăng ký biến động', amount: 50_000, onlineAmount: 25_000 },
    { kind: 'fee', label: 'Phí thẩm định hồ sơ', table: [{ label: 'Dưới 500 m²', amount: 500_000 }, { label: 'Từ 500 m² trở lên', amount: 1_000_000, onlineAmount: 900_000 }] },
  ],
  exemptions: [
    { label: 'Hộ nghèo', share: 100 },
    { label: 'Người có công với cách mạng', share: 50, appliesTo: 'fee' },
    { label: 'Trẻ em dưới 6 tuổi', share: 30 },
  ],
  legalBasis: basis,
  payBeforeProcessing: true,
};
const procedure = {
  code: 'FEE.001', name: 'Đăng ký biến động đất đai (thử biểu phí)', field: 'Đất đai', levels: ['commune'],
  processingTime: { value: 10, unit: 'working_days' }, fee: schedule,
  components: [{ name: 'Đơn đăng ký biến động', kind: 'original', count: 1, required: true }], fullyOnline: true,
};

describe.each(databaseKinds)('fee terms fixed at reception, on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  const now = new Date('2026-12-07T09:00:00+07:00');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now, config: { PUBLIC_BASE_URL: 'https://dichvucong.example.vn' } });
    officer = await t.signIn('canbo.giaothuy');
    const published = await (await t.signIn('quantri')).post('/api/v1/procedures', procedure);
    expect(published.statusCode, published.body).toBe(201);
  });
  afterAll(async () => t?.close());

  const counter = (extra: Record<string, unknown>) => officer.post('/api/v1/dossiers', {
    procedureCode: 'FEE.001', applicant: { name: 'Lê Văn Thành', phone: '0912000111' }, components: [{ index: 0, received: true }], ...extra,
  });
  const received = async (extra: Record<string, unknown>) => {
    const res = await counter(extra);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string };
  };
  const row = (id: number) => t.deps.db.selectFrom('dossiers').select(['status', 'national_status', 'fee_amount', 'fee_paid', 'fee_terms']).where('id', '=', id).executeTakeFirstOrThrow();
  const act = (id: number, action: string, body: Record<string, unknown> = {}) => officer.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
  const submitOnline = async (extra: Record<string, unknown> = {}) => {
    const file = multipartFile('don.pdf', samplePdf, 'application/pdf');
    const up = (await t.anonymous().request('POST', '/api/v1/public/files', file.payload, file.headers)).json() as { id: string; uploadToken: string };
    const res = await t.anonymous().post('/api/v1/public/dossiers', {
      procedureCode: 'FEE.001', agencyCode: '000.41.00.H40', applicant: { name: 'Vũ Thị Lan', phone: '0987000222' },
      components: [{ index: 0, fileIds: [up.id] }], uploadTokens: { [up.id]: up.uploadToken }, ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; code: string };
  };
  const form01 = async (id: number) => {
    const res = await officer.get(`/api/v1/dossiers/${id}/forms/01`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return flat(pdfText(res.rawPayload));
  };

  it('fixes the counter amounts of the chosen case at the counter and holds the dossier at national status 6', async () => {
    const { id } = await received({ feeRow: 'Dưới 500 m²' });
    expect(await row(id)).toEqual({
      status: 'received', national_status: 6, fee_amount: 550_000, fee_paid: false,
      fee_terms: {
        currency: 'VND', amount: 550_000, case: 'Dưới 500 m²', payBeforeProcessing: true, legalBasis: basis,
        items: [{ kind: 'charge', label: 'Lệ phí đăng ký biến động', amount: 50_000 }, { kind: 'fee', label: 'Phí thẩm định hồ sơ', amount: 500_000 }],
      },
    });
  });

  it('asks for the case and refuses an exemption the schedule does not list, receiving nothing', async () => {
    const before = await t.deps.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const noCase = await counter({});
    expect(noCase.statusCode).toBe(400);
    expect(noCase.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(noCase.json()).toMatchObject({ code: 'request.invalid', issues: [{ path: 'feeRow', message: 'choose the case of the fee; one of: Dưới 500 m²; Từ 500 m² trở lên' }] });
    const unknown = await counter({ feeRow: 'Dưới 500 m²', feeExemption: 'Sinh viên' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([{ path: 'feeExemption', message: 'unknown exemption "Sinh viên"; one of: Hộ nghèo; Người có công với cách mạng; Trẻ em dưới 6 tuổi' }]);
    const after = await t.deps.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('takes a percentage exemption off, rounded to the đồng, and a full one leaves nothing to pay', async () => {
    // 30% of 50.000 + 1.000.000 = 315.000; 735.000 is due.
    const child = await received({ feeRow: 'Từ 500 m² trở lên', feeExemption: 'Trẻ em dưới 6 tuổi' });
    expect(await row(child.id)).toMatchObject({ fee_amount: 735_000, national_status: 6, fee_terms: { exemption: { label: 'Trẻ em dưới 6 tuổi', waived: 315_000, share: 30 } } });
    const poor = await received({ feeRow: 'Dưới 500 m²', feeExemption: 'Hộ nghèo' });
    expect(await row(poor.id)).toMatchObject({ fee_amount: 0, fee_paid: false, national_status: 2, fee_terms: { amount: 0, exemption: { waived: 550_000 } } });
    expect((await act(poor.id, 'transfer')).statusCode).toBe(200);
  });

  it('refuses to transfer an unpaid dossier for processing, then transfers it once paid', async () => {
    const { id } = await received({ feeRow: 'Dưới 500 m²' });
    const refused = await act(id, 'transfer');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'dossier.fee_unpaid', detail: expect.stringContaining('550.000 đồng') });
    expect((await row(id)).status).toBe('received');
    await t.deps.db.transaction().execute((tx) =>
      appendFeeEntry(tx, { dossierId: id, kind: 'payment', method: 'cash', amount: 550_000, recordedAt: now }, { actor: { kind: 'anonymous' }, actorName: 'test' }));
    expect(await row(id)).toMatchObject({ fee_paid: true, national_status: 2 });
    const transferred = await act(id, 'transfer');
    expect(transferred.statusCode, transferred.body).toBe(200);
    expect(await row(id)).toMatchObject({ status: 'processing', national_status: 4 });
  });

  it('quotes the online amounts at submission and fixes them, with the exemption granted, when the officer receives the dossier', async () => {
    const { id, code } = await submitOnline({ feeRow: 'Từ 500 m² trở lên' });
    expect(await row(id)).toMatchObject({ status: 'submitted', national_status: 1, fee_amount: 925_000, fee_terms: { case: 'Từ 500 m² trở lên' } });
    const res = await act(id, 'receive', { feeExemption: 'Người có công với cách mạng' });
    expect(res.statusCode, res.body).toBe(200);
    // 25.000 (online charge) + 900.000 (online fee) − 50% of the fee.
    expect(await row(id)).toMatchObject({
      status: 'received', national_status: 6, fee_amount: 475_000,
      fee_terms: {
        amount: 475_000, case: 'Từ 500 m² trở lên', exemption: { label: 'Người có công với cách mạng', waived: 450_000, share: 50 },
        items: [{ kind: 'charge', label: 'Lệ phí đăng ký biến động', amount: 25_000 }, { kind: 'fee', label: 'Phí thẩm định hồ sơ', amount: 900_000 }],
      },
    });
    const notices = await t.deps.db.selectFrom('notifications').select(['kind', 'channel', 'destination', 'variables']).where('dossier_id', '=', id).orderBy('id').execute();
    expect(notices.map((n) => `${n.kind} ${n.channel} ${n.destination}`)).toEqual(['dossier_received sms 0987000222', 'payment_due sms 0987000222']);
    expect(notices[1]!.variables).toMatchObject({
      amount: { vi: '475.000 đồng' }, payBy: { vi: 'trước khi hồ sơ được giải quyết' }, payLink: `https://dichvucong.example.vn/tra-cuu/${code}`,
    });
  });

  it('lets the officer choose the case of an online dossier the applicant left open', async () => {
    const { id } = await submitOnline();
    expect(await row(id)).toMatchObject({ fee_amount: 0, fee_terms: null });
    const noCase = await act(id, 'receive');
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().issues).toEqual([expect.objectContaining({ path: 'feeRow' })]);
    expect((await row(id)).status).toBe('submitted');
    expect((await act(id, 'receive', { feeRow: 'Dưới 500 m²' })).statusCode).toBe(200);
    expect(await row(id)).toMatchObject({ fee_amount: 525_000, national_status: 6, fee_terms: { case: 'Dưới 500 m²' } });
  });

  it('prints the terms on form 01: items, case, exemption, total, unpaid, due before processing, legal basis', async () => {
    const { id } = await received({ feeRow: 'Từ 500 m² trở lên', feeExemption: 'Trẻ em dưới 6 tuổi' });
    const text = await form01(id);
    for (const expected of [
      '7. Phí, lệ phí: 735.000 đồng (chưa nộp)', '- Trường hợp: Từ 500 m² trở lên', '- Lệ phí đăng ký biến động: 50.000 đồng', '- Phí thẩm định hồ sơ: 1.000.000 đồng',
      '- Miễn, giảm (Trẻ em dưới 6 tuổi, giảm 30%): trừ 315.000 đồng', '- Nộp trước khi giải quyết hồ sơ', `- Căn cứ thu: ${basis}`,
    ]) expect(text).toContain(expected);
    const poor = await received({ feeRow: 'Dưới 500 m²', feeExemption: 'Hộ nghèo' });
    const exempt = await form01(poor.id);
    expect(exempt).toContain('7. Phí, lệ phí: 0 đồng (được miễn)');
    expect(exempt).toContain('- Miễn, giảm (Hộ nghèo, miễn toàn bộ): trừ 550.000 đồng');
    expect(exempt).not.toContain('Nộp trước khi giải quyết');
  });

  it('keeps a received dossier’s terms when the catalogue changes; an online dossier is received under its own version', async () => {
    const counterDossier = await received({ feeRow: 'Dưới 500 m²' });
    const online = await submitOnline({ feeRow: 'Dưới 500 m²' });
    const before = await row(counterDossier.id);
    const raised = {
      ...procedure,
      fee: { ...schedule, items: [{ kind: 'charge', label: 'Lệ phí đăng ký biến động', amount: 70_000 }, schedule.items[1]] },
      changeNote: 'Tăng lệ phí',
    };
    const amended = await (await t.signIn('quantri')).post('/api/v1/procedures', raised);
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json().outcome).toBe('amended');
    expect(await row(counterDossier.id)).toEqual(before);
    expect(await form01(counterDossier.id)).toContain('- Lệ phí đăng ký biến động: 50.000 đồng');
    expect((await act(online.id, 'receive')).statusCode).toBe(200);
    expect(await row(online.id)).toMatchObject({ fee_amount: 525_000, fee_terms: { items: [{ amount: 25_000 }, { amount: 500_000 }] } });
    // A dossier received now is under the new version.
    expect(await row((await received({ feeRow: 'Dưới 500 m²' })).id)).toMatchObject({ fee_amount: 570_000 });
  });
});
