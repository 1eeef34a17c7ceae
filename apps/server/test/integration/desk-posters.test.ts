/**
 * The desk's QR posters (docs/qr-posters.md) as a person at the counter reads them: `pdftotext`
 * gives back the name, the legal time and the fees, `zbarimg` decodes each QR code to the portal
 * address it must open; staff of another agency, other roles and the public are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { startTestApp, type Agent, type TestApp } from '../support/app.ts';
import { flat, pdfText, qrCodes } from '../support/pdf-tools.ts';

const base = 'https://dichvucong.ninhbinh.example';

describe.each(databaseKinds)('QR posters of the one-stop desk on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let counterId: string;
  let provinceCounterId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => new Date('2026-03-16T09:00:00+07:00'), config: { PUBLIC_BASE_URL: base } });
    officer = await t.signIn('canbo.giaothuy');
    counterId = (await officer.get(`/api/v1/agencies/${await t.agencyId('000.41.00.H40')}/offices`)).json().counters[0].id;
    const province = await t.database.db.selectFrom('counters').select('id').where('agency_id', '=', await t.agencyId('000.00.00.H40')).executeTakeFirstOrThrow();
    provinceCounterId = province.id;
  });
  afterAll(async () => t?.close());

  const poster = async (agent: Agent, url: string) => {
    const res = await agent.get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="ap-phich-qr-/);
    return res.rawPayload;
  };

  it('prints the counter’s poster: its name, and QR codes to its agency’s procedures, to rating and to feedback', async () => {
    const pdf = await poster(officer, `/api/v1/counters/${counterId}/qr-poster`);
    const text = flat(pdfText(pdf));
    for (const expected of ['BỘ PHẬN MỘT CỬA', 'Bộ phận Một cửa xã Giao Thủy', 'THỦ TỤC HÀNH CHÍNH TẠI ĐÂY', 'ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG', 'PHẢN ÁNH, KIẾN NGHỊ', 'In ngày 16/03/2026']) {
      expect(text).toContain(expected);
    }
    expect(qrCodes(pdf).sort()).toEqual([
      `${base}/ho-so-cua-toi`, `${base}/phan-anh?co-quan=000.41.00.H40`, `${base}/thu-tuc?co-quan=000.41.00.H40`,
    ]);
  });

  it('prints a procedure’s poster with its name, legal time, fee, national code and QR codes to its page and to online submission', async () => {
    const pdf = await poster(officer, `/api/v1/counters/${counterId}/procedures/1.000894/qr-poster`);
    const text = flat(pdfText(pdf));
    for (const expected of ['ỦY BAN NHÂN DÂN XÃ GIAO THỦY', 'Đăng ký kết hôn', 'Mã thủ tục: 1.000894', 'THỜI HẠN GIẢI QUYẾT', '5 ngày làm việc', 'Miễn phí', 'Trực tiếp tại: Bộ phận Một cửa xã Giao Thủy']) {
      expect(text).toContain(expected);
    }
    expect(qrCodes(pdf).sort()).toEqual([`${base}/nop-ho-so/1.000894`, `${base}/thu-tuc/1.000894`]);
  });

  it('leaves a local placeholder code off the poster, in its text and under its QR codes, which still open the procedure', async () => {
    const pdf = await poster(officer, `/api/v1/counters/${counterId}/procedures/DEMO.003/qr-poster`);
    const text = flat(pdfText(pdf));
    expect(text).toContain('Đăng ký kết hôn có yếu tố nước ngoài');
    expect(text).toContain('10 ngày làm việc');
    expect(text).toContain('1.500.000 đồng');
    expect(text).not.toContain('DEMO');
    expect(qrCodes(pdf).sort()).toEqual([`${base}/nop-ho-so/DEMO.003`, `${base}/thu-tuc/DEMO.003`]);
  });

  it('lists what is due in each case, with the online amount when it is lower, and the exemptions', async () => {
    const manager = await t.signIn('quanly.tinh');
    const text = flat(pdfText(await poster(manager, `/api/v1/counters/${provinceCounterId}/procedures/DEMO.014/qr-poster`), { layout: false }));
    expect(text).toContain('8 ngày làm việc');
    // The charge (50.000 đồng, 25.000 online) and the fee of the case, added up.
    expect(text).toContain('Thửa đất dưới 500 m²: 550.000 đồng (nộp trực tuyến: 525.000 đồng)');
    expect(text).toContain('Miễn: Hộ nghèo');
  });

  it('refuses a procedure the counter’s agency does not handle, and one that does not exist', async () => {
    const elsewhere = await officer.get(`/api/v1/counters/${counterId}/procedures/DEMO.014/qr-poster`);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(elsewhere.json().code).toBe('procedure.not_implemented_here');
    const unknown = await officer.get(`/api/v1/counters/${counterId}/procedures/9.999999/qr-poster`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('procedure.not_found');
  });

  it('lets the agency’s leader print them, and refuses staff of another agency, other roles and the public', async () => {
    const urls = [`/api/v1/counters/${counterId}/qr-poster`, `/api/v1/counters/${counterId}/procedures/1.000894/qr-poster`];
    const leader = await t.signIn('lanhdao.giaothuy');
    for (const url of urls) await poster(leader, url);
    for (const who of ['canbo.giaominh', 'lanhdao.giaominh', 'chuyenvien.giaothuy']) {
      const agent = await t.signIn(who);
      for (const url of urls) {
        const res = await agent.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.json().code).toBe('counter.not_found');
      }
    }
    const citizen = await t.signInCitizen('036090001234');
    for (const url of urls) {
      expect((await t.anonymous().get(url)).statusCode).toBe(401);
      expect((await citizen.get(url)).statusCode).toBe(401);
    }
  });
});
