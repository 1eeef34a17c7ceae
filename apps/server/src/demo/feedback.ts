/**
 * Feedback and petitions for the demo (docs/rules/service-quality.md): a few weeks of them at the
 * demo communes and the province, taken through the real use cases at past instants — published
 * answers with the senders' personal data removed, one answered late, one overdue, one waiting for
 * its sender, a complaint pointed to its own procedure, fresh ones — so that the portal's page,
 * the console's list and the report's figures show something on a first start.
 */
import { addDays, addWorkingTime, localDateOf, parseInstant, type Actor } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import type { AuditContext } from '../modules/audit/audit.repository.ts';
import { actOnFeedback, submitFeedback, takeInFeedback, type FeedbackActionInput } from '../modules/feedback/feedback.usecases.ts';
import { staffActor } from './data-store.ts';

const giaoThuy = '000.41.00.H40';
const giaoMinh = '000.42.00.H40';
const justice = '000.20.00.H40';
const HOUR = 3_600_000;

interface Plan {
  daysAgo: number;
  agency?: string;
  channel?: 'portal' | 'phone' | 'counter';
  category?: 'feedback' | 'petition' | 'complaint';
  title: string;
  content: string;
  sender?: { name: string; phone?: string; email?: string; address?: string };
  publish: boolean;
  /** Steps after the receipt, each some working hours after the one before. */
  steps: Array<{ after: number; by: 'officer' | 'specialist' | 'leader' | 'bOfficer' | 'bLeader' | 'justice'; input: FeedbackActionInput }>;
}

const plans: Plan[] = [
  {
    daysAgo: 40, agency: giaoThuy, title: 'Đường liên thôn xóm 2 bị sụt lún sau mưa',
    content: 'Tôi là Nguyễn Thị Hoa, nhà ở số 45 đường Lê Lợi. Đoạn đường liên thôn từ xóm 2 ra quốc lộ 37B bị sụt lún sau đợt mưa lớn, xe máy đi lại rất nguy hiểm, nhất là học sinh đi học buổi sáng. Đề nghị xã kiểm tra, sửa chữa. Số điện thoại của tôi: 0912 345 678.',
    sender: { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', email: 'hoa.nguyen@example.vn', address: 'Số 45 đường Lê Lợi, xã Giao Thủy' }, publish: true,
    steps: [
      { after: 1, by: 'officer', input: { action: 'assign' } },
      { after: 30, by: 'leader', input: { action: 'answer', answer: 'Ủy ban nhân dân xã đã kiểm tra hiện trường ngày 12. Đoạn đường bị sụt lún dài khoảng 40 m đã được cắm biển cảnh báo; kinh phí sửa chữa được bố trí từ nguồn duy tu giao thông nông thôn và thi công xong trong tháng này. Cảm ơn bà Nguyễn Thị Hoa đã phản ánh.' } },
      { after: 2, by: 'officer', input: { action: 'publish' } },
    ],
  },
  {
    daysAgo: 34, agency: justice, category: 'petition', title: 'Đề nghị không yêu cầu bản sao chứng thực khi đã có bản điện tử',
    content: 'Khi làm thủ tục đăng ký kết hôn, tôi vẫn được yêu cầu nộp bản sao chứng thực giấy tờ dù đã có bản điện tử trong kho dữ liệu. Đề nghị Sở hướng dẫn các xã chấp nhận bản điện tử đã được số hóa. Liên hệ: tran.binh@example.vn.',
    sender: { name: 'Trần Văn Bình', email: 'tran.binh@example.vn' }, publish: true,
    steps: [
      { after: 2, by: 'justice', input: { action: 'assign', note: 'Phòng Hành chính tư pháp tham mưu trả lời' } },
      { after: 52, by: 'justice', input: { action: 'answer', answer: 'Theo Nghị định số 45/2020/NĐ-CP, bản điện tử của giấy tờ đã được số hóa và lưu trong kho dữ liệu có giá trị sử dụng thay bản sao chứng thực. Sở Tư pháp đã có văn bản hướng dẫn Ủy ban nhân dân các xã không yêu cầu người dân nộp lại bản sao chứng thực của giấy tờ đã có bản điện tử hợp lệ.' } },
      { after: 1, by: 'justice', input: { action: 'publish' } },
    ],
  },
  {
    daysAgo: 45, agency: giaoMinh, title: 'Chậm trả kết quả chứng thực bản sao',
    content: 'Hồ sơ chứng thực của gia đình tôi nộp buổi sáng nhưng đến chiều hôm sau mới có kết quả, trong khi thủ tục này giải quyết trong ngày. Đề nghị xã xem xét bố trí thêm cán bộ vào buổi sáng thứ Hai.',
    sender: { name: 'Lê Văn Tám', phone: '0987 654 321' }, publish: true,
    steps: [
      { after: 3, by: 'bOfficer', input: { action: 'assign' } },
      { after: 95, by: 'bLeader', input: { action: 'answer', answer: 'Ủy ban nhân dân xã tiếp thu phản ánh. Từ tuần này, sáng thứ Hai Bộ phận Một cửa bố trí hai cán bộ chứng thực. Xã xin lỗi ông về việc chậm trả kết quả.' } },
      { after: 1, by: 'bOfficer', input: { action: 'publish' } },
    ],
  },
  {
    daysAgo: 24, agency: giaoThuy, channel: 'phone', title: 'Đèn chiếu sáng khu dân cư xóm 5 không hoạt động',
    content: 'Người dân gọi điện phản ánh hệ thống đèn chiếu sáng công cộng khu dân cư xóm 5 không sáng từ hơn hai tuần.',
    sender: { name: 'Phạm Văn Cường', phone: '0903 111 222' }, publish: false,
    steps: [{ after: 2, by: 'officer', input: { action: 'assign' } }],
  },
  {
    daysAgo: 6, agency: giaoThuy, title: 'Hướng dẫn thủ tục đăng ký thường trú chưa rõ',
    content: 'Trang hướng dẫn đăng ký thường trú không nói rõ cần giấy tờ chứng minh chỗ ở hợp pháp loại nào khi ở nhờ nhà người thân.',
    sender: { name: 'Đỗ Thị Mai', email: 'mai.do@example.vn' }, publish: true,
    steps: [
      { after: 1, by: 'officer', input: { action: 'assign' } },
      { after: 4, by: 'specialist', input: { action: 'ask_sender', note: 'Đề nghị cho biết địa chỉ nơi ở nhờ và quan hệ với chủ hộ để hướng dẫn cụ thể' } },
    ],
  },
  {
    daysAgo: 1, agency: giaoThuy, channel: 'counter', title: 'Đề nghị bố trí ghế chờ tại Bộ phận Một cửa',
    content: 'Khu vực chờ tại Bộ phận Một cửa xã thiếu ghế ngồi vào các buổi sáng đông người.', publish: false, steps: [],
  },
  {
    daysAgo: 12, agency: giaoThuy, category: 'complaint', title: 'Khiếu nại quyết định xử phạt vi phạm hành chính',
    content: 'Tôi không đồng ý với quyết định xử phạt về xây dựng của xã.', sender: { name: 'Vũ Văn Long' }, publish: false, steps: [],
  },
  {
    daysAgo: 20, agency: giaoMinh, title: 'Lệ phí cấp bản sao trích lục',
    content: 'Đề nghị niêm yết rõ mức lệ phí cấp bản sao trích lục hộ tịch tại Bộ phận Một cửa.', publish: false,
    steps: [
      { after: 2, by: 'bOfficer', input: { action: 'assign' } },
      { after: 20, by: 'bLeader', input: { action: 'answer', answer: 'Xã đã niêm yết mức lệ phí tại bảng thông tin của Bộ phận Một cửa.' } },
    ],
  },
  {
    daysAgo: 3, agency: giaoMinh, title: 'Đề nghị nhận hồ sơ vào sáng thứ Bảy',
    content: 'Người dân đi làm xa đề nghị xã nhận hồ sơ vào sáng thứ Bảy.', publish: true,
    steps: [{ after: 1, by: 'bOfficer', input: { action: 'assign' } }],
  },
];

export async function seedDemoFeedback(deps: Deps): Promise<number> {
  if (await deps.db.selectFrom('feedback').select('id').limit(1).executeTakeFirst()) return 0;
  const actors: Record<Plan['steps'][number]['by'], Actor> = {
    officer: await staffActor(deps, 'canbo.giaothuy'),
    specialist: await staffActor(deps, 'chuyenvien.giaothuy'),
    leader: await staffActor(deps, 'lanhdao.giaothuy'),
    bOfficer: await staffActor(deps, 'canbo.giaominh'),
    bLeader: await staffActor(deps, 'lanhdao.giaominh'),
    justice: await staffActor(deps, 'canbo.tuphap'),
  };
  const calendar = (await deps.calendars.current()).forAgency((await deps.db.selectFrom('agencies').select('id').where('code', '=', giaoThuy).executeTakeFirstOrThrow()).id);
  const now = deps.clock().getTime();
  const context = (actor: Actor, at: number): AuditContext => ({ actor, actorName: actor.kind === 'staff' ? actor.username : 'demo data', at: new Date(at) });
  let made = 0;
  for (const plan of plans) {
    // 09:00 on a working day `daysAgo` days back (the next one when that day is off).
    const received = calendar.nextWorkingInstant(parseInstant(`${addDays(localDateOf(now), -plan.daysAgo)}T09:00:00+07:00`));
    if (received > now) continue;
    const input = { title: plan.title, content: plan.content, sender: plan.sender, publish: plan.publish, category: plan.category };
    let id: string;
    if (plan.channel === 'phone' || plan.channel === 'counter') {
      const agency = await deps.db.selectFrom('agencies').select('id').where('code', '=', plan.agency!).executeTakeFirstOrThrow();
      id = await takeInFeedback(context(actors.officer, received), { ...input, agencyId: agency.id, channel: plan.channel, receivedAt: new Date(received) }, deps);
    } else {
      id = (await submitFeedback(context({ kind: 'anonymous' }, received), { ...input, agencyCode: plan.agency }, deps)).id;
    }
    made += 1;
    let at = received;
    for (const step of plan.steps) {
      at = addWorkingTime(calendar, at, step.after * HOUR);
      if (at > now) break;
      await actOnFeedback(context(actors[step.by], at), id, step.input, deps);
    }
  }
  return made;
}
