import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderForm, type FormDocument } from '../../../src/infra/pdf/index.ts';
import * as samples from './fixtures.ts';
import { flat, pdfFonts, pdfText, pdfWords, qrOfFirstPage, requireTools, type Word } from './poppler.ts';

interface Case {
  name: string;
  form: FormDocument;
  /** Exact strings on one line of `pdftotext -layout`. */
  lines: (string | RegExp)[];
  /** Exact strings of the text in content order, white space made single: phrases that wrap. */
  flowing?: string[];
}

const { dossierCode, statusUrl } = samples;
const motto = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `Mã hồ sơ: ${dossierCode}`, statusUrl];
/** Forms the one-stop unit issues: under its commune. */
const commonHeader = [...motto, 'UBND XÃ GIAO THỦY', 'BỘ PHẬN MỘT CỬA'];
/** Forms the head signs: the People's Committee by its own name, never by its province. */
const committeeHeader = [...motto, /^\s+ỦY BAN NHÂN DÂN\s+CỘNG HÒA/m, /^\s+XÃ GIAO THỦY\s+Độc lập/m];

const cases: Case[] = [
  {
    name: '01 receipt and appointment',
    form: samples.receipt,
    lines: [
      ...commonHeader,
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Số: 12/TNHS',
      'Giao Thủy, ngày 04 tháng 3 năm 2025',
      '(Liên 2: Giao người nộp hồ sơ)',
      'Nơi tiếp nhận hồ sơ: Bộ phận Một cửa UBND xã Giao Thủy',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết',
      'Số định danh cá nhân: 036190012345',
      'Địa chỉ: Xóm Đông Thành, xã Giao Thủy, tỉnh Ninh Bình',
      'Số điện thoại: 0912 345 678',
      'Email: anhtuyet.nguyen@gmail.com',
      'Nội dung yêu cầu giải quyết: Đăng ký kết hôn có yếu tố nước ngoài',
      '1. Thành phần hồ sơ nộp gồm:',
      'Tên loại giấy tờ',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 04 tháng 3 năm 2025',
      '5. Thời gian trả kết quả giải quyết hồ sơ:',
      'Vào hồi 10 giờ 00 phút, ngày 18 tháng 3 năm 2025',
      '6. Đăng ký nhận kết quả tại: Bộ phận Một cửa UBND xã Giao Thủy',
      '7. Phí, lệ phí: 1.500.000 đồng (đã nộp)',
      /Vào Sổ theo dõi hồ sơ, Quyển số: 03 +Số thứ tự: 0127/,
      /NGƯỜI NỘP HỒ SƠ +NGƯỜI TIẾP NHẬN HỒ SƠ/,
      /\(Ký và ghi rõ họ tên\) +\(Ký và ghi rõ họ tên\)/,
      /Nguyễn Thị Ánh Tuyết +Đặng Thị Thu Hường/,
    ],
    flowing: [
      'Tờ khai đăng ký kết hôn (theo mẫu) Bản chính 01',
      'Giấy xác nhận tình trạng hôn nhân của người nước ngoài do cơ quan có thẩm quyền của nước mà người đó là công dân cấp, đã được hợp pháp hóa lãnh sự và dịch sang tiếng Việt Bản sao có chứng thực 01 Còn giá trị sử dụng',
      'Giấy xác nhận của tổ chức y tế có thẩm quyền về sức khỏe tâm thần Bản chính 02',
      'Giấy chứng sinh hoặc văn bản của người làm chứng Bản sao 01',
      'Hộ chiếu của ông Lê Đức Thắng (Trần Quốc Vỹ ủy quyền) Bản điện tử 01 Đã số hóa',
    ],
  },
  {
    name: '02 supplement request',
    form: samples.supplementRequest,
    lines: [
      ...commonHeader,
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      /Số:\.{10,}/,
      'Hồ sơ của: Nguyễn Thị Ánh Tuyết',
      /Số điện thoại: 0912 345 678 +Email: \.{20,}/,
      'Nội dung yêu cầu giải quyết: Đăng ký kết hôn có yếu tố nước ngoài',
      'Thời gian yêu cầu: 09 giờ 15 phút, ngày 04 tháng 3 năm 2025',
      'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:',
      '3. Nộp bản dịch tiếng Việt có chứng thực của Hộ chiếu người nước ngoài.',
      'NGƯỜI HƯỚNG DẪN',
    ],
    flowing: [
      '1. Bổ sung Giấy xác nhận của tổ chức y tế có thẩm quyền về việc không mắc bệnh tâm thần hoặc bệnh khác mà không có khả năng nhận thức, làm chủ được hành vi của mình (bản chính, cấp không quá 06 tháng).',
      '2. Sửa lại họ, chữ đệm và tên của người yêu cầu tại Tờ khai cho đúng với Căn cước: "Nguyễn Thị Ánh Tuyết".',
      'Lý do: Hồ sơ còn thiếu giấy tờ theo quy định tại khoản 1 Điều 30 Nghị định số 123/2015/NĐ-CP; thông tin trên Tờ khai chưa khớp với giấy tờ tùy thân.',
      'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với bà Đặng Thị Thu Hường, công chức Tư pháp - Hộ tịch, số điện thoại 0228 3895 123 để được hướng dẫn./.',
    ],
  },
  {
    name: '03 refusal',
    form: samples.refusal,
    lines: [
      ...commonHeader,
      'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết',
      'Xin thông báo cho ông/bà được biết và thực hiện./.',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Đặng Thị Thu Hường',
    ],
    flowing: [
      'Qua xem xét, Bộ phận Một cửa UBND xã Giao Thủy thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      '1. Hai bên nam, nữ chưa đủ tuổi kết hôn theo quy định tại điểm a khoản 1 Điều 8 Luật Hôn nhân và gia đình năm 2014.',
      '2. Người yêu cầu đang có vợ hoặc chồng (theo Trích lục ghi chú ly hôn chưa được cung cấp).',
    ],
  },
  {
    name: '04 apology and new appointment',
    form: samples.apology,
    lines: [
      ...committeeHeader,
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'Số: 05/UBND',
      'Giao Thủy, ngày 17 tháng 3 năm 2025',
      'Kính gửi: Bà Nguyễn Thị Ánh Tuyết.',
      'Mong nhận được sự cảm thông của ông/bà vì sự chậm trễ này./.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      '(Ký, ghi rõ họ tên và đóng dấu)',
      'Phạm Văn Đức',
    ],
    flowing: [
      'Ngày 04 tháng 3 năm 2025, Ủy ban nhân dân xã Giao Thủy tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính Đăng ký kết hôn có yếu tố nước ngoài của ông/bà.',
      'Thời hạn trả kết quả theo giấy hẹn: 10 giờ 00 phút, ngày 18 tháng 3 năm 2025.',
      'Tuy nhiên đến nay, Ủy ban nhân dân xã Giao Thủy chưa trả kết quả giải quyết hồ sơ của ông/bà.',
      'Lý do: Cần xác minh thêm thông tin về tình trạng hôn nhân của ông Trần Quốc Vỹ với cơ quan đại diện của Việt Nam ở nước ngoài; văn bản trả lời chưa được gửi về.',
      'Ủy ban nhân dân xã Giao Thủy xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào hồi 16 giờ 30 phút, ngày 25 tháng 3 năm 2025.',
    ],
  },
  {
    name: '05 notice of stopped processing',
    form: samples.stopNotice,
    lines: [
      ...committeeHeader,
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      'Số: 03/TB-UBND',
      'Kính gửi: Nguyễn Thị Ánh Tuyết.',
      'Thủ tục hành chính: Đăng ký kết hôn có yếu tố nước ngoài',
      'Thời gian tiếp nhận hồ sơ: 09 giờ 15 phút, ngày 04 tháng 3 năm 2025',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Vũ Thị Ngọc Ánh',
    ],
    flowing: [
      'Ngày 10 tháng 3 năm 2025, Ủy ban nhân dân xã Giao Thủy nhận được đề nghị của ông/bà về việc dừng giải quyết hồ sơ nêu trên.',
      'Tình trạng giải quyết hồ sơ đến thời điểm dừng: Hồ sơ đang được công chức Tư pháp - Hộ tịch thẩm định; chưa có kết quả giải quyết.',
      samples.stopNotice.confirmation,
      'Ủy ban nhân dân xã Giao Thủy thông báo để ông/bà được biết./.',
    ],
  },
  {
    name: '06 process control sheet',
    form: samples.controlSheet,
    lines: [
      ...commonHeader,
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH',
      'GIẢI QUYẾT HỒ SƠ',
      '(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: 12/TNHS)',
      'Hồ sơ của: Nguyễn Thị Ánh Tuyết',
      'Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Giao Thủy',
      'Thời gian hẹn trả kết quả: 10 giờ 00 phút, ngày 18 tháng 3 năm 2025',
      'Kết quả giải quyết',
    ],
    flowing: [
      'Cơ quan phối hợp giải quyết hồ sơ: Sở Tư pháp tỉnh Ninh Bình; Công an xã Giao Thủy',
      'Tiếp nhận, chuyển hồ sơ Bộ phận Một cửa 09:40 04/03/2025 Giao: Đặng Thị Thu Hường Nhận: Lê Văn Dũng 16:30 04/03/2025',
      'Phê duyệt, ký kết quả Lãnh đạo UBND xã 09:00 17/03/2025',
      'Chờ ý kiến của Sở Tư pháp về trường hợp ủy quyền',
    ],
  },
];

const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;

/** Words whose boxes (shrunk by the line spacing the font's ascent and descent overlap) intersect. */
function overlaps(words: Word[]): string[] {
  const found: string[] = [];
  const boxes = words.map((w) => {
    const h = w.yMax - w.yMin;
    return { ...w, yMin: w.yMin + 0.2 * h, yMax: w.yMax - 0.2 * h, xMin: w.xMin + 0.3, xMax: w.xMax - 0.3 };
  });
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.page === b.page && a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax) {
        found.push(`page ${a.page}: "${a.text}" overlaps "${b.text}"`);
      }
    }
  }
  return found;
}

describe('the regulated forms as PDF', () => {
  beforeAll(() => requireTools('pdftotext', 'pdftoppm', 'pdffonts', 'zbarimg'));

  describe.each(cases)('form $name', ({ form, lines, flowing }) => {
    let bytes: Uint8Array;
    let layout: string;
    let raw: string;
    beforeAll(async () => {
      bytes = await renderForm(form);
      layout = await pdfText(bytes, 'layout');
      raw = flat(await pdfText(bytes, 'raw'));
    });

    it('prints the title, the motto, the parties and the exact Vietnamese wording', () => {
      for (const line of lines) {
        if (typeof line === 'string') expect(layout).toContain(line);
        else expect(layout).toMatch(line);
      }
      for (const phrase of flowing ?? []) expect(raw).toContain(phrase);
    });

    it('carries a QR code that opens the public status page', async () => {
      expect(await qrOfFirstPage(bytes)).toBe(statusUrl);
    });

    it('is one A4 portrait page with its fonts embedded as small subsets', async () => {
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount()).toBe(1);
      const { width, height } = pdf.getPage(0).getSize();
      expect(width).toBeCloseTo(A4.width, 1);
      expect(height).toBeCloseTo(A4.height, 1);
      const fonts = await pdfFonts(bytes);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(bytes.length).toBeLessThan(60_000);
    });

    it('keeps every word inside the margins and no two words on top of each other', async () => {
      const words = await pdfWords(bytes);
      for (const w of words) {
        expect(w.xMin, `"${w.text}" left of the 30 mm margin`).toBeGreaterThanOrEqual(30 * MM - 0.5);
        expect(w.xMax, `"${w.text}" right of the 15 mm margin`).toBeLessThanOrEqual(A4.width - 15 * MM + 0.5);
        expect(w.yMin, `"${w.text}" above the top margin`).toBeGreaterThanOrEqual(20 * MM - 3);
        expect(w.yMax, `"${w.text}" below the bottom margin`).toBeLessThanOrEqual(A4.height - 20 * MM + 3);
      }
      expect(overlaps(words)).toEqual([]);
    });
  });

  it('marks ahead, on time and late with an X in the matching column of the control sheet', async () => {
    const words = await pdfWords(await renderForm(samples.controlSheet));
    const column = (label: string) => words.find((w) => w.text === label)!;
    const centre = (w: Word) => (w.xMin + w.xMax) / 2;
    const marks = words.filter((w) => w.text === 'X').sort((a, b) => a.yMin - b.yMin);
    expect(marks).toHaveLength(3); // the fourth hand-over has no outcome yet
    const expected = ['Trước', 'Đúng', 'Quá']; // rows 1–3 are ahead, on time, late
    marks.forEach((mark, i) => expect(Math.abs(centre(mark) - centre(column(expected[i]!)))).toBeLessThan(8));
  });

  it('renders the same bytes for the same form, so documents can be cached and compared', async () => {
    const [a, b] = await Promise.all([renderForm(samples.receipt), renderForm(samples.receipt)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('leaves dotted blanks where the receipt has no data, and still fits one page', async () => {
    const bare: FormDocument = {
      ...samples.receipt,
      number: undefined,
      signer: undefined,
      counterName: undefined,
      applicant: { name: 'Lê Đức Thắng' },
      fee: undefined,
      copyLabel: undefined,
      trackingBook: {},
      components: [{ name: 'Tờ khai đăng ký khai sinh', kind: 'original', count: 1 }],
    };
    const bytes = await renderForm(bare);
    const layout = await pdfText(bytes);
    expect(layout).toMatch(/Số:\.{10,}/);
    expect(layout).toMatch(/Địa chỉ: \.{40,}/);
    expect(layout).toMatch(/Số điện thoại: \.{10,} +Email: \.{20,}/);
    expect(layout).toMatch(/Quyển số: \.{10,} +Số thứ tự: \.{10,}/);
    expect(layout).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(layout).not.toContain('Phí, lệ phí');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });

  it('flows a receipt with many papers onto a second page with the table header repeated and pages numbered', async () => {
    const long: FormDocument = {
      ...samples.receipt,
      components: Array.from({ length: 40 }, (_, i) => ({
        name: `Giấy tờ số ${i + 1}: bản đồ địa chính thửa đất, trích đo, ảnh chụp hiện trạng ${'dài '.repeat(i % 7)}`,
        kind: 'copy' as const,
        count: 1 + (i % 3),
      })),
    };
    const bytes = await renderForm(long);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      expect(await pdfText(bytes, 'layout', page)).toContain(`Mã hồ sơ ${dossierCode} · Trang ${page}/${pages}`);
    }
    expect(await pdfText(bytes, 'layout', 2)).toContain('Tên loại giấy tờ');
    const raw = flat(await pdfText(bytes, 'raw'));
    for (let i = 1; i <= 40; i++) expect(raw).toContain(`Giấy tờ số ${i}: bản đồ địa chính`);
    const words = await pdfWords(bytes);
    expect(overlaps(words)).toEqual([]);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(A4.width - 15 * MM + 0.5);
  });

  it('wraps an unbroken string (a long URL or code) inside its cell instead of running over the border', async () => {
    const form: FormDocument = {
      ...samples.receipt,
      components: [
        {
          name: 'Bản sao điện tử tại https://dichvucong.gov.vn/kho-du-lieu/ca-nhan/036190012345/giay-to/0000000000000000000000000000000000000001',
          kind: 'electronic',
          count: 1,
          note: 'MÃ-XÁC-THỰC-9F3A7C2B11D04E5F8A6B',
        },
      ],
    };
    const bytes = await renderForm(form);
    const words = await pdfWords(bytes);
    expect(overlaps(words)).toEqual([]);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(A4.width - 15 * MM + 0.5);
    const raw = (await pdfText(bytes, 'raw')).replace(/\s+/g, '');
    expect(raw).toContain('https://dichvucong.gov.vn/kho-du-lieu/ca-nhan/036190012345/giay-to/0000000000000000000000000000000000000001');
    expect(raw).toContain('MÃ-XÁC-THỰC-9F3A7C2B11D04E5F8A6B');
  });

  it('prints the applicant’s rating QR code on form 01 at the left of the title, labelled, both codes readable, still one page', async () => {
    const ratingUrl = `https://dichvucong.ninhbinh.gov.vn/danh-gia/${dossierCode}#AbCdEfGhIjKlMnOpQrStUvWx`;
    const bytes = await renderForm({ ...samples.receipt, ratingUrl });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const codes = (await qrOfFirstPage(bytes)).split('\n').sort();
    expect(codes).toEqual([ratingUrl, statusUrl].sort());
    const layout = await pdfText(bytes, 'layout');
    expect(layout).toMatch(/ĐÁNH GIÁ HÀI LÒNG\s+Tra cứu hồ sơ: /);
    const words = await pdfWords(bytes);
    expect(overlaps(words)).toEqual([]);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(A4.width - 15 * MM + 0.5);
  });

  it('accepts text in decomposed Unicode (NFD) and prints it composed', async () => {
    const form: FormDocument = { ...samples.refusal, applicant: { name: 'Nguyễn Thị Ánh Tuyết'.normalize('NFD') } };
    const layout = await pdfText(await renderForm(form));
    expect(layout).toContain('Tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết');
  });
});
