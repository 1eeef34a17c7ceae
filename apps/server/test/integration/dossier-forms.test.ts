/**
 * The regulated forms as the applicant holds them: `pdftotext` gives back the Vietnamese text
 * exactly, and the QR code on each form decodes to the dossier's public status page.
 */
import type { Actor } from '@motcua/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierForm, type FormNumbering } from '../../src/modules/dossiers/dossier.forms.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { flat, pdfText, qrCodes } from '../support/pdf-tools.ts';
import { multipartFile, samplePdf } from '../support/multipart.ts';

const at = (iso: string) => Date.parse(iso);

describe('forms 01–07 as PDF', () => {
  let t: TestApp;
  let now = at('2025-03-03T09:00:00+07:00');
  let officer: Agent;
  let specialist: Agent;
  let leader: Agent;
  const applicant = { name: 'Nguyễn Thị Ánh Tuyết', idNumber: '036190001234', phone: '0912345678', address: 'Xóm 3, xã Giao Thủy' };
  const ids: Record<string, { id: number; code: string }> = {};
  beforeAll(async () => {
    t = await startTestApp('pglite', { clock: () => new Date(now), config: { SESSION_TTL_HOURS: '720', PUBLIC_BASE_URL: 'https://dichvucong.ninhbinh.example' } });
    officer = await t.signIn('canbo.giaothuy');
    specialist = await t.signIn('chuyenvien.giaothuy');
    leader = await t.signIn('lanhdao.giaothuy');
    const act = async (agent: Agent, id: number, action: string, body: Record<string, unknown> = {}) => {
      const res = await agent.post(`/api/v1/dossiers/${id}/actions`, { action, ...body });
      expect(res.statusCode, res.body).toBe(200);
    };
    const main = (await officer.post('/api/v1/dossiers', {
      procedureCode: 'DEMO.003', applicant, components: [0, 1, 2, 3].map((index) => ({ index, received: true })),
    })).json();
    ids.main = main;
    now = at('2025-03-03T10:00:00+07:00');
    await act(officer, main.id, 'transfer');
    now = at('2025-03-04T14:00:00+07:00');
    await act(specialist, main.id, 'request_supplement', { reasons: ['Bản dịch hộ chiếu có chứng thực', 'Giấy xác nhận của tổ chức y tế còn hiệu lực'], note: 'Giấy tờ nước ngoài chưa được hợp pháp hóa lãnh sự' });
    now = at('2025-03-06T09:00:00+07:00');
    await act(officer, main.id, 'receive_supplement');
    now = at('2025-03-17T08:00:00+07:00');
    await act(leader, main.id, 'apologize', { note: 'Cần xác minh thông tin với cơ quan đại diện nước ngoài', newDueAt: '2025-03-24T17:00:00+07:00' });
    now = at('2025-03-18T10:00:00+07:00');
    await act(specialist, main.id, 'forward');
    now = at('2025-03-20T15:30:00+07:00');
    await act(leader, main.id, 'resolve');
    now = at('2025-03-03T11:00:00+07:00');
    ids.refused = (await officer.post('/api/v1/dossiers', {
      procedureCode: '1.000894', applicant, components: [], decision: 'refuse', reasons: ['Việc kết hôn có yếu tố nước ngoài thuộc thẩm quyền của UBND xã nơi cư trú của công dân Việt Nam'],
    })).json();
    const stopped = (await officer.post('/api/v1/dossiers', { procedureCode: '1.000894', applicant, components: [{ index: 0, received: true }] })).json();
    ids.stopped = stopped;
    now = at('2025-03-04T08:15:00+07:00');
    await act(officer, stopped.id, 'withdraw', { note: 'Người nộp đề nghị rút hồ sơ' });
    // Submitted online on a Sunday, received at the counter on Monday.
    now = at('2025-03-09T20:00:00+07:00');
    const file = multipartFile('to-khai.pdf', samplePdf, 'application/pdf');
    const up = (await t.anonymous().request('POST', '/api/v1/public/files', file.payload, file.headers)).json();
    const online = await t.anonymous().post('/api/v1/public/dossiers', {
      procedureCode: '1.000894', agencyCode: '000.41.00.H40', applicant: { name: 'Đinh Thị Hảo', phone: '0912345678' },
      components: [{ index: 0, fileIds: [up.id] }], uploadTokens: { [up.id]: up.uploadToken },
    });
    expect(online.statusCode, online.body).toBe(201);
    ids.online = online.json();
    now = at('2025-03-10T08:30:00+07:00');
    await act(officer, ids.online!.id, 'receive');
  });
  afterAll(async () => t?.close());

  const form = async (key: string, number: string) => {
    const res = await officer.get(`/api/v1/dossiers/${ids[key]!.id}/forms/${number}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.rawPayload;
  };
  const statusUrl = (key: string) => `https://dichvucong.ninhbinh.example/tra-cuu/${ids[key]!.code}`;

  it('prints form 01 with the applicant, the papers, the appointment and a QR code to the status page', async () => {
    const pdf = await form('main', '01');
    const text = pdfText(pdf);
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      `Mã hồ sơ: ${ids.main!.code}`, 'Tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết', 'Số định danh cá nhân: 036190001234',
      'Nội dung yêu cầu giải quyết: Đăng ký kết hôn có yếu tố nước ngoài', 'Tờ khai đăng ký kết hôn', 'Bản chính',
      'Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc', 'Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 03 tháng 3 năm 2025',
      'Vào hồi 09 giờ 00 phút, ngày 17 tháng 3 năm 2025', '7. Phí, lệ phí: 1.500.000 đồng', 'Phạm Thị Thu', 'Giao Thủy, ngày 03 tháng 3 năm 2025',
    ]) expect(text).toContain(expected);
    expect(flat(pdfText(pdf, { layout: false }))).toContain('Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài');
    // The one-stop unit under its commune (Decree 30/2020), with the receipt's number.
    expect(text).toMatch(/^\s+UBND XÃ GIAO THỦY\s+CỘNG HÒA/m);
    expect(text).toMatch(/^\s+BỘ PHẬN MỘT CỬA\s+Độc lập/m);
    expect(text).toMatch(new RegExp(`Số: ${ids.main!.code.split('-').at(-1)}\\s`));
    // And the applicant's one-time rating address, a second QR code (rating-proofs.test.ts).
    expect(qrCodes(pdf)).toEqual(expect.arrayContaining([statusUrl('main'), expect.stringMatching(/\/danh-gia\/[^#]+#[\w-]{24}$/)]));
    expect(qrCodes(pdf)).toHaveLength(2);
  });

  it('prints form 02 with the numbered list of items to add and the reason', async () => {
    const pdf = await form('main', '02');
    const text = flat(pdfText(pdf));
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('1. Bản dịch hộ chiếu có chứng thực');
    expect(text).toContain('2. Giấy xác nhận của tổ chức y tế còn hiệu lực');
    expect(text).toContain('Lý do: Giấy tờ nước ngoài chưa được hợp pháp hóa lãnh sự');
    expect(text).toContain('Vũ Đức Minh');
    expect(qrCodes(pdf)).toEqual([statusUrl('main')]);
  });

  it('numbers form 02 from the agency’s outgoing register on its first print, the same number on a reprint, and the register lists it', async () => {
    const number = (pdf: Buffer) => /Số: (\d+\/UBND)\s/.exec(pdfText(pdf))?.[1];
    const first = number(await form('main', '02'));
    expect(first).toMatch(/^\d{2,}\/UBND$/);
    expect(number(await form('main', '02'))).toBe(first);
    const [n] = first!.split('/');
    const listed = (await officer.get(`/api/v1/documents?direction=outgoing&year=2025&number=${Number(n)}`)).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ numberText: first, status: 'issued', type: 'cong_van', recipients: applicant.name });
    expect(listed.items[0].summary).toBe(`Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — hồ sơ ${ids.main!.code}`);
    // One row for the form, however often it is printed; no gap in the register.
    const rows = await t.deps.db.selectFrom('official_documents').select(['number']).where('form_key', 'like', `dossier:${ids.main!.id}:%:form:02`).execute();
    expect(rows).toEqual([{ number: Number(n) }]);
    const register = await t.deps.db.selectFrom('document_registers').select('last_number').where('year', '=', 2025).where('direction', '=', 'outgoing').execute();
    const listedAll = (await officer.get('/api/v1/documents?direction=outgoing&year=2025&limit=100')).json();
    expect(listedAll.total).toBe(register.reduce((sum, r) => sum + r.last_number, 0));
  });

  it('prints form 03 with the reason for refusal', async () => {
    const pdf = await form('refused', '03');
    const text = flat(pdfText(pdf));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('thuộc thẩm quyền của UBND xã nơi cư trú của công dân Việt Nam');
    expect(qrCodes(pdf)).toEqual([statusUrl('refused')]);
  });

  it('prints form 04 with the original and the new appointment', async () => {
    const pdf = await form('main', '04');
    const text = flat(pdfText(pdf));
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Cần xác minh thông tin với cơ quan đại diện nước ngoài');
    expect(text).toContain('ngày 24 tháng 3 năm 2025');
    expect(qrCodes(pdf)).toEqual([statusUrl('main')]);
    // The People's Committee by its own name, not under its province, signed by its chair.
    const layout = pdfText(pdf);
    expect(layout).toMatch(/^\s+ỦY BAN NHÂN DÂN\s+CỘNG HÒA/m);
    expect(layout).toMatch(/^\s+XÃ GIAO THỦY\s+Độc lập/m);
    expect(layout).not.toContain('TỈNH NINH BÌNH');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
  });

  it('prints form 05 confirming that processing stops', async () => {
    const pdf = await form('stopped', '05');
    const text = flat(pdfText(pdf));
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('dừng giải quyết hồ sơ theo đề nghị của người nộp hồ sơ');
    expect(qrCodes(pdf)).toEqual([statusUrl('stopped')]);
  });

  it('prints form 06 with every hand-over, its due time and whether it was on time', async () => {
    const pdf = await form('main', '06');
    const text = flat(pdfText(pdf, { layout: false }));
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Tiếp nhận hồ sơ');
    expect(text).toContain('Vũ Đức Minh');
    expect(text).toContain('Đỗ Văn Hùng');
    expect(text).toMatch(/Yêu cầu bổ sung/);
    expect(qrCodes(pdf)).toEqual([statusUrl('main')]);
  });

  it('numbers forms 04 and 05 from the agency’s register when given one, the same number on a reprint, and says where the signature goes', async () => {
    const commune = await t.deps.db.selectFrom('agencies').select(['id', 'path']).where('code', '=', '000.41.00.H40').executeTakeFirstOrThrow();
    const actor: Actor = { kind: 'staff', userId: '00000000-0000-0000-0000-000000000000', username: 'so.van.ban', assignments: [{ role: 'officer', agencyId: commune.id, agencyPath: commune.path }] };
    const register = new Map<string, number>();
    const requests: Parameters<FormNumbering>[0][] = [];
    const numbering: FormNumbering = async (request) => {
      requests.push(request);
      if (!register.has(request.key)) register.set(request.key, register.size + 12);
      return register.get(request.key);
    };
    const apology = await dossierForm(actor, ids.main!.id, '04', t.deps, { numbering });
    expect(pdfText(apology.pdf)).toMatch(/Số: 12\/UBND\s/);
    const notice = await dossierForm(actor, ids.stopped!.id, '05', t.deps, { numbering });
    expect(pdfText(notice.pdf)).toMatch(/Số: 13\/TB-UBND\s/);
    expect(pdfText((await dossierForm(actor, ids.main!.id, '04', t.deps, { numbering })).pdf)).toMatch(/Số: 12\/UBND\s/);
    expect(requests.map((r) => [r.form, r.body, r.kind, r.agency.code])).toEqual([['04', 'UBND', undefined, '000.41.00.H40'], ['05', 'UBND', 'TB', '000.41.00.H40'], ['04', 'UBND', undefined, '000.41.00.H40']]);
    // The receipt keeps its own number and asks the register for none.
    expect(pdfText((await dossierForm(actor, ids.main!.id, '06', t.deps, { numbering })).pdf)).toMatch(/Số:\.{10,}/);
    expect(requests).toHaveLength(3);
    expect(apology.signatureSlot).toMatchObject({ page: 0 });
    expect(apology.signatureSlot!.height).toBeGreaterThanOrEqual(28 * (72 / 25.4) - 0.01);
  });

  it('refuses a form that was not issued for the dossier', async () => {
    const res = await officer.get(`/api/v1/dossiers/${ids.refused!.id}/forms/01`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('dossier.form_not_issued');
  });

  it('prints form 07, the counter’s tracking book for the period, listing every dossier received', async () => {
    const counter = (await officer.get(`/api/v1/agencies/${await t.agencyId('000.41.00.H40')}/offices`)).json().counters[0];
    const res = await officer.get(`/api/v1/counters/${counter.id}/tracking-book?from=2025-03-01&to=2025-03-31`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    // A code wraps after its dash inside the narrow column.
    const text = flat(pdfText(res.rawPayload, { layout: false })).replace(/- /g, '-');
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('UBND XÃ GIAO THỦY BỘ PHẬN MỘT CỬA');
    expect(text).toContain(ids.main!.code);
    expect(text).toContain(ids.stopped!.code);
    expect(text).not.toContain(ids.refused!.code);
    // Submitted online, it enters the book of the counter that receives it.
    expect(text).toContain(ids.online!.code);
    const other = await t.signIn('canbo.giaominh');
    expect((await other.get(`/api/v1/counters/${counter.id}/tracking-book?from=2025-03-01&to=2025-03-31`)).statusCode).toBe(404);
  });
});
