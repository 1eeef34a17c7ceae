/**
 * A report on a period that is not over is a report as of now (docs/rules/statistics.md, "The end
 * instant"). Seen: on 06/12/2026 at 14:05, twenty dossiers in progress whose appointments were
 * 08–11/12 were all counted overdue by the current quarter's and the year's reports, and by none
 * with the period ending that day. Every period that contains now must say 0 and carry `asOf`;
 * the drill-down, the files and the reference definition agree; a finished period is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  formatInstant, parseInstant, reportingPeriod, statisticsKeys, statisticsOf, type DateRange, type DossierFacts, type PlainDate,
} from '@motcua/domain';
import { importDossiers } from '../../src/modules/imports/import.usecases.ts';
import { installationScope, statisticsReport } from '../../src/modules/reports/reports.usecases.ts';
import { pdfText } from '../support/pdf-tools.ts';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const DAY = 86_400_000;
const now = parseInstant('2026-12-06T14:05:00+07:00');
const agency = '000.31.12.H40';

async function* linesOf(lines: string[]) {
  yield* lines;
}

let serial = 0;
function line(receivedAt: string, dueAt: string, events: Array<{ type: string; at: string }> = []) {
  serial++;
  return JSON.stringify({
    code: `${agency}-${receivedAt.slice(2, 10).replaceAll('-', '')}-${String(70000 + serial)}`,
    procedure: '1.000894', agency, channel: serial % 2 ? 'counter' : 'online', applicant: { kind: 'citizen', name: 'Người thử' },
    receivedAt, dueAt, digitized: true, events,
  });
}

/** The twenty dossiers of the report that was seen wrong: received in November or early December, appointments 08–11/12. */
const seen = Array.from({ length: 20 }, (_, i) => {
  const received = parseInstant('2026-11-16T08:30:00+07:00') + i * DAY;
  const due = parseInstant('2026-12-08T08:00:00+07:00') + (i % 4) * DAY + (i % 3) * 3_600_000;
  return line(formatInstant(received), formatInstant(due));
});
/** Beside them: two overdue since 20/11, one resolved after now (not yet), one received after now (not yet). */
const others = [
  line('2026-11-02T09:00:00+07:00', '2026-11-20T17:00:00+07:00'),
  line('2026-11-03T09:00:00+07:00', '2026-11-20T17:00:00+07:00'),
  line('2026-11-25T09:00:00+07:00', '2026-12-09T17:00:00+07:00', [{ type: 'resolved', at: '2026-12-06T15:00:00+07:00' }]),
  line('2026-12-06T16:00:00+07:00', '2026-12-15T17:00:00+07:00'),
];

describe.each(databaseKinds)('a report as of now on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720' } });
    const summary = await importDossiers(t.database, linesOf([...seen, ...others]));
    expect(summary.rejected).toBe(0);
  });
  afterAll(async () => t?.close());

  const report = async (period: DateRange, madeAt = now) =>
    statisticsReport(t.database.db, await installationScope(t.database.db), { ...period, agencyCode: agency }, madeAt);

  const quarter = reportingPeriod('quarter', 2026, 4);
  const officialQuarter = reportingPeriod('quarter', 2026, 4, { official: true });
  const year = reportingPeriod('year', 2026);
  const officialYear = reportingPeriod('year', 2026, undefined, { official: true });
  const toToday: DateRange = { from: '2026-12-01', to: '2026-12-06' };
  const december: DateRange = { from: '2026-12-01', to: '2026-12-31' };
  const november: DateRange = { from: '2026-11-01', to: '2026-11-30' };

  it('counts nobody overdue whose appointment is still ahead, in every period that contains now, and says as of when', async () => {
    for (const period of [quarter, officialQuarter, year, officialYear, toToday, december]) {
      const r = await report(period);
      const name = `${period.from}..${period.to}`;
      // The twenty, the one resolved after now (not yet), the two overdue since 20/11; not the one received after now.
      expect(r.total.inProgressOverdue, name).toBe(2);
      expect(r.total.inProgress, name).toBe(23);
      expect(r.period.asOf, name).toBe('2026-12-06T14:05:00+07:00');
      expect(r.total.resolved, name).toBe(0);
      expect(r.total.received, name).toBe(r.total.resolved + r.total.withdrawn + r.total.inProgress);
    }
  });

  it('leaves a finished period unchanged: no asOf, the appointments before its end are overdue', async () => {
    const r = await report(november);
    expect(r.period.asOf).toBeUndefined();
    expect(r.total).toMatchObject({ received: 18, inProgress: 18, inProgressOverdue: 2 });
    // The same month, the same figures whenever the report is made afterwards.
    expect((await report(november, now + 400 * DAY)).total).toEqual(r.total);
  });

  it('equals the reference definition at any instant, and a period once over counts the appointments passed', async () => {
    const rows = await t.database.db.selectFrom('dossiers').select(['received_at', 'channel', 'clock_due_at', 'overdue_from', 'result_at', 'withdrawn_at', 'digitized']).execute();
    const facts: DossierFacts[] = rows.map((r) => ({
      receivedAt: r.received_at!.getTime(), channel: r.channel, dueAt: r.clock_due_at!.getTime(), overdueFrom: r.overdue_from?.getTime() ?? null,
      resultAt: r.result_at?.getTime() ?? null, withdrawnAt: r.withdrawn_at?.getTime() ?? null, digitized: r.digitized,
    }));
    const instants = [
      now, parseInstant('2026-12-06T00:00:00+07:00'), parseInstant('2026-12-08T08:00:00+07:00'), parseInstant('2026-12-08T08:00:00+07:00') + 1,
      parseInstant('2026-12-06T15:00:00+07:00'), parseInstant('2026-12-09T12:30:00+07:00'), parseInstant('2026-11-20T17:00:01+07:00'),
      parseInstant('2026-10-15T10:00:00+07:00'),
    ];
    for (const madeAt of instants) {
      for (const period of [quarter, year, toToday, december, november, { from: '2026-12-08' as PlainDate, to: '2026-12-08' as PlainDate }]) {
        const expected = statisticsOf(facts, period, madeAt);
        const actual = (await report(period, madeAt)).total;
        for (const key of statisticsKeys) expect(actual[key], `${key} for ${period.from}..${period.to} at ${formatInstant(madeAt)}`).toBe(expected[key]);
      }
    }
    // The quarter once over: every appointment has passed.
    expect((await report(quarter, parseInstant('2027-01-01T00:00:00+07:00'))).total).toMatchObject({ received: 24, inProgressOverdue: 23, resolved: 1 });
  });

  it('gives the same figures through the API, with the dossiers behind them, and prints "Số liệu tính đến" in XLSX and PDF', async () => {
    const manager = await t.signIn('quanly.tinh');
    const q = `from=${quarter.from}&to=${quarter.to}&agency=${agency}`;
    const res = await manager.get(`/api/v1/reports/statistics?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.period).toEqual({ from: quarter.from, to: quarter.to, asOf: '2026-12-06T14:05:00+07:00' });
    expect(body.total).toEqual((await report(quarter)).total);
    const finished = (await manager.get(`/api/v1/reports/statistics?from=${november.from}&to=${november.to}&agency=${agency}`)).json();
    expect(finished.period).toEqual({ from: november.from, to: november.to });
    for (const key of ['received', 'inProgress', 'inProgressOverdue', 'inProgressOnTime', 'resolved'] as const) {
      const behind = (await manager.get(`/api/v1/reports/dossiers?${q}&key=${key}&limit=500`)).json();
      expect(behind.total, key).toBe(body.total[key]);
      expect(behind.items.length, key).toBe(body.total[key]);
    }
    const overdue = (await manager.get(`/api/v1/reports/dossiers?${q}&key=inProgressOverdue&limit=500`)).json();
    expect(overdue.items.map((d: { dueAt: string }) => d.dueAt)).toEqual(['2026-11-20T17:00:00+07:00', '2026-11-20T17:00:00+07:00']);
    // The month by month trend counts nothing after now either.
    const trend = (await manager.get(`/api/v1/reports/trend?${q}`)).json();
    expect(trend.items.map((m: { month: string; receivedInPeriod: number; resolvedOnTime: number; resolvedAhead: number }) =>
      [m.month, m.receivedInPeriod, m.resolvedAhead + m.resolvedOnTime])).toEqual([['2026-11', 18, 0], ['2026-12', 5, 0]]);

    const xlsx = await manager.get(`/api/v1/reports/statistics.xlsx?${q}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts).toContain('Số liệu tính đến 14:05 ngày 06/12/2026');

    const pdf = await manager.get(`/api/v1/reports/statistics.pdf?${q}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain('Số liệu tính đến 14:05 ngày 06/12/2026');
    const done = await manager.get(`/api/v1/reports/statistics.pdf?from=${november.from}&to=${november.to}&agency=${agency}`);
    expect(pdfText(done.rawPayload)).not.toContain('Số liệu tính đến');
  });
});
