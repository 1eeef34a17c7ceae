/**
 * The fee report (docs/rules/payments.md, "Reports") on a small ledger built by hand through the
 * ledger's one writer: its figures equal the arithmetic written beside them and the domain's
 * reference definition; a staff member sees only the agencies of their scope; an entry at 23:59 on
 * 31/12 and one at 00:00 on 01/01 (Vietnam) fall in different years; the workbook holds the same
 * numbers.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feeFiguresOf, feeReportWindow, type FeeEntryFacts, type PaymentMethod, type PlainDate } from '@motcua/domain';
import { appendFeeEntry } from '../../src/modules/payments/fee-ledger.repository.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';

const giaoThuy = '000.41.00.H40';
const giaoMinh = '000.42.00.H40';
const at = (iso: string) => new Date(iso);
const december = 'from=2026-12-01&to=2026-12-31';

describe.each(databaseKinds)('the fee report, on %s', (kind) => {
  let t: TestApp;
  let now = at('2026-12-02T09:00:00+07:00');
  let manager: Agent;
  let officer: Agent;
  let otherOfficer: Agent;
  const audit = { actor: { kind: 'anonymous' as const }, actorName: 'test' };

  /** A dossier received at `receivedAt` by `agent` that owes `fee` (after `exemption` granted at reception). */
  const dossier = async (agent: Agent, receivedAt: string, fee: number, exemption = 0, procedureCode = '1.000894') => {
    now = at(receivedAt);
    const components = [{ index: 0, received: true }, { index: 1, received: true }];
    const res = await agent.post('/api/v1/dossiers', { procedureCode, applicant: { name: 'Trịnh Thị Tâm' }, components });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: number };
    const terms = {
      currency: 'VND', amount: fee, items: [{ kind: 'charge', label: 'Lệ phí', amount: fee + exemption }], payBeforeProcessing: false, legalBasis: null,
      ...(exemption ? { exemption: { label: 'Người có công với cách mạng', waived: exemption } } : {}),
    };
    await t.deps.db.updateTable('dossiers').set({ fee_amount: fee, fee_terms: JSON.stringify(terms), fee_paid: fee === 0 }).where('id', '=', id).execute();
    return id;
  };
  const record = (dossierId: number, kind: 'payment' | 'refund' | 'waiver' | 'reversal', amount: number, recordedAt: string, extra: { method?: PaymentMethod; reverses?: string; orderId?: string } = {}) =>
    t.deps.db.transaction().execute(async (tx) => (await appendFeeEntry(tx, { dossierId, kind, amount, recordedAt: at(recordedAt), ...extra }, audit)).entry);
  const order = async (dossierId: number, amount: number, createdAt: string, status: 'pending' | 'paid', reference: string) => {
    const { agency_id } = await t.deps.db.selectFrom('dossiers').select('agency_id').where('id', '=', dossierId).executeTakeFirstOrThrow();
    const row = await t.deps.db.insertInto('payment_orders').values({
      reference, dossier_id: dossierId, agency_id, provider: 'vnpay', amount, status, created_at: at(createdAt), expires_at: new Date(at(createdAt).getTime() + 900_000),
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    manager = await t.signIn('quanly.tinh');
    officer = await t.signIn('canbo.giaothuy');
    otherOfficer = await t.signIn('canbo.giaominh');

    // Giao Thủy, December 2026.
    // D1 owes 100 000: cash 30 000, transfer 20 000, card 10 000, a card payment of 99 000 recorded
    // by mistake and reversed, 5 000 refunded; 45 000 more paid in January.
    const d1 = await dossier(officer, '2026-12-02T09:00:00+07:00', 100_000);
    await record(d1, 'payment', 30_000, '2026-12-02T09:10:00+07:00', { method: 'cash' });
    await record(d1, 'payment', 20_000, '2026-12-03T10:00:00+07:00', { method: 'transfer' });
    await record(d1, 'payment', 10_000, '2026-12-04T10:00:00+07:00', { method: 'card' });
    const mistaken = await record(d1, 'payment', 99_000, '2026-12-04T10:05:00+07:00', { method: 'card' });
    await record(d1, 'reversal', 99_000, '2026-12-05T08:30:00+07:00', { reverses: mistaken.id });
    await record(d1, 'refund', 5_000, '2026-12-10T14:00:00+07:00', { method: 'cash' });
    // D2 owes 50 000 after an exemption of 50 000 at reception; paid online through an order.
    const d2 = await dossier(officer, '2026-12-03T09:00:00+07:00', 50_000, 50_000);
    const paidOrder = await order(d2, 50_000, '2026-12-03T20:00:00+07:00', 'paid', 'MC-TEST-0001');
    await record(d2, 'payment', 50_000, '2026-12-03T20:01:00+07:00', { method: 'online', orderId: paidOrder });
    // D3 owes 40 000: 10 000 waived later, an online order of 30 000 still pending.
    const d3 = await dossier(officer, '2026-12-04T09:00:00+07:00', 40_000, 0, '1.001193');
    await record(d3, 'waiver', 10_000, '2026-12-06T09:00:00+07:00');
    await order(d3, 30_000, '2026-12-07T21:00:00+07:00', 'pending', 'MC-TEST-0002');
    // D4 received and paid at 23:59 on 31/12; D5 at 00:00 on 01/01 (Vietnam time).
    const d4 = await dossier(officer, '2026-12-31T23:59:00+07:00', 20_000);
    await record(d4, 'payment', 20_000, '2026-12-31T23:59:00+07:00', { method: 'cash' });
    const d5 = await dossier(officer, '2027-01-01T00:00:00+07:00', 20_000);
    await record(d5, 'payment', 20_000, '2027-01-01T00:00:00+07:00', { method: 'cash' });
    await record(d1, 'payment', 45_000, '2027-01-05T09:00:00+07:00', { method: 'cash' });
    // Giao Minh: D6 owes and paid 70 000 in cash.
    const d6 = await dossier(otherOfficer, '2026-12-02T10:00:00+07:00', 70_000);
    await record(d6, 'payment', 70_000, '2026-12-02T10:05:00+07:00', { method: 'cash' });
    now = at('2027-01-10T09:00:00+07:00');
    // Sessions opened in December have expired by now.
    manager = await t.signIn('quanly.tinh');
    officer = await t.signIn('canbo.giaothuy');
    otherOfficer = await t.signIn('canbo.giaominh');
  });
  afterAll(async () => t?.close());

  // December at Giao Thủy, worked out by hand:
  const giaoThuyDecember = {
    // D1, D2, D3, D4; 100 000 + 50 000 + 40 000 + 20 000.
    dossiersWithFee: 4, amountDue: 210_000,
    // cash 30 000 (D1) + 20 000 (D4); the reversed 99 000 not at all; 30 + 20 + 10 + 50 + 20 thousand.
    collected: { total: 130_000, cash: 50_000, transfer: 20_000, card: 10_000, online: 50_000 },
    payments: 5, onlinePayments: 1,
    refunded: 5_000,
    // 10 000 waived on D3 + 50 000 exempted on D2 at reception.
    waived: 60_000, waivedAtReception: 50_000,
    // Now (10/01): D1 100 000 − (60 000 − 5 000 + 45 000 paid in January) = 0; D3 40 000 − 10 000 = 30 000; D2, D4 settled.
    outstanding: 30_000,
    pendingOrders: 1, pendingOnline: 30_000,
    // 1 of 5 payments; 50 000 of 130 000 đồng = 0,384615…
    onlineShare: { byCount: 0.2, byAmount: 0.3846 },
  };

  it('gives, per agency and in total, the figures worked out by hand', async () => {
    const res = await manager.get(`/api/v1/reports/fees?${december}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.period).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    const rows = Object.fromEntries(report.rows.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(rows).sort()).toEqual([giaoThuy, giaoMinh]);
    expect(rows[giaoThuy]).toEqual({ key: giaoThuy, label: 'Ủy ban nhân dân xã Giao Thủy', ...giaoThuyDecember });
    expect(rows[giaoMinh]).toMatchObject({ dossiersWithFee: 1, amountDue: 70_000, collected: { total: 70_000, cash: 70_000 }, outstanding: 0 });
    // Totals: Giao Thủy + Giao Minh; the share from the sums: 1 of 6 payments, 50 000 of 200 000.
    expect(report.total).toMatchObject({ dossiersWithFee: 5, amountDue: 280_000, collected: { total: 200_000, cash: 120_000 }, outstanding: 30_000 });
    expect(report.total.onlineShare).toEqual({ byCount: 0.1667, byAmount: 0.25 });
  });

  it('equals the domain’s reference definition over the same ledger', async () => {
    const agencyId = await t.agencyId(giaoThuy);
    const entries = await t.deps.db.selectFrom('fee_entries').selectAll().where('agency_id', '=', agencyId).execute();
    const dossiers = await t.deps.db.selectFrom('dossiers').select(['id', 'received_at', 'fee_amount', 'fee_terms']).where('agency_id', '=', agencyId).execute();
    const orders = await t.deps.db.selectFrom('payment_orders').select(['amount', 'created_at']).where('agency_id', '=', agencyId).where('status', '=', 'pending').execute();
    const facts = {
      entries: entries.map((e): FeeEntryFacts => ({ id: e.id, dossierId: e.dossier_id, kind: e.kind, method: e.method, amount: e.amount, reverses: e.reverses, recordedAt: e.recorded_at.getTime() })),
      dossiers: dossiers.map((d) => ({ id: d.id, receivedAt: d.received_at?.getTime() ?? null, due: d.fee_amount, exemption: d.fee_terms?.exemption?.waived ?? 0 })),
      pendingOrders: orders.map((o) => ({ amount: o.amount, createdAt: o.created_at.getTime() })),
    };
    for (const period of [{ from: '2026-12-01', to: '2026-12-31' }, { from: '2026-12-04', to: '2027-01-06' }, { from: '2027-01-01', to: '2027-12-31' }]) {
      const json = (await officer.get(`/api/v1/reports/fees?from=${period.from}&to=${period.to}`)).json();
      const reference = feeFiguresOf(facts, feeReportWindow(period as { from: PlainDate; to: PlainDate }, now.getTime()));
      expect(json.total, `${period.from}..${period.to}`).toEqual(reference);
    }
  });

  it('shows staff only their own agencies: an officer of another commune sees none of Giao Thủy', async () => {
    expect((await otherOfficer.get(`/api/v1/reports/fees?${december}&agency=${giaoThuy}`)).statusCode).toBe(404);
    const own = (await otherOfficer.get(`/api/v1/reports/fees?${december}`)).json();
    expect(own.rows.map((r: { key: string }) => r.key)).toEqual([giaoMinh]);
    expect(own.total.collected.total).toBe(70_000);
    const mine = (await officer.get(`/api/v1/reports/fees?${december}`)).json();
    expect(mine.rows.map((r: { key: string }) => r.key)).toEqual([giaoThuy]);
    expect(mine.total).toEqual(giaoThuyDecember);
    // A specialist is not among the fee report's readers; a citizen's session is not staff.
    expect((await (await t.signIn('chuyenvien.giaothuy')).get(`/api/v1/reports/fees?${december}`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/v1/reports/fees?${december}`)).statusCode).toBe(401);
  });

  it('puts 23:59 on 31/12 in December and 00:00 on 01/01 in January, Vietnam time', async () => {
    const months = (await officer.get('/api/v1/reports/fees?from=2026-12-31&to=2027-01-01&groupBy=month')).json();
    // 31/12: D4 paid 20 000 at 23:59; 01/01: D5 paid 20 000 at 00:00, nothing else on either day.
    expect(months.rows.map((r: { key: string; collected: { total: number }; dossiersWithFee: number }) => [r.key, r.collected.total, r.dossiersWithFee]))
      .toEqual([['2026-12', 20_000, 1], ['2027-01', 20_000, 1]]);
    const lastDay = (await officer.get('/api/v1/reports/fees?from=2026-12-31&to=2026-12-31')).json();
    expect(lastDay.total.collected.total).toBe(20_000);
    // January so far (as of 10/01 09:00): D5's 20 000 and D1's 45 000, both in cash.
    const january = (await officer.get('/api/v1/reports/fees?from=2027-01-01&to=2027-01-31')).json();
    expect(january.period.asOf).toBe('2027-01-10T09:00:00+07:00');
    expect(january.total).toMatchObject({ dossiersWithFee: 1, amountDue: 20_000, collected: { total: 65_000, cash: 65_000 }, outstanding: 0 });
  });

  it('groups by procedure with the procedures’ names', async () => {
    const json = (await officer.get(`/api/v1/reports/fees?${december}&groupBy=procedure`)).json();
    const byCode = Object.fromEntries(json.rows.map((r: { key: string }) => [r.key, r]));
    expect(Object.keys(byCode).sort()).toEqual(['1.000894', '1.001193']);
    // 1.001193 is D3: 40 000 due, 10 000 waived, 30 000 outstanding and pending online.
    expect(byCode['1.001193']).toMatchObject({ amountDue: 40_000, waived: 10_000, outstanding: 30_000, pendingOnline: 30_000, collected: { total: 0 } });
    expect(byCode['1.001193'].label).not.toBe('1.001193');
    const filtered = (await officer.get(`/api/v1/reports/fees?${december}&procedure=1.001193`)).json();
    const { key: _key, label: _label, ...figures } = byCode['1.001193'];
    expect(filtered.total).toEqual(figures);
  });

  it('exports accounting’s workbook with the same numbers and one line per entry counted', async () => {
    const res = await officer.get(`/api/v1/reports/fees.xlsx?${december}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const totals = workbook.getWorksheet('Tổng hợp')!;
    const rowOf = (sheet: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === label || row.getCell(1).value === label) found = row;
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    const values = (row: ExcelJS.Row) => Array.from({ length: 15 }, (_, i) => row.getCell(i + 4).value);
    // due count and amount, collected total/cash/transfer/card/online, refunded, waived total/at reception,
    // outstanding, pending count/amount, online share by count/amount.
    const expected = [4, 210_000, 130_000, 50_000, 20_000, 10_000, 50_000, 5_000, 60_000, 50_000, 30_000, 1, 30_000, 0.2, 0.3846];
    expect(values(rowOf(totals, 'Ủy ban nhân dân xã Giao Thủy'))).toEqual(expected);
    const total = rowOf(totals, 'Tổng cộng');
    expect(values(total)).toEqual(expected);
    expect(total.getCell(5).numFmt).toBe('#,##0');
    expect(total.getCell(17).numFmt).toBe('0.0%');
    expect(totals.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });

    const entries = workbook.getWorksheet('Bút toán')!;
    expect(entries.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    const lines: unknown[][] = [];
    entries.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') lines.push([2, 3, 6, 7, 8, 9, 10, 11].map((c) => row.getCell(c).value));
    });
    // Seven entries count: D1's cash, transfer, card and refund, D2's online payment, D3's waiver, D4's cash.
    expect(lines).toHaveLength(7);
    // Columns: date, dossier code, kind, method, amount, receipt symbol and number, online reference.
    expect(lines[0]).toEqual(['09:10 02/12/2026', expect.stringMatching(/^000\.41\.00\.H40-261202-\d{4}$/), 'Thu phí, lệ phí', 'Tiền mặt', 30_000, 'BL26E', 1, null]);
    const online = lines.find((l) => l[3] === 'Thanh toán trực tuyến')!;
    expect(online.slice(4)).toEqual([50_000, 'BL26E', expect.any(Number), 'MC-TEST-0001']);
    expect(lines.map((l) => l[2])).toContain('Miễn, giảm');
    expect(lines.map((l) => l[4])).not.toContain(99_000);
    expect(rowOf(entries, 'Cộng: 7 bút toán')).toBeDefined();
  });
});
