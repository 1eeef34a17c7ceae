/** Realistic examples of every form, with Vietnamese text that uses every kind of diacritic. */
import { bodyAbbreviation, counterHeading, headTitle, officialHeading, placeName, type HeadingAgency, type OfficialHeading } from '@motcua/domain';
import type {
  FormDocument,
  ApologyForm,
  ControlSheetForm,
  FormHeader,
  ReceiptForm,
  RefusalForm,
  StopNoticeForm,
  SupplementRequestForm,
  TrackingBookForm,
  TrackingBookRow,
} from '../../../src/infra/pdf/index.ts';

export const dossierCode = '000.41.00.H40-250304-0007';
export const statusUrl = `https://dichvucong.ninhbinh.gov.vn/tra-cuu-ho-so?ma=${dossierCode}`;

const header: FormHeader = {
  // The one-stop unit under its commune (Decree 30/2020, Annex I).
  issuingBody: { parentName: 'UBND XÃ GIAO THỦY', name: 'BỘ PHẬN MỘT CỬA' },
  number: '12/TNHS',
  place: 'Giao Thủy',
  // 09:15 on 4 March 2025 in Vietnam is 02:15 UTC: a naive UTC rendering would show the wrong hour.
  issuedAt: '2025-03-04T02:15:00Z',
  dossierCode,
  statusUrl,
  signer: { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Đặng Thị Thu Hường' },
};

const applicant = {
  name: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '036190012345',
  address: 'Xóm Đông Thành, xã Giao Thủy, tỉnh Ninh Bình',
  phone: '0912 345 678',
  email: 'anhtuyet.nguyen@gmail.com',
};

export const receipt: ReceiptForm = {
  ...header,
  form: '01',
  counterName: 'Bộ phận Một cửa UBND xã Giao Thủy',
  applicant,
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  components: [
    { name: 'Tờ khai đăng ký kết hôn (theo mẫu)', kind: 'original', count: 1 },
    {
      name: 'Giấy xác nhận tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền của nước mà người đó là công dân cấp, đã được hợp pháp hóa lãnh sự và dịch sang tiếng Việt',
      kind: 'certified_copy',
      count: 1,
      note: 'Còn giá trị sử dụng',
    },
    { name: 'Giấy xác nhận của tổ chức y tế có thẩm quyền về sức khỏe tâm thần', kind: 'original', count: 2 },
    { name: 'Giấy chứng sinh hoặc văn bản của người làm chứng', kind: 'copy', count: 1 },
    { name: 'Hộ chiếu của ông Lê Đức Thắng (Trần Quốc Vỹ ủy quyền)', kind: 'electronic', count: 1, note: 'Đã số hóa' },
  ],
  sets: 1,
  legalTime: '10 ngày làm việc',
  receivedAt: '2025-03-04T02:15:00Z',
  appointmentAt: '2025-03-18T03:00:00Z',
  resultDelivery: 'counter',
  trackingBook: { volume: '03', line: '0127' },
  fee: { amount: 1_500_000, paid: true },
  copyLabel: 'Liên 2: Giao người nộp hồ sơ',
};

export const supplementRequest: SupplementRequestForm = {
  ...header,
  form: '02',
  number: undefined,
  signer: { title: 'NGƯỜI HƯỚNG DẪN', name: 'Đặng Thị Thu Hường' },
  counterName: 'Bộ phận Một cửa UBND xã Giao Thủy',
  applicant: { ...applicant, email: undefined },
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  items: [
    'Bổ sung Giấy xác nhận của tổ chức y tế có thẩm quyền về việc không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ được hành vi của mình (bản chính, cấp không quá 06 tháng).',
    'Sửa lại họ, chữ đệm và tên của người yêu cầu tại Tờ khai cho đúng với Căn cước: "Nguyễn Thị Ánh Tuyết".',
    'Nộp bản dịch tiếng Việt có chứng thực của Hộ chiếu người nước ngoài.',
  ],
  reason: 'Hồ sơ còn thiếu giấy tờ theo quy định tại khoản 1 Điều 30 Nghị định số 123/2015/NĐ-CP; thông tin trên Tờ khai chưa khớp với giấy tờ tùy thân.',
  contact: { name: 'bà Đặng Thị Thu Hường, công chức Tư pháp - Hộ tịch', phone: '0228 3895 123' },
  requestedAt: '2025-03-04T02:15:00Z',
};

export const refusal: RefusalForm = {
  ...header,
  form: '03',
  counterName: 'Bộ phận Một cửa UBND xã Giao Thủy',
  applicant,
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  reasons: [
    'Hai bên nam, nữ chưa đủ tuổi kết hôn theo quy định tại điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình năm 2014.',
    'Người yêu cầu đang có vợ hoặc chồng (theo Trích lục ghi chú ly hôn chưa được cung cấp).',
  ],
};

export const apology: ApologyForm = {
  ...header,
  form: '04',
  // The People's Committee itself, headed by its own name only.
  issuingBody: { name: 'ỦY BAN NHÂN DÂN\nXÃ GIAO THỦY' },
  number: '05/UBND',
  signer: { title: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', name: 'Phạm Văn Đức' },
  addressee: 'Bà Nguyễn Thị Ánh Tuyết',
  agencyName: 'Ủy ban nhân dân xã Giao Thủy',
  issuedAt: '2025-03-17T08:30:00Z',
  receivedAt: '2025-03-04T02:15:00Z',
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  originalAppointmentAt: '2025-03-18T03:00:00Z',
  reason: 'Cần xác minh thêm thông tin về tình trạng hôn nhân của ông Trần Quốc Vỹ với cơ quan đại diện của Việt Nam ở nước ngoài; văn bản trả lời chưa được gửi về.',
  newAppointmentAt: '2025-03-25T09:30:00Z',
};

export const stopNotice: StopNoticeForm = {
  ...header,
  form: '05',
  issuingBody: { name: 'ỦY BAN NHÂN DÂN\nXÃ GIAO THỦY' },
  number: '03/TB-UBND',
  signer: { title: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: 'Vũ Thị Ngọc Ánh' },
  applicant,
  agencyName: 'Ủy ban nhân dân xã Giao Thủy',
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  receivedAt: '2025-03-04T02:15:00Z',
  requestedAt: '2025-03-10T01:45:00Z',
  stateReached: 'Hồ sơ đang được công chức Tư pháp - Hộ tịch thẩm định; chưa có kết quả giải quyết.',
  confirmation: 'Ủy ban nhân dân xã Giao Thủy dừng giải quyết hồ sơ nêu trên kể từ ngày nhận được đề nghị. Lệ phí đã nộp được hoàn trả theo quy định; ông/bà nhận lại hồ sơ giấy tại Bộ phận Một cửa.',
};

export const controlSheet: ControlSheetForm = {
  ...header,
  form: '06',
  number: undefined,
  receiptNumber: '12/TNHS',
  applicantName: 'Nguyễn Thị Ánh Tuyết',
  procedureName: 'Đăng ký kết hôn có yếu tố nước ngoài',
  leadAgency: 'Ủy ban nhân dân xã Giao Thủy',
  coordinatingAgencies: ['Sở Tư pháp tỉnh Ninh Bình', 'Công an xã Giao Thủy'],
  appointmentAt: '2025-03-18T03:00:00Z',
  rows: [
    {
      step: 'Tiếp nhận, chuyển hồ sơ',
      unit: 'Bộ phận Một cửa',
      handedAt: '2025-03-04T02:40:00Z',
      giver: 'Đặng Thị Thu Hường',
      receiver: 'Lê Văn Dũng',
      dueAt: '2025-03-04T09:30:00Z',
      outcome: 'ahead',
    },
    {
      step: 'Thẩm định, dự thảo kết quả',
      unit: 'Công chức Tư pháp - Hộ tịch',
      handedAt: '2025-03-11T08:00:00Z',
      giver: 'Lê Văn Dũng',
      receiver: 'Phạm Văn Đức',
      dueAt: '2025-03-11T10:00:00Z',
      outcome: 'on_time',
    },
    {
      step: 'Phê duyệt, ký kết quả',
      unit: 'Lãnh đạo UBND xã',
      handedAt: '2025-03-17T02:00:00Z',
      giver: 'Phạm Văn Đức',
      receiver: 'Đặng Thị Thu Hường',
      dueAt: '2025-03-14T10:00:00Z',
      outcome: 'late',
      note: 'Chờ ý kiến của Sở Tư pháp về trường hợp ủy quyền',
    },
    {
      step: 'Trả kết quả',
      unit: 'Bộ phận Một cửa',
      handedAt: '2025-03-18T03:00:00Z',
      giver: 'Đặng Thị Thu Hường',
      receiver: 'Nguyễn Thị Ánh Tuyết',
      outcome: null,
    },
  ],
};

const procedures = [
  'Đăng ký kết hôn có yếu tố nước ngoài',
  'Đăng ký khai sinh',
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
  'Cấp Giấy xác nhận tình trạng hôn nhân',
  'Đăng ký thường trú',
];
const names = ['Nguyễn Thị Ánh Tuyết', 'Trần Quốc Vỹ', 'Lê Đức Thắng', 'Phạm Thị Hằng Nga', 'Vũ Ngọc Ẩn', 'Đỗ Thị Mỹ Dung'];

/** `count` rows of a busy month at one counter. */
export function trackingRows(count: number): TrackingBookRow[] {
  return Array.from({ length: count }, (_, i) => {
    const day = 1 + (i % 28);
    const d = String(day).padStart(2, '0');
    const due = String(Math.min(28, day + 5)).padStart(2, '0');
    const seq = String(i + 1).padStart(4, '0');
    return {
      no: i + 1,
      dossierCode: `000.41.00.H40-2503${d}-${seq}`,
      procedureName: procedures[i % procedures.length]!,
      sets: 1 + (i % 2),
      applicantName: names[i % names.length]!,
      addressAndPhone: `Xóm ${1 + (i % 9)}, xã Giao Thủy, tỉnh Ninh Bình; 09${String(12_345_000 + i)}`,
      leadAgency: i % 3 === 0 ? 'Công an xã Giao Thủy' : 'UBND xã Giao Thủy',
      receivedAt: `2025-03-${d}T01:${String(i % 60).padStart(2, '0')}:00Z`,
      appointmentAt: `2025-03-${due}T09:00:00Z`,
      ...(i % 4 !== 3 ? { transferredAt: `2025-03-${d}T03:00:00Z` } : {}),
      ...(i % 4 < 2 ? { resultBackAt: `2025-03-${due}T02:00:00Z`, returnedAt: `2025-03-${due}T08:30:00Z` } : {}),
      ...(i % 10 === 9 ? { note: 'Trả qua dịch vụ bưu chính công ích' } : {}),
    };
  });
}

export const trackingBook: TrackingBookForm = {
  form: '07',
  issuingBody: header.issuingBody,
  place: 'Giao Thủy',
  issuedAt: '2025-04-01T01:00:00Z',
  counterName: 'Bộ phận Một cửa UBND xã Giao Thủy',
  period: { from: '2025-03-01', to: '2025-03-31' },
  statusUrl: 'https://dichvucong.ninhbinh.gov.vn/mot-cua/giao-thuy',
  rows: trackingRows(120),
};

/** An agency that issues forms, with its parent and the one-stop unit that receives for it. */
export interface Issuer {
  agency: HeadingAgency;
  parent?: HeadingAgency;
  counter: string;
}

const province = { name: 'Ủy ban nhân dân tỉnh Ninh Bình', level: 'province' };
/** One agency of each level, as the demo bundle has them, and the longest name of the demo. */
export const issuers = {
  commune: { agency: { name: 'Ủy ban nhân dân xã Giao Thủy', level: 'commune' }, parent: province, counter: 'Bộ phận Một cửa xã Giao Thủy' },
  districtOffice: {
    agency: { name: 'Phòng Tư pháp huyện Giao Thủy', level: 'department' },
    parent: { name: 'Ủy ban nhân dân huyện Giao Thủy', level: 'district' },
    counter: 'Bộ phận Một cửa',
  },
  provinceDepartment: { agency: { name: 'Sở Tư pháp tỉnh Ninh Bình', level: 'department' }, parent: province, counter: 'Bộ phận Một cửa' },
  longest: {
    agency: { name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Ninh Bình', level: 'department' },
    parent: province,
    counter: 'Bộ phận tiếp nhận và trả kết quả Sở VHTTDL',
  },
} satisfies Record<string, Issuer>;

const bodyOf = (heading: OfficialHeading) => ({ ...(heading.managing ? { parentName: heading.managing } : {}), name: heading.body.join('\n') });

/**
 * A sample form as `issuer` would issue it: headed by the agency itself when its head signs (04,
 * 05), else by its one-stop unit; its place, its name in the text and its head's title.
 */
export function issuedBy<F extends FormDocument>(form: F, issuer: Issuer): F {
  const byHead = form.form === '04' || form.form === '05';
  const heading = byHead ? officialHeading(issuer.agency, issuer.parent) : counterHeading(issuer.counter, issuer.agency, issuer.parent);
  return {
    ...form,
    issuingBody: bodyOf(heading),
    place: placeName(issuer.agency),
    ...('counterName' in form && form.counterName ? { counterName: `${issuer.counter}${issuer.counter === 'Bộ phận Một cửa' ? ` ${issuer.agency.name}` : ''}` } : {}),
    ...(byHead ? { agencyName: issuer.agency.name, signer: { title: headTitle(issuer.agency), name: form.signer?.name ?? '' } } : {}),
    // The symbol names the issuing body: "05/UBND", "05/STP".
    ...(byHead && form.number ? { number: form.number.replace(/UBND$/, bodyAbbreviation(issuer.agency, issuer.parent)) } : {}),
  };
}
