/**
 * The demo's administrative-reform plan (docs/rules/reform-plans.md), made through the real use
 * cases: the yearly plan of Ủy ban nhân dân xã Giao Thủy — the commune that took over the seed
 * district of Giao Thủy when the district level ended on 1 July 2025 — with thirteen tasks in the
 * six areas, led by the commune's units, in every state. Every date is counted from the demo clock
 * (`deps.clock`), so the states hold whenever the demo starts: on the day it is made, 3 tasks are
 * done on time (one on its deadline day), 2 done late, 3 overdue (one since yesterday), 3 in
 * progress (one due today) and 2 not started. The plan's year is the year of the date 90 days ago,
 * so that every deadline falls in the plan's year or the next.
 */
import { Readable } from 'node:stream';
import { addDays, localDateOf, type Actor, type PlainDate, type ReformArea } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { storeUpload } from '../modules/files/files.usecases.ts';
import { addTask, createPlan, recordCompletion, reportProgress, type UnitRefInput } from '../modules/reform-plans/reform-plans.usecases.ts';
import { demoPdf, staffActor } from './data-store.ts';

const commune = '000.41.00.H40';

type Unit = 'VPTK' | 'TPHT' | 'DCXD';

interface DemoTask {
  area: ReformArea;
  title: string;
  expectedResult: string;
  /** Days from today. */
  deadline: number;
  lead: Unit;
  coordinators?: Unit[];
  /** Progress reports: days from today and the share. */
  progress?: Array<[number, number, string?]>;
  /** Completion: days from today and the result. */
  completed?: [number, string];
  /** An evidence file for the last report: its name and the lines printed on it. */
  evidence?: [string, string[]];
}

/** The tasks, in the order of the six areas; the comment says the state on the day the demo is made. */
export const demoReformTasks: DemoTask[] = [
  { // done on time
    area: 'institutions', title: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do Hội đồng nhân dân, Ủy ban nhân dân xã ban hành',
    expectedResult: 'Báo cáo kết quả rà soát; danh mục văn bản hết hiệu lực được công bố', deadline: -60, lead: 'TPHT', coordinators: ['VPTK'],
    progress: [[-80, 50, 'Đã rà soát 24/41 văn bản']], completed: [-65, 'Đã rà soát 41 văn bản; công bố 6 văn bản hết hiệu lực toàn bộ'],
    evidence: ['bao-cao-ra-soat-vbqppl.pdf', ['ỦY BAN NHÂN DÂN XÃ GIAO THỦY', 'BÁO CÁO', 'Kết quả rà soát, hệ thống hóa văn bản quy phạm pháp luật', '(bản minh họa)']],
  },
  { // in progress
    area: 'institutions', title: 'Theo dõi tình hình thi hành pháp luật về xử lý vi phạm hành chính trên địa bàn xã',
    expectedResult: 'Báo cáo tình hình thi hành pháp luật gửi Sở Tư pháp', deadline: 45, lead: 'TPHT',
    progress: [[-10, 20, 'Đã xây dựng kế hoạch kiểm tra']],
  },
  { // done on time, on the deadline day
    area: 'procedures', title: 'Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa và trên Trang thông tin điện tử của xã',
    expectedResult: '100% thủ tục hành chính thuộc thẩm quyền được công khai đúng quy định', deadline: -20, lead: 'VPTK',
    progress: [[-40, 60]], completed: [-20, 'Đã công khai 112/112 thủ tục hành chính tại Bộ phận Một cửa và trên Trang thông tin điện tử'],
    evidence: ['anh-bang-cong-khai-tthc.png', []],
  },
  { // in progress, due today
    area: 'procedures', title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính khi tiếp nhận',
    expectedResult: 'Tỷ lệ hồ sơ được số hóa khi tiếp nhận đạt trên 90%', deadline: 0, lead: 'VPTK', coordinators: ['TPHT', 'DCXD'],
    progress: [[-50, 30], [-20, 55], [-3, 70, 'Tỷ lệ số hóa tháng trước đạt 86%']],
    evidence: ['so-lieu-so-hoa.pdf', ['BỘ PHẬN MỘT CỬA XÃ GIAO THỦY', 'Số liệu số hóa hồ sơ', '(bản minh họa)']],
  },
  { // overdue, with progress
    area: 'procedures', title: 'Rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực đất đai',
    expectedResult: 'Báo cáo đề xuất phương án đơn giản hóa gửi Ủy ban nhân dân tỉnh', deadline: -15, lead: 'DCXD',
    progress: [[-30, 60, 'Đã rà soát 9/15 thủ tục']],
  },
  { // done late
    area: 'apparatus', title: 'Rà soát chức năng, nhiệm vụ, vị trí việc làm của công chức sau sắp xếp đơn vị hành chính',
    expectedResult: 'Đề án vị trí việc làm được cấp có thẩm quyền phê duyệt', deadline: -45, lead: 'VPTK',
    progress: [[-60, 40]], completed: [-30, 'Đề án vị trí việc làm đã trình và được phê duyệt'],
  },
  { // done late
    area: 'civil_service', title: 'Tổ chức bồi dưỡng kỹ năng giao tiếp, ứng xử cho công chức Bộ phận Một cửa',
    expectedResult: '100% công chức Bộ phận Một cửa được bồi dưỡng', deadline: -90, lead: 'VPTK', coordinators: ['TPHT'],
    completed: [-70, 'Đã tổ chức 01 lớp bồi dưỡng cho 12 công chức'],
  },
  { // not started
    area: 'civil_service', title: 'Đánh giá, xếp loại chất lượng cán bộ, công chức cuối năm',
    expectedResult: 'Quyết định đánh giá, xếp loại cán bộ, công chức', deadline: 25, lead: 'VPTK',
  },
  { // overdue since yesterday
    area: 'public_finance', title: 'Công khai dự toán, tình hình thực hiện dự toán ngân sách xã theo quy định',
    expectedResult: 'Báo cáo công khai ngân sách niêm yết tại trụ sở và đăng trên Trang thông tin điện tử', deadline: -1, lead: 'VPTK',
    progress: [[-7, 80]],
  },
  { // not started
    area: 'public_finance', title: 'Thu phí, lệ phí không dùng tiền mặt tại Bộ phận Một cửa',
    expectedResult: 'Trên 50% khoản thu phí, lệ phí được thanh toán không dùng tiền mặt', deadline: 60, lead: 'VPTK', coordinators: ['TPHT'],
  },
  { // in progress
    area: 'digital_government', title: 'Triển khai thanh toán trực tuyến phí, lệ phí trên Cổng dịch vụ công',
    expectedResult: 'Tất cả thủ tục có phí, lệ phí cho phép thanh toán trực tuyến', deadline: 20, lead: 'VPTK', coordinators: ['TPHT'],
    progress: [[-12, 40, 'Đã kết nối 18/45 thủ tục']],
  },
  { // overdue, not started
    area: 'digital_government', title: 'Cập nhật, làm sạch dữ liệu hộ tịch điện tử',
    expectedResult: 'Dữ liệu hộ tịch được đồng bộ với Cơ sở dữ liệu quốc gia về dân cư', deadline: -5, lead: 'TPHT', coordinators: ['VPTK'],
  },
  { // done on time, before its deadline
    area: 'digital_government', title: 'Cập nhật cơ sở dữ liệu đất đai của xã',
    expectedResult: 'Cơ sở dữ liệu đất đai được cập nhật biến động đến hết quý', deadline: 10, lead: 'DCXD',
    progress: [[-25, 50]], completed: [-2, 'Đã cập nhật 356 biến động đất đai vào cơ sở dữ liệu'],
  },
];

/** A tiny PNG (a 1×1 white pixel) for a photo of a notice board. */
const pixelPng = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex');

export async function seedDemoReformPlan(deps: Deps): Promise<{ planId: string; tasks: number }> {
  const manager = await staffActor(deps, 'lanhdao.giaothuy');
  const officer = await staffActor(deps, 'canbo.giaothuy');
  const now = deps.clock();
  const today = localDateOf(now.getTime());
  const year = Number(addDays(today, -90).slice(0, 4));
  const day = (offset: number): PlainDate => addDays(today, offset);
  const context = (actor: Actor) => ({ actor, actorName: actor.kind === 'staff' ? actor.username : 'demo data', at: now });
  const agency = await deps.db.selectFrom('agencies').select('id').where('code', '=', commune).executeTakeFirstOrThrow();
  const units = new Map((await deps.db.selectFrom('units').select(['id', 'code']).where('agency_id', '=', agency.id).execute()).map((u) => [u.code, u.id]));
  const unit = (code: Unit): UnitRefInput => ({ kind: 'unit', id: units.get(code)! });

  const issued = `${year}-01-08` as PlainDate;
  const planId = await createPlan(context(manager), {
    agencyId: agency.id, year, title: `Kế hoạch cải cách hành chính năm ${year} của Ủy ban nhân dân xã Giao Thủy`,
    ...(issued <= today ? { documentNumber: '05/KH-UBND', documentDate: issued } : {}),
  }, deps);

  for (const t of demoReformTasks) {
    const id = await addTask(context(manager), planId, {
      area: t.area, title: t.title, expectedResult: t.expectedResult, deadline: day(t.deadline), lead: unit(t.lead), coordinators: (t.coordinators ?? []).map(unit),
    }, deps);
    // The officer works in Văn phòng - Thống kê and reports its tasks; the others' are reported by the manager.
    const reporter = t.lead === 'VPTK' ? officer : manager;
    const evidence = async () => {
      if (!t.evidence) return [];
      const [name, lines] = t.evidence;
      const bytes = name.endsWith('.png') ? pixelPng : await demoPdf(lines);
      const stored = await storeUpload(deps.db, deps.storage, reporter, { filename: name, stream: Readable.from([bytes]) }, { maxBytes: deps.config.maxUploadBytes, purpose: 'attachment', now });
      return [stored.id];
    };
    const reports = t.progress ?? [];
    for (const [i, [offset, percent, note]] of reports.entries()) {
      const last = i === reports.length - 1 && !t.completed;
      await reportProgress(context(reporter), id, { percent, reportedOn: day(offset), ...(note ? { note } : {}), fileIds: last ? await evidence() : [] }, deps);
    }
    if (t.completed) await recordCompletion(context(reporter), id, { completedOn: day(t.completed[0]), result: t.completed[1], fileIds: await evidence() }, deps);
  }
  return { planId, tasks: demoReformTasks.length };
}
