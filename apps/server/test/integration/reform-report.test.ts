/**
 * The report of administrative-reform plans (docs/rules/reform-plans.md, "The report"): tasks done
 * on time and late, overdue and pending on a date, per lead unit, per plan and in total, checked
 * against numbers worked out by hand; the same numbers in the XLSX workbook and the PDF; and the
 * demo's plan, whose states hold on whatever day the demo is made.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoReformPlan } from '../../src/demo/reform-plans.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { flat, pdfText } from '../support/pdf-tools.ts';

const communeA = '000.41.00.H40';
const communeB = '000.42.00.H40';

interface TaskSpec {
  plan: 'P1' | 'P2' | 'P3';
  title: string;
  lead: 'VPTK' | 'TPHT' | 'DCXD' | 'commune';
  coordinators?: Array<'VPTK' | 'TPHT' | 'DCXD'>;
  deadline: string;
  progress?: Array<[string, number]>;
  completedOn?: string;
}

/**
 * The states on 30 June 2026 and on 15 October 2026 (today), worked out by hand:
 *   T1 on time, on time · T2 on time (on its deadline day), on time · T3 in progress, late ·
 *   T4 overdue, overdue · T5 in progress, overdue · T6 not started, not started · T7 on time, on time ·
 *   T8 not started (its progress is dated after 30 June), overdue · T9 late, late · T10 not started, not started.
 */
const tasks: TaskSpec[] = [
  { plan: 'P1', title: 'T1 Rà soát văn bản quy phạm pháp luật', lead: 'VPTK', deadline: '2026-03-31', completedOn: '2026-03-20' },
  { plan: 'P1', title: 'T2 Công khai thủ tục hành chính', lead: 'VPTK', deadline: '2026-06-30', completedOn: '2026-06-30' },
  { plan: 'P1', title: 'T3 Số hóa hồ sơ', lead: 'VPTK', deadline: '2026-06-30', progress: [['2026-06-01', 50]], completedOn: '2026-07-10' },
  { plan: 'P1', title: 'T4 Làm sạch dữ liệu hộ tịch', lead: 'TPHT', coordinators: ['VPTK'], deadline: '2026-05-31', progress: [['2026-05-01', 40]] },
  { plan: 'P1', title: 'T5 Cấp bản sao điện tử', lead: 'TPHT', deadline: '2026-09-30', progress: [['2026-06-15', 20]] },
  { plan: 'P1', title: 'T6 Cập nhật dữ liệu đất đai', lead: 'DCXD', deadline: '2026-12-31' },
  { plan: 'P1', title: 'T7 Đơn giản hóa thủ tục đất đai', lead: 'DCXD', deadline: '2026-06-29', completedOn: '2026-06-29' },
  { plan: 'P1', title: 'T8 Sơ kết cải cách hành chính', lead: 'commune', deadline: '2026-08-31', progress: [['2026-07-05', 10]] },
  { plan: 'P2', title: 'T9 Tuyên truyền cải cách hành chính', lead: 'VPTK', deadline: '2026-04-30', completedOn: '2026-05-05' },
  { plan: 'P2', title: 'T10 Khảo sát sự hài lòng', lead: 'TPHT', deadline: '2026-11-30', progress: [['2026-06-01', 0]] },
  { plan: 'P3', title: 'T11 Nhiệm vụ năm trước', lead: 'VPTK', deadline: '2025-12-31' },
];

const tally = (total: number, doneOnTime: number, doneLate: number, overdue: number, inProgress: number, notStarted: number, doneShare: number | null, onTimeShare: number | null) => ({
  total, done: doneOnTime + doneLate, doneOnTime, doneLate, overdue, pending: inProgress + notStarted, inProgress, notStarted, doneShare, onTimeShare,
});

describe.each(databaseKinds)('the reform plans report on %s', (kind) => {
  let t: TestApp;
  const now = new Date('2026-10-15T10:00:00+07:00');
  let manager: Agent;
  let officer: Agent;
  let province: Agent;
  const plans: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    manager = await t.signIn('lanhdao.giaothuy');
    officer = await t.signIn('canbo.giaothuy');
    province = await t.signIn('quanly.tinh');
    const aId = await t.agencyId(communeA);
    const units = Object.fromEntries((await t.database.db.selectFrom('units').select(['id', 'code']).where('agency_id', '=', aId).execute()).map((u) => [u.code, u.id]));
    const ref = (code: TaskSpec['lead']) => (code === 'commune' ? { kind: 'agency', id: aId } : { kind: 'unit', id: units[code] });
    for (const [key, year, title] of [['P1', 2026, 'Kế hoạch cải cách hành chính năm 2026'], ['P2', 2026, 'Kế hoạch tuyên truyền cải cách hành chính năm 2026'], ['P3', 2025, 'Kế hoạch năm 2025']] as const) {
      const res = await manager.post('/api/v1/reform-plans', { agencyId: aId, year, title, ...(key === 'P1' ? { documentNumber: '05/KH-UBND' } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      plans[key] = res.json().id;
    }
    for (const spec of tasks) {
      const res = await manager.post(`/api/v1/reform-plans/${plans[spec.plan]}/tasks`, {
        area: 'procedures', title: spec.title, expectedResult: 'Kết quả', deadline: spec.deadline, lead: ref(spec.lead), coordinators: (spec.coordinators ?? []).map(ref),
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      ids[spec.title.split(' ')[0]!] = id;
      for (const [reportedOn, percent] of spec.progress ?? []) expect((await manager.post(`/api/v1/reform-tasks/${id}/progress`, { percent, reportedOn })).statusCode).toBe(200);
      if (spec.completedOn) expect((await manager.post(`/api/v1/reform-tasks/${id}/completion`, { completedOn: spec.completedOn, result: 'Đã hoàn thành' })).statusCode).toBe(200);
    }
    // Another commune's plan: out of commune A's report, in the province's.
    const bId = await t.agencyId(communeB);
    const bPlan = await province.post('/api/v1/reform-plans', { agencyId: bId, year: 2026, title: 'Kế hoạch cải cách hành chính năm 2026 của xã Giao Minh' });
    const bUnit = await t.database.db.selectFrom('units').select('id').where('agency_id', '=', bId).executeTakeFirstOrThrow();
    expect((await province.post(`/api/v1/reform-plans/${bPlan.json().id}/tasks`, { area: 'civil_service', title: 'B1', expectedResult: 'R', deadline: '2026-06-01', lead: { kind: 'unit', id: bUnit.id } })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('counts the tasks on 30 June per lead unit, per plan and in total as worked out by hand', async () => {
    const report = (await manager.get('/api/v1/reform-plans/report?year=2026&on=2026-06-30')).json();
    expect(report).toMatchObject({ year: 2026, on: '2026-06-30', filters: { agency: null, plan: null } });
    expect(report.total).toEqual(tally(10, 3, 1, 1, 2, 3, 0.4, 0.75));
    const byUnit = Object.fromEntries(report.byUnit.map((r: { name: string }) => [r.name, r]));
    expect(Object.keys(byUnit).sort()).toEqual(['Địa chính - Xây dựng', 'Tư pháp - Hộ tịch', 'UBND xã Giao Thủy', 'Văn phòng - Thống kê'].sort());
    expect(byUnit['Văn phòng - Thống kê']).toMatchObject(tally(4, 2, 1, 0, 1, 0, 0.75, 0.6667));
    expect(byUnit['Tư pháp - Hộ tịch']).toMatchObject(tally(3, 0, 0, 1, 1, 1, 0, null));
    expect(byUnit['Địa chính - Xây dựng']).toMatchObject(tally(2, 1, 0, 0, 0, 1, 0.5, 1));
    expect(byUnit['UBND xã Giao Thủy']).toMatchObject(tally(1, 0, 0, 0, 0, 1, 0, null));
    expect(report.byPlan.map((r: { key: string }) => r.key)).toEqual([plans.P1, plans.P2]);
    expect(report.byPlan[0]).toMatchObject({ ...tally(8, 3, 0, 1, 2, 2, 0.375, 1), detail: '05/KH-UBND — Ủy ban nhân dân xã Giao Thủy' });
    expect(report.byPlan[1]).toMatchObject(tally(2, 0, 1, 0, 0, 1, 0.5, 0));
    const state = (key: string) => report.tasks.find((x: { id: string }) => x.id === ids[key]);
    expect([state('T2').state, state('T3').state, state('T4').state, state('T8').state]).toEqual(['done_on_time', 'in_progress', 'overdue', 'not_started']);
    expect(state('T4')).toMatchObject({ daysLate: 30, progress: 40 });
  });

  it('counts today by default, and 31 December for a year that is over', async () => {
    const today = (await manager.get('/api/v1/reform-plans/report?year=2026')).json();
    expect(today.on).toBe('2026-10-15');
    expect(today.total).toEqual(tally(10, 3, 2, 3, 0, 2, 0.5, 0.6)); // T3 done late; T5 and T8 overdue now
    const lastYear = (await manager.get('/api/v1/reform-plans/report?year=2025')).json();
    expect(lastYear.on).toBe('2025-12-31');
    expect(lastYear.total).toEqual(tally(1, 0, 0, 0, 0, 1, 0, null));
    const onlyP2 = (await manager.get(`/api/v1/reform-plans/report?planId=${plans.P2}&on=2026-06-30`)).json();
    expect(onlyP2.filters.plan).toMatchObject({ id: plans.P2 });
    expect(onlyP2.total).toEqual(tally(2, 0, 1, 0, 0, 1, 0.5, 0));
  });

  it('counts only what the caller sees: the officer’s unit, the commune, the province', async () => {
    // Văn phòng - Thống kê leads T1, T2, T3, T9 and coordinates T4; T8 is led by the commune as a whole, whose staff the officer is.
    const mine = (await officer.get('/api/v1/reform-plans/report?year=2026&on=2026-06-30')).json();
    expect(mine.total).toEqual(tally(6, 2, 1, 1, 1, 1, 0.5, 0.6667));
    const provinceReport = (await province.get('/api/v1/reform-plans/report?year=2026&on=2026-06-30')).json();
    expect(provinceReport.total.total).toBe(11);
    expect(provinceReport.total.overdue).toBe(2);
    const onlyB = (await province.get(`/api/v1/reform-plans/report?year=2026&on=2026-06-30&agencyId=${await t.agencyId(communeB)}`)).json();
    expect(onlyB.total).toEqual(tally(1, 0, 0, 1, 0, 0, 0, null));
    expect(onlyB.filters.agency.name).toBe('Ủy ban nhân dân xã Giao Minh');
    expect((await manager.get(`/api/v1/reform-plans/report?agencyId=${await t.agencyId(communeB)}`)).json().total.total).toBe(0);
    expect((await manager.get('/api/v1/reform-plans/report?planId=00000000-0000-4000-8000-000000000000')).json().code).toBe('reform.plan_not_found');
  });

  it('writes the same numbers into the XLSX workbook, overdue tasks in red', async () => {
    const res = await manager.get('/api/v1/reform-plans/report.xlsx?year=2026&on=2026-06-30');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('cai-cach-hanh-chinh-2026-den-2026-06-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Theo đơn vị', 'Theo kế hoạch', 'Danh sách nhiệm vụ']);
    const rowOf = (sheet: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => { if (!found && row.getCell(1).value === label) found = row; });
      return found!;
    };
    const units = workbook.getWorksheet('Theo đơn vị')!;
    expect(units.getCell('A1').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026');
    expect(units.getCell('A2').value).toBe('Số liệu tính đến ngày 30/06/2026');
    const total = rowOf(units, 'Tổng cộng');
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((c) => total.getCell(c).value)).toEqual([10, 4, 3, 1, 1, 5, 2, 3, 0.4, 0.75]);
    expect(total.getCell(12).numFmt).toBe('0.0%');
    const list = workbook.getWorksheet('Danh sách nhiệm vụ')!;
    const t4 = (() => { let r: ExcelJS.Row | undefined; list.eachRow((row) => { if (row.getCell(2).value === 'II.4. T4 Làm sạch dữ liệu hộ tịch') r = row; }); return r!; })();
    expect(t4.getCell(8).value).toBe('Quá hạn, chưa hoàn thành');
    expect(t4.getCell(9).value).toBe(30);
    expect(t4.getCell(2).font?.color?.argb).toBe('FFC00000');
    expect(rowOf(list, 'Cộng: 10 nhiệm vụ')).toBeDefined();
  });

  it('prints the report as a PDF headed by the commune, with its overdue tasks', async () => {
    const res = await manager.get(`/api/v1/reform-plans/report.pdf?planId=${plans.P1}&on=2026-06-30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = flat(pdfText(res.rawPayload));
    for (const expected of ['ỦY BAN NHÂN DÂN', 'XÃ GIAO THỦY', 'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026', 'Số liệu tính đến ngày 30/06/2026', 'T4 Làm sạch dữ liệu hộ tịch', 'TM. ỦY BAN NHÂN DÂN']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('T5 Cấp bản sao điện tử'); // in progress on 30 June: not in the list of overdue tasks
  });
});

describe.each(databaseKinds)('the demo’s reform plan on %s', (kind) => {
  let t: TestApp;
  // Early January: the plan is the year before's, its last deadlines in the new year.
  const now = new Date('2027-01-10T08:30:00+07:00');
  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    await seedDemoReformPlan(t.deps);
  });
  afterAll(async () => t?.close());

  it('makes xã Giao Thủy’s plan with thirteen tasks in every state on the day it is made', async () => {
    const manager = await t.signIn('lanhdao.giaothuy');
    const [plan] = (await manager.get('/api/v1/reform-plans')).json().items;
    expect(plan).toMatchObject({ year: 2026, documentNumber: '05/KH-UBND', documentDate: '2026-01-08', agencyName: 'Ủy ban nhân dân xã Giao Thủy' });
    expect(plan.tally).toEqual(tally(13, 3, 2, 3, 3, 2, 0.3846, 0.6));
    const detail = (await manager.get(`/api/v1/reform-plans/${plan.id}`)).json();
    expect(new Set(detail.tasks.map((x: { area: string }) => x.area)).size).toBe(6);
    expect(detail.tasks.filter((x: { overdue: boolean }) => x.overdue)).toHaveLength(3);
    const withEvidence = await Promise.all(detail.tasks.map(async (x: { id: string }) => (await manager.get(`/api/v1/reform-tasks/${x.id}`)).json()));
    expect(withEvidence.flatMap((x) => x.updates.flatMap((u: { evidence: unknown[] }) => u.evidence))).toHaveLength(3);
    // The officer works in Văn phòng - Thống kê: its tasks, led or coordinated, and no other.
    const officer = await t.signIn('canbo.giaothuy');
    const mine = (await officer.get(`/api/v1/reform-plans/${plan.id}`)).json().tasks as Array<{ part: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(13);
    expect(mine.every((x) => x.part === 'lead' || x.part === 'coordinating')).toBe(true);
  });
});
