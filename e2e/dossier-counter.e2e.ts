/**
 * The counter journey, in real Chromium against the real server (`npm start`, fresh demo
 * database): a one-stop officer of xã Giao Thủy receives an "Đăng ký kết hôn" (1.000894) dossier
 * at the counter with a scanned paper, prints the receipt and appointment (form 01: its text and
 * its QR code are read back), finds it in this month's tracking book (form 07, printed from the
 * inbox), transfers it; the specialist forwards it from the inbox, the leader records the result,
 * the officer returns it. After every step an anonymous visitor looks the dossier up on the public
 * portal and sees the right status, with the applicant's initials only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { computeDueAt, createWorkingCalendar, parseHolidaySchedules, type ProcessingTime } from '@motcua/domain';
import { bundledHolidaySchedules } from '../apps/server/src/infra/reference-data.ts';
import { testNow } from '../apps/server/test/support/clock.ts';
import { flat, pdfText, qrCodes } from '../apps/server/test/support/pdf-tools.ts';
import { launchBrowser } from './support/browser.ts';
import {
  actionButtons, appointmentWording, attachFile, consoleNav, expectConsoleStatus, journeySteps, lookUpPublicly, newPerson,
  openFromInbox, samplePdf, signIn, startJourneyServer, takeAction, vietnamToday, workarounds, type Person, type StatusLabel,
} from './support/journey.ts';
import { repoRoot, type RunningServer } from './support/server.ts';

const applicant = { fullName: 'Nguyễn Văn Hưởng', initials: 'N.V.H.', private: ['036090001234', '0912 345 678', '0912345678'] };
const scan = { name: 'to-khai-dang-ky-ket-hon.pdf', mimeType: 'application/pdf', buffer: samplePdf('TO KHAI DANG KY KET HON - NGUYEN VAN HUONG') };

/**
 * The appointment of a marriage registration received at `at`, by the domain's own rule: the
 * procedure's time in the demo catalogue on the standard calendar with the bundled holidays
 * (xã Giao Thủy keeps the standard hours). Whatever the hour, the day of the week or the holidays.
 */
function appointmentFor(at: number): number {
  const catalogue = JSON.parse(fs.readFileSync(path.join(repoRoot, 'bundles/demo/procedures.json'), 'utf8')) as Array<{
    code: string; processingTime: ProcessingTime; lateReceiptWindowMinutes?: number;
  }>;
  const procedure = catalogue.find((p) => p.code === '1.000894')!;
  const calendar = createWorkingCalendar({ officialSchedules: parseHolidaySchedules(bundledHolidaySchedules()) });
  return computeDueAt(calendar, {
    receivedAt: at,
    duration: procedure.processingTime,
    ...(procedure.lateReceiptWindowMinutes ? { lateReceiptWindowMinutes: procedure.lateReceiptWindowMinutes } : {}),
  });
}

describe('counter journey: Đăng ký kết hôn received at the counter, processed, returned', () => {
  let server: RunningServer;
  let browser: Browser;
  let officer: Person;
  let specialist: Person;
  let leader: Person;
  let visitor: Person;
  const step = journeySteps(() => [officer, specialist, leader, visitor]);
  let code = '';
  let appointment = '';
  let statusUrl = '';
  let ratingUrl = '';

  const publicStatus = (status: StatusLabel) => lookUpPublicly(visitor, code, { via: 'lookup-box', status, applicant });

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    officer = await newPerson(browser, server.baseUrl, 'officer');
    specialist = await newPerson(browser, server.baseUrl, 'specialist');
    leader = await newPerson(browser, server.baseUrl, 'leader');
    visitor = await newPerson(browser, server.baseUrl, 'visitor');
  });

  afterAll(async () => {
    const people = [officer, specialist, leader, visitor].filter(Boolean);
    const errors = people.flatMap((p) => p.consoleErrors);
    if (errors.length) console.warn(`browser console errors:\n  ${errors.join('\n  ')}`);
    if (workarounds.length) console.warn(`workarounds (known problems):\n  ${workarounds.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('the officer receives the dossier at the counter with a scanned paper', () => step('intake', async () => {
    const { page } = officer;
    await signIn(officer, 'canbo.giaothuy');
    await consoleNav(page).getByRole('link', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();

    // 1. The procedure, found as the officer types.
    await page.getByRole('combobox', { name: 'Tìm thủ tục' }).fill('kết hôn');
    await page.getByRole('option').filter({ hasText: '1.000894' }).filter({ hasText: 'Đăng ký kết hôn' }).click();

    // 2. The applicant.
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(applicant.fullName);
    await page.getByRole('textbox', { name: 'Số định danh cá nhân (CCCD)' }).fill('036090001234');
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912 345 678');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // 3. The papers: both ticked, the declaration scanned (the optional ID card copy is not brought).
    await page.getByText('Còn thiếu 1 thành phần bắt buộc (đánh dấu *).').waitFor();
    await page.getByRole('checkbox', { name: 'Đã nhận: Tờ khai đăng ký kết hôn' }).check();
    await page.getByRole('checkbox', { name: 'Đã nhận: Giấy xác nhận tình trạng hôn nhân' }).check();
    await attachFile(page, page.getByRole('button', { name: 'Đính kèm bản quét: Tờ khai đăng ký kết hôn' }), scan);
    await page.getByRole('link', { name: scan.name }).waitFor();
    await page.getByText('Đã nhận đủ thành phần bắt buộc.').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // 4. The decision: receive.
    await page.getByText(`${applicant.fullName} · đã nhận 2/3 thành phần · 1 tệp quét · 1 bộ`).waitFor();
    expect(await page.getByRole('radio', { name: /^Tiếp nhận/ }).isChecked()).toBe(true);
    const before = testNow().getTime();
    await page.getByRole('button', { name: 'Tiếp nhận và cấp phiếu hẹn' }).click();

    // The result card: the code and the appointment, large.
    // (The card's title is announced as a status: role="status" on the <h2>, so it is no heading for assistive technology.)
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ', exact: true }).waitFor();
    const card = page.getByTestId('intake-result');
    await expect.poll(() => card.innerText()).toContain(applicant.fullName);
    code = (await page.getByTestId('intake-code').innerText()).trim();
    expect(code).toMatch(new RegExp(`^000\\.41\\.00\\.H40-${vietnamToday()}-\\d{4,}$`));
    appointment = (await page.getByTestId('intake-appointment').innerText()).trim();
    const after = testNow().getTime();
    const [, d, mo, y, h, mi] = (/^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(appointment) ?? []).map(Number);
    // The screen shows Vietnam's wall time (UTC+7) to the minute. The server received the dossier
    // between the click and the card; its clock may lag the tests' by its start-up time (a
    // minute is ample).
    const shown = Date.UTC(y!, mo! - 1, d!, h! - 7, mi!);
    const minute = 60_000;
    expect(shown).toBeGreaterThanOrEqual(Math.floor(appointmentFor(before - minute) / minute) * minute);
    expect(shown).toBeLessThanOrEqual(appointmentFor(after));
    const text = await card.innerText();
    expect(text).toContain('Mã hồ sơ');
    expect(text).toContain('Hẹn trả kết quả');
  }));

  it('the officer prints form 01: its Vietnamese text and its QR code are right', () => step('form 01', async () => {
    const { page, context } = officer;
    const print = page.getByRole('link', { name: 'In phiếu hẹn (mẫu 01)' });
    const href = await print.getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/dossiers\/\d+\/forms\/01$/);
    // The link opens the PDF in a new tab (Chromium's viewer, which hands Playwright its own
    // HTML as the body); the bytes are fetched again with the officer's session.
    const [popup, shown] = await Promise.all([
      context.waitForEvent('page'),
      context.waitForEvent('response', (r) => new URL(r.url()).pathname === href),
      print.click(),
    ]);
    expect(shown.status()).toBe(200);
    expect(shown.headers()['content-type']).toContain('application/pdf');
    expect(new URL(popup.url()).pathname).toBe(href);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    const pdf = await res.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = flat(pdfText(pdf));
    for (const phrase of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      applicant.fullName,
      code,
      'Đăng ký kết hôn',
      'Tờ khai đăng ký kết hôn',
      `5. Thời gian trả kết quả giải quyết hồ sơ: ${appointmentWording(appointment)}`,
    ]) expect(text).toContain(phrase);
    // Two QR codes: the status page, and the applicant's one-time rating address (labelled).
    const qr = qrCodes(pdf);
    statusUrl = `${server.baseUrl}/tra-cuu/${code}`;
    expect(qr).toHaveLength(2);
    expect(qr).toContain(statusUrl);
    // The rating code opens the counter kiosk's rating page for this dossier, its one-time token in the fragment.
    ratingUrl = qr.find((c) => c !== statusUrl)!;
    expect(ratingUrl.startsWith(`${server.baseUrl}/danh-gia/${code}#`)).toBe(true);
    expect(text).toContain('ĐÁNH GIÁ HÀI LÒNG');
    await popup.close();
  }));

  it('the officer prints this month\'s tracking book (form 07) from the inbox: the new dossier is in it', () => step('form 07', async () => {
    // A second tab: the intake result stays open for the steps that follow.
    const page = await officer.context.newPage();
    await page.goto('/console/ho-so');
    await page.getByRole('heading', { level: 1, name: 'Hộp thư hồ sơ' }).waitFor();
    await page.getByRole('button', { name: 'Sổ theo dõi (mẫu 07)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sổ theo dõi hồ sơ (mẫu 07)' });
    // The commune has one counter: it is chosen already.
    await expect.poll(() => dialog.getByLabel(/^Bộ phận một cửa/).inputValue()).toBe('Bộ phận Một cửa xã Giao Thủy');
    await dialog.getByRole('button', { name: 'Tháng này' }).click();
    expect(await dialog.getByRole('button', { name: 'Tháng này' }).getAttribute('aria-pressed')).toBe('true');
    const [yy, mm, dd] = vietnamToday().match(/\d{2}/g)!;
    expect(await dialog.getByLabel('Từ ngày').innerText()).toBe(`01/${mm}/20${yy}`);
    expect(await dialog.getByLabel('Đến ngày').innerText()).toBe(`${dd}/${mm}/20${yy}`);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Tải PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`so-theo-doi-MC-20${yy}-${mm}-01-20${yy}-${mm}-${dd}.pdf`);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Codes wrap after their hyphen in the narrow column: "000.41.00.H40-" / "261127-0001".
    const text = flat(pdfText(pdf, { layout: false })).replace(/- /g, '-');
    for (const phrase of ['SỔ THEO DÕI HỒ SƠ', 'Bộ phận Một cửa xã Giao Thủy', `Từ ngày 01/${mm}/20${yy} đến ngày ${dd}/${mm}/20${yy}`, code, applicant.fullName]) {
      expect(text).toContain(phrase);
    }
    await page.close();
  }));

  it('a visitor opens the QR code\'s address and looks the code up: "Đã tiếp nhận"', () => step('public: received', async () => {
    await lookUpPublicly(visitor, code, { via: { url: statusUrl }, status: 'Đã tiếp nhận', applicant });
    await publicStatus('Đã tiếp nhận');
  }));

  it('the officer opens the dossier, sees the scan, and transfers it: "Đang xử lý"', () => step('transfer', async () => {
    const { page } = officer;
    await page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await expectConsoleStatus(page, code, 'Đã tiếp nhận');
    // The scan is kept with its paper, byte for byte. (The page lists it as "Tệp 1"; the API now
    // has the file's name, which the page may show instead.)
    const file = page.getByRole('row').filter({ hasText: 'Tờ khai đăng ký kết hôn' }).getByRole('link', { name: /^(Tệp 1|to-khai-dang-ky-ket-hon\.pdf)$/ });
    const stored = await page.request.get((await file.getAttribute('href'))!);
    expect(stored.status()).toBe(200);
    expect(Buffer.compare(await stored.body(), scan.buffer)).toBe(0);
    await takeAction(page, 'Chuyển xử lý');
    await expectConsoleStatus(page, code, 'Đang xử lý');
    await expect.poll(() => actionButtons(page)).not.toContain('Chuyển xử lý');
    await publicStatus('Đang xử lý');
  }));

  it('the specialist finds it in the inbox and forwards it to the leader', () => step('forward', async () => {
    const { page } = specialist;
    await signIn(specialist, 'chuyenvien.giaothuy');
    await openFromInbox(page, code, 'Đang xử lý');
    expect(await actionButtons(page)).toContain('Chuyển bước tiếp theo');
    await takeAction(page, 'Chuyển bước tiếp theo', (dialog) => dialog.getByRole('textbox', { name: 'Ghi chú (không bắt buộc)' }).fill('Hồ sơ đầy đủ, hợp lệ; đề nghị lãnh đạo ký.'));
    await expectConsoleStatus(page, code, 'Đang xử lý');
    // The step is the leader's now: the specialist can no longer forward it.
    await expect.poll(() => actionButtons(page)).not.toContain('Chuyển bước tiếp theo');
    await publicStatus('Đang xử lý');
  }));

  it('the leader records the result: "Đã có kết quả"', () => step('resolve', async () => {
    const { page } = leader;
    await signIn(leader, 'lanhdao.giaothuy');
    await openFromInbox(page, code, 'Đang xử lý');
    await takeAction(page, 'Có kết quả');
    await expectConsoleStatus(page, code, 'Đã có kết quả');
    await publicStatus('Đã có kết quả');
  }));

  it('the officer returns the result: "Đã trả kết quả"', () => step('return', async () => {
    const { page } = officer;
    await openFromInbox(page, code, 'Đã có kết quả');
    await takeAction(page, 'Trả kết quả');
    await expectConsoleStatus(page, code, 'Đã trả kết quả');
    await publicStatus('Đã trả kết quả');
  }));

  it('the applicant scans the rating QR code of the receipt at the kiosk and rates, once; a visitor with the code alone cannot', () => step('rate', async () => {
    const { page } = visitor;
    // With the code alone: the form asks for the applicant's proof.
    await page.goto(statusUrl);
    const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await rating.getByRole('radio', { name: 'Rất hài lòng', exact: true }).check();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Vui lòng nhập mã bảo mật, hoặc quét mã QR đánh giá trên giấy tiếp nhận.').waitFor();
    await rating.getByLabel('Mã bảo mật của hồ sơ').fill('doan-bua-123');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Mã bảo mật hoặc mã đánh giá không đúng hoặc đã được sử dụng').waitFor();
    // The applicant's phone opens the rating QR code's address: the kiosk page of this dossier, the token in the fragment.
    await page.goto('about:blank');
    await page.goto(ratingUrl);
    await page.getByText(`Hồ sơ ${code}`).waitFor();
    await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await page.getByText('Câu 1/9').waitFor();
    await page.getByRole('button', { name: 'Bỏ qua các câu còn lại' }).click();
    await page.getByRole('heading', { name: 'Góp ý thêm (không bắt buộc)' }).waitFor();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    // The same code again: refused, once is once.
    await page.goto('about:blank');
    await page.goto(ratingUrl);
    await page.getByRole('alert').getByText('Hồ sơ này đã được đánh giá.', { exact: false }).waitFor();
    expect([officer, specialist, leader, visitor].flatMap((p) => p.pageErrors)).toEqual([]);
  }));
});
