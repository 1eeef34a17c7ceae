/**
 * The report from the database aggregates equals the domain's reference definition (docs/rules/statistics.md) for
 * random histories and random periods, for imported history and for live dossiers changed by
 * actions; plus the cases the issue names: carried over, withdrawn, overdue in progress, pauses,
 * apologies (which do not change classification), filters, and the API's access rules.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays, formatInstant, localDateOf, statisticsOf, statisticsKeys, type DateRange, type DossierFacts, type PlainDate,
} from '@motcua/domain';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';
import { installationScope, statisticsReport } from '../../src/modules/reports/reports.usecases.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';
import { pdfText } from '../support/pdf-tools.ts';

const DAY = 86_400_000;
const base = Date.parse('2024-01-01T00:00:00+07:00');
const agencies = ['000.41.00.H40', '000.31.12.H40', '000.00.12.H40'];

async function* linesOf(lines: string[]) {
  yield* lines;
}

/** Facts as the database holds them, read back for the oracle. */
async function factsOf(t: TestApp, agencyCodes: string[]): Promise<DossierFacts[]> {
  const rows = await t.database.db
    .selectFrom('dossiers as d').innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select(['d.received_at', 'd.channel', 'd.clock_due_at', 'd.overdue_from', 'd.result_at', 'd.withdrawn_at', 'd.digitized'])
    .where('a.code', 'in', agencyCodes).where('d.received_at', 'is not', null).execute();
  return rows.map((r) => ({
    receivedAt: r.received_at!.getTime(), channel: r.channel, dueAt: r.clock_due_at!.getTime(), overdueFrom: r.overdue_from?.getTime() ?? null,
    resultAt: r.result_at?.getTime() ?? null, withdrawnAt: r.withdrawn_at?.getTime() ?? null, digitized: r.digitized,
  }));
}

describe.each(databaseKinds)('statistics on %s', (kind) => {
  let t: TestApp;
  let now = Date.parse('2025-06-02T09:00:00+07:00');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
  });
  afterAll(async () => t?.close());

  const report = async (period: DateRange, extra: Record<string, string> = {}) =>
    statisticsReport(t.database.db, await installationScope(t.database.db), { ...period, ...extra } as never, now);

  it('equals the reference definition for random imported histories and periods', async () => {
    const event = (type: string, at: number) => ({ type, at: formatInstant(at) });
    const dossier = fc.record({
      agency: fc.constantFrom(...agencies),
      received: fc.integer({ min: 0, max: 500 * DAY }),
      due: fc.integer({ min: 0, max: 40 * DAY }),
      result: fc.option(fc.integer({ min: 0, max: 80 * DAY }), { nil: null }),
      withdrawn: fc.option(fc.integer({ min: 0, max: 80 * DAY }), { nil: null }),
      returnedOnly: fc.boolean(),
      channel: fc.constantFrom('counter', 'online', 'postal'),
      digitized: fc.boolean(),
      utc: fc.boolean(),
    });
    const histories = fc.sample(fc.array(dossier, { minLength: 50, maxLength: 120 }), { numRuns: 3, seed: 42 });
    const periods = fc.sample(fc.record({ from: fc.integer({ min: 0, max: 520 }), length: fc.integer({ min: 0, max: 200 }) }), { numRuns: 8, seed: 7 })
      .map(({ from, length }) => {
        const f = localDateOf(base + from * DAY);
        return { from: f, to: addDays(f, length) } as DateRange;
      });
    let offset = 0;
    for (const history of histories) {
      const lines = history.map((h, i) => {
        const receivedAt = base + h.received;
        const write = (ms: number) => (h.utc ? new Date(ms).toISOString() : formatInstant(ms));
        const events = [
          ...(h.result === null ? [] : [h.returnedOnly ? event('returned', receivedAt + h.result) : event('resolved', receivedAt + h.result)]),
          ...(h.withdrawn === null ? [] : [event('withdrawn', receivedAt + h.withdrawn)]),
        ];
        return JSON.stringify({
          code: `${h.agency}-${localDateOf(receivedAt).slice(2).replaceAll('-', '')}-${String(90000 + offset + i)}`,
          procedure: '1.000894', agency: h.agency, channel: h.channel, applicant: { kind: 'citizen', name: 'Người thử' },
          receivedAt: write(receivedAt), dueAt: write(receivedAt + h.due), digitized: h.digitized, events,
        });
      });
      offset += history.length;
      const summary = await importDossiers(t.database, linesOf(lines));
      expect(summary.rejected).toBe(0);
      const facts = await factsOf(t, agencies);
      for (const period of periods) {
        const expected = statisticsOf(facts, period, now);
        const actual = (await report(period)).total;
        for (const key of [...statisticsKeys, 'digitizationRate', 'onlineRate', 'onTimeRate'] as const) {
          expect(actual[key], `${key} for ${period.from}..${period.to}`).toBe(expected[key]);
        }
      }
    }
  });

  it('follows live dossiers through their actions: carried over, withdrawn, resolved overdue, in progress overdue', async () => {
    const officer: Agent = await t.signIn('canbo.giaominh');
    const specialist: Agent = await t.signIn('chuyenvien.giaominh');
    const leader: Agent = await t.signIn('lanhdao.giaominh');
    const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
      const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    const intake = async () => (await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Đặng Văn Sáng' }, components: [{ index: 0, received: true }] })).json().id as number;
    const may: DateRange = { from: '2025-05-01', to: '2025-05-31' };
    const june: DateRange = { from: '2025-06-01', to: '2025-06-30' };
    now = Date.parse('2025-05-26T09:00:00+07:00');
    const carried = await intake(); // resolved in June, late
    const withdrawn = await intake();
    const lateOpen = await intake(); // still open at the end of June, overdue
    const paused = await intake();
    for (const id of [carried, withdrawn, lateOpen, paused]) await act(officer, id, 'transfer');
    now = Date.parse('2025-05-27T09:00:00+07:00');
    await act(specialist, paused, 'request_supplement', { reasons: ['Thiếu giấy tờ'] });
    now = Date.parse('2025-06-03T09:00:00+07:00');
    await act(officer, withdrawn, 'withdraw');
    await act(officer, paused, 'receive_supplement');
    await act(leader, carried, 'apologize', { note: 'Chậm do xác minh', newDueAt: '2025-06-20T17:00:00+07:00' });
    // The supplement stopped the clock for 5 working days: that dossier is now due on 9 June.
    now = Date.parse('2025-06-06T09:00:00+07:00');
    await act(specialist, paused, 'forward');
    await act(leader, paused, 'resolve');
    // The other one was due on 2 June (the apology's new date does not count).
    now = Date.parse('2025-06-10T09:00:00+07:00');
    await act(specialist, carried, 'forward');
    await act(leader, carried, 'resolve');
    const facts = await factsOf(t, ['000.42.00.H40']);
    for (const period of [may, june]) {
      const actual = (await report(period, { agencyCode: '000.42.00.H40' })).total;
      const expected = statisticsOf(facts, period, now);
      for (const key of statisticsKeys) expect(actual[key], `${key} in ${period.from}`).toBe(expected[key]);
    }
    // Once June is over (a report made on 10/06 counts up to then: docs/rules/statistics.md, "The end instant").
    now = Date.parse('2025-07-01T08:00:00+07:00');
    const juneTotal = (await report(june, { agencyCode: '000.42.00.H40' })).total;
    expect(juneTotal).toMatchObject({ carriedOver: 4, receivedInPeriod: 0, withdrawn: 1, resolved: 2, resolvedOverdue: 1, inProgress: 1, inProgressOverdue: 1 });
    // The supplement moved that dossier's appointment past the printed one.
    const pausedRow = await t.database.db.selectFrom('dossiers').select(['result_class', 'due_at', 'clock_due_at']).where('id', '=', paused).executeTakeFirstOrThrow();
    expect(pausedRow.result_class).toBe('ahead');
    expect(formatInstant(pausedRow.clock_due_at!.getTime())).toBe('2025-06-09T09:00:00+07:00');
    expect(pausedRow.clock_due_at!.getTime()).toBeGreaterThan(pausedRow.due_at!.getTime());
  });

  it('filters by level, field, procedure and channel, and counts an inter-agency dossier once at the receiving agency', async () => {
    const period: DateRange = { from: '2024-01-01', to: '2026-12-31' };
    const all = await report(period);
    const byLevel = await report(period, { level: 'commune' });
    expect(byLevel.rows.every((r) => r.level === 'commune')).toBe(true);
    const online = await report(period, { channel: 'online' });
    expect(online.total.receivedInPeriod).toBe(online.total.online);
    expect(online.total.counter).toBe(0);
    const byProcedure = await report(period, { procedureCode: '9.999999' });
    expect(byProcedure.total.received).toBe(0);
    const byField = await report(period, { field: 'Hộ tịch' });
    expect(byField.total.received).toBe(all.total.received);
    expect(all.total.received).toBe(all.rows.reduce((n, r) => n + r.received, 0));
  });

  it('serves the report to managers of the subtree only, with the same numbers as the command line', async () => {
    const period: DateRange = { from: '2025-06-01', to: '2025-06-30' };
    const manager = await t.signIn('quanly.tinh');
    const res = await manager.get(`/api/v1/reports/statistics?from=${period.from}&to=${period.to}`);
    expect(res.statusCode, res.body).toBe(200);
    const viaCli = await report(period);
    expect(res.json().total).toEqual(viaCli.total);
    const communeLeader = await t.signIn('lanhdao.giaothuy');
    const scoped = (await communeLeader.get(`/api/v1/reports/statistics?from=${period.from}&to=${period.to}`)).json();
    expect(scoped.rows.map((r: { agency: string }) => r.agency)).not.toContain('000.42.00.H40');
    expect((await communeLeader.get(`/api/v1/reports/statistics?from=${period.from}&to=${period.to}&agency=000.42.00.H40`)).statusCode).toBe(404);
    const officer = await t.signIn('canbo.giaothuy');
    expect((await officer.get(`/api/v1/reports/statistics?from=${period.from}&to=${period.to}`)).statusCode).toBe(403);
    // Behind a row: the agency's own dossiers, as the row counts them; behind the subtree: all of them.
    const wide: DateRange = { from: '2024-01-01', to: '2026-12-31' };
    const district = (await report(wide, { agencyCode: '000.00.12.H40' })).rows;
    const own = district.find((r) => r.agency === '000.00.12.H40')!;
    const behind = (key: string, only: boolean) => manager.get(`/api/v1/reports/dossiers?from=${wide.from}&to=${wide.to}&agency=000.00.12.H40&key=${key}&agencyOnly=${only}&limit=1`);
    for (const key of ['received', 'resolved', 'inProgressOverdue'] as const) {
      expect((await behind(key, true)).json().total, key).toBe(own[key]);
      expect((await behind(key, false)).json().total, key).toBe(district.reduce((n, r) => n + r[key], 0));
    }
    expect(district.length).toBeGreaterThan(1);
    expect((await manager.get(`/api/v1/reports/statistics?from=2025-07-01&to=2025-06-01`)).statusCode).toBe(400);
    void ([] as PlainDate[]);
  });

  it('reports the dossiers that reused stored data per agency and in total, in JSON, XLSX and PDF, and counts a reused component as digitized', async () => {
    now = Date.parse('2027-03-02T08:00:00+07:00');
    const commune = '000.41.00.H40';
    const an = '036090001234';
    const officer = await t.signIn('canbo.giaothuy');
    let serial = 0;
    const scan = async () => {
      serial++;
      const file = multipartFile(`giay-to-${serial}.pdf`, Buffer.concat([samplePdf, Buffer.from(`%reuse-${serial}\n`)]), 'application/pdf');
      const res = await officer.request('POST', '/api/v1/files', file.payload, file.headers);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    type Component = { index: number; received: true; fileIds?: string[]; storedDocumentIds?: string[] };
    const marriage = async (components: Component[]) => {
      const res = await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: an }, components });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number; digitized: boolean };
    };
    // Scanned at the counter: digitized, and the ID card goes into the applicant's store.
    const first = await marriage([{ index: 0, received: true, fileIds: [await scan()] }, { index: 2, received: true, fileIds: [await scan()] }]);
    expect(first.digitized).toBe(true);
    const lookup = await officer.get(`/api/v1/applicant-documents?personalId=${an}&documentType=cccd`);
    const cccd = (lookup.json().items as Array<{ id: string }>)[0]!.id;
    // The ID card taken from the store, the declaration scanned: digitized because the reused card counts as digitized.
    const reusing = await marriage([{ index: 0, received: true, fileIds: [await scan()] }, { index: 2, received: true, storedDocumentIds: [cccd] }]);
    expect(reusing.digitized).toBe(true);
    // The ID card from the store, but the marital status paper received on paper, not scanned: reused, not digitized.
    const paper = await marriage([
      { index: 0, received: true, fileIds: [await scan()] }, { index: 1, received: true }, { index: 2, received: true, storedDocumentIds: [cccd] },
    ]);
    expect(paper.digitized).toBe(false);
    await marriage([{ index: 0, received: true, fileIds: [await scan()] }]);

    now = Date.parse('2027-04-01T08:00:00+07:00');
    const manager = await t.signIn('quanly.tinh');
    const q = `from=2027-03-01&to=2027-03-31&agency=${commune}`;
    const json = (await manager.get(`/api/v1/reports/statistics?${q}`)).json();
    const figures = { receivedInPeriod: 4, digitized: 3, digitizationRate: 0.75, reused: 2, reuseRate: 0.5 };
    expect(json.rows.find((r: { agency: string }) => r.agency === commune)).toMatchObject(figures);
    expect(json.total).toMatchObject(figures);

    // The workbook's sheet of figures beside the table: refused, reused, reuse rate after the agency's code.
    const xlsx = await manager.get(`/api/v1/reports/statistics.xlsx?${q}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Ngoài bảng')!;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === label || row.getCell(3).value === label) found = row;
      });
      if (!found) throw new Error(`no row ${label}`);
      return [4, 5, 6].map((c) => found!.getCell(c).value);
    };
    const headings: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => headings.push(String(cell.value))));
    expect(headings).toContain('Tái sử dụng dữ liệu đã số hóa');
    expect(rowOf(commune)).toEqual([0, 2, 0.5]);
    expect(rowOf('Tổng cộng')).toEqual([0, 2, 0.5]);
    expect(sheet.getCell(sheet.getColumn(6).values.findIndex((v) => v === 0.5), 6).numFmt).toBe('0.0%');

    // The PDF prints them the same, as 50,0%, on the page of figures beside the table.
    const pdf = await manager.get(`/api/v1/reports/statistics.pdf?${q}`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    const after = (anchor: string) => {
      const lines = text.split('\n').filter((l) => new RegExp(`${anchor.replaceAll('.', '\\.')}\\s+\\d`).test(l));
      return lines.at(-1)!.slice(lines.at(-1)!.indexOf(anchor) + anchor.length).trim().split(/\s+/);
    };
    expect(after(commune).slice(0, 3)).toEqual(['0', '2', '50,0%']);
    expect(after('Tổng cộng').slice(0, 3)).toEqual(['0', '2', '50,0%']);
    // The official table beside it: 3 of 4 digitized, 75,0%.
    expect(text).toMatch(/75,0%/);
    // Headed by the commune's People's Committee alone (Decree 30/2020), signed by its chair.
    expect(text).toMatch(/^\s+ỦY BAN NHÂN DÂN\s+CỘNG HÒA/m);
    expect(text).toMatch(/^\s+XÃ GIAO THỦY\s+Độc lập/m);
    expect(text).toMatch(/TM\. ỦY BAN NHÂN DÂN/);
    // As the form it fills in: its reference, the number left for the clerk before the report's symbol, the signatures.
    expect(text).toContain('Biểu số 06a/VPCP/KSTT');
    expect(text).toMatch(/Số:\s*\.{10,}\/BC-UBND/);
    expect(text).toMatch(/NGƯỜI LẬP BIỂU\s+TM\. ỦY BAN NHÂN DÂN/);
    expect(text).toMatch(/\(Ký, ghi rõ họ tên\)\s+CHỦ TỊCH\s+\(Ký tên, đóng dấu\)/);

    // The workbook's form: the same heading and signatures in cells, printed on A4 landscape one page wide.
    const form = workbook.getWorksheet('Báo cáo')!;
    const cells: string[] = [];
    form.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const line of [
      'Biểu số 06a/VPCP/KSTT', 'ỦY BAN NHÂN DÂN', 'XÃ GIAO THỦY', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'Số: ……………/BC-UBND', 'NGƯỜI LẬP BIỂU', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '(Ký tên, đóng dấu)',
    ]) expect(cells).toContain(line);
    expect(cells.some((c) => /^Giao Thủy, ngày \d+ tháng \d+ năm \d{4}$/.test(c))).toBe(true);
    expect(form.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(form.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  });
});
