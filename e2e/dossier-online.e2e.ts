/**
 * The online journey, in real Chromium against the real server (`npm start`, fresh demo
 * database): a citizen finds "Đăng ký kết hôn" on the portal by typing without diacritics, files it
 * online with a scanned paper and gets a code; the officer of xã Giao Thủy receives it from the
 * inbox (the clock starts) and transfers it; the specialist asks for a supplement (the clock
 * stops); the citizen sends the supplement online on the status page with the security code of the
 * receipt (a wrong code is refused; the clock stays stopped) and the officer, who sees the file,
 * receives it (the clock runs again); the specialist forwards, the
 * leader records the result, the officer returns it; the citizen rates the service. The public
 * page, looked up by its code, shows every status on the way, with the applicant's initials only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { flat, pdfText } from '../apps/server/test/support/pdf-tools.ts';
import { launchBrowser } from './support/browser.ts';
import {
  actionButtons, attachFile, expectConsoleStatus, journeySteps, lookUpPublicly, newPerson, openFromInbox, publicFact, samplePdf,
  signIn, startJourneyServer, takeAction, vietnamToday, workarounds, workingHoursLeft, type Person, type StatusLabel,
} from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const applicant = { fullName: 'Trần Thị Bích Ngọc', initials: 'T.T.B.N.', private: ['0987 654 321', '0987654321', 'Xóm 3'] };
const scan = { name: 'to-khai-ket-hon-tran-thi-bich-ngoc.pdf', mimeType: 'application/pdf', buffer: samplePdf('TO KHAI DANG KY KET HON - TRAN THI BICH NGOC') };
const supplementReason = 'Giấy xác nhận tình trạng hôn nhân của bên nữ (bản chính)';
const supplementScan = { name: 'giay-xac-nhan-tinh-trang-hon-nhan.pdf', mimeType: 'application/pdf', buffer: samplePdf('GIAY XAC NHAN TINH TRANG HON NHAN - TRAN THI BICH NGOC') };

/** The console's "Thời gian giải quyết" (the legal clock) on a dossier page. */
async function consoleClock(page: Page): Promise<string> {
  const label = page.getByText('Thời gian giải quyết', { exact: true });
  return (await label.locator('xpath=following-sibling::*[1]').innerText()).replace(/\s+/g, ' ').trim();
}

describe('online journey: Đăng ký kết hôn filed on the portal, with a supplement, rated', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: Person;
  let officer: Person;
  let specialist: Person;
  let leader: Person;
  const step = journeySteps(() => [citizen, officer, specialist, leader]);
  let code = '';
  let secret = '';

  const publicStatus = (status: StatusLabel): Promise<Locator> => lookUpPublicly(citizen, code, { via: 'lookup-box', status, applicant });

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    citizen = await newPerson(browser, server.baseUrl, 'citizen');
    officer = await newPerson(browser, server.baseUrl, 'officer');
    specialist = await newPerson(browser, server.baseUrl, 'specialist');
    leader = await newPerson(browser, server.baseUrl, 'leader');
  });

  afterAll(async () => {
    const errors = [citizen, officer, specialist, leader].filter(Boolean).flatMap((p) => p.consoleErrors);
    if (errors.length) console.warn(`browser console errors:\n  ${errors.join('\n  ')}`);
    if (workarounds.length) console.warn(`workarounds (known problems):\n  ${workarounds.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('a citizen finds the procedure by typing "dang ky ket hon" without diacritics', () => step('search', async () => {
    const { page } = citizen;
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('dang ky ket hon');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'cho “dang ky ket hon”' }).waitFor();
    await page.getByRole('link', { name: 'Đăng ký kết hôn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký kết hôn', exact: true }).waitFor();
    await page.getByText('1.000894', { exact: true }).waitFor();
  }));

  it('files it online with a scanned paper and gets the code', () => step('submit', async () => {
    const { page } = citizen;
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    // Nothing filled yet: the form says what is missing.
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByText('Vui lòng kiểm tra lại các mục được đánh dấu đỏ.').waitFor();

    const agency = page.getByRole('combobox', { name: 'Cơ quan tiếp nhận' });
    await agency.click();
    await agency.fill('Giao Thủy');
    await page.getByRole('option', { name: 'Ủy ban nhân dân xã Giao Thủy', exact: true }).click();
    // The procedure has a declaration e-form; this citizen, not signed in, uploads the scanned declaration instead.
    await page.getByRole('radiogroup', { name: 'Cách nộp tờ khai' }).getByText('Tải lên bản quét tờ khai', { exact: true }).click();
    await expect.poll(() => page.getByTestId('eform').count()).toBe(0);
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(applicant.fullName);
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0987 654 321');
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('Xóm 3, xã Giao Thủy, tỉnh Ninh Bình');
    await attachFile(page, page.getByRole('button', { name: 'Đính kèm bản quét: Tờ khai đăng ký kết hôn' }), scan);
    await page.getByText(scan.name, { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: /^Tôi cam đoan/ }).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    await page.getByRole('heading', { name: 'Đã nộp hồ sơ', exact: true }).waitFor();
    const receipt = page.getByTestId('submission-receipt');
    code = (await page.getByTestId('submission-code').innerText()).trim();
    secret = (await page.getByTestId('submission-secret').innerText()).trim();
    expect(secret.length).toBeGreaterThan(10);
    expect(code).toMatch(new RegExp(`^000\\.41\\.00\\.H40-${vietnamToday()}-\\d{4,}$`));
    const text = await receipt.innerText();
    expect(text).toContain('Hồ sơ đã được gửi tới Ủy ban nhân dân xã Giao Thủy.');
    expect(text).toContain('Mã bảo mật');
  }));

  it('the public page shows "Chờ tiếp nhận", no appointment yet', () => step('public: submitted', async () => {
    const { page } = citizen;
    await page.getByRole('link', { name: 'Tra cứu tình trạng hồ sơ' }).click();
    await page.getByRole('region', { name: code }).getByText('Chờ tiếp nhận', { exact: true }).waitFor();
    const section = await publicStatus('Chờ tiếp nhận');
    expect(await publicFact(section, 'Ngày tiếp nhận')).toBe('Chưa tiếp nhận');
    expect(await publicFact(section, 'Ngày hẹn trả kết quả')).toBe('Sẽ có sau khi hồ sơ được tiếp nhận');
    expect(await section.getByRole('term').filter({ hasText: /^Thời gian còn lại$/ }).count()).toBe(0);
  }));

  it('the officer receives it from the inbox, which starts the clock, and transfers it', () => step('receive', async () => {
    const { page } = officer;
    await signIn(officer, 'canbo.giaothuy');
    await openFromInbox(page, code, 'Chờ tiếp nhận');
    expect(await consoleClock(page)).toBe('Chưa tính thời gian (hồ sơ chưa được tiếp nhận)');
    await takeAction(page, 'Tiếp nhận hồ sơ', async (dialog) => {
      await dialog.getByText('Hệ thống lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) để in và giao cho người nộp.').waitFor();
    });
    await expectConsoleStatus(page, code, 'Đã tiếp nhận');
    // The legal time is 5 working days (40 working hours), counted from now.
    expect(workingHoursLeft(await consoleClock(page))).toBeGreaterThanOrEqual(39);

    const section = await publicStatus('Đã tiếp nhận');
    expect(await publicFact(section, 'Ngày tiếp nhận')).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/);
    expect(await publicFact(section, 'Ngày hẹn trả kết quả')).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/);
    expect(workingHoursLeft(await publicFact(section, 'Thời gian còn lại'))).toBeGreaterThanOrEqual(39);

    await takeAction(page, 'Chuyển xử lý');
    await expectConsoleStatus(page, code, 'Đang xử lý');
    await publicStatus('Đang xử lý');
  }));

  it('the specialist requests a supplement with a reason: "Chờ bổ sung", the clock stopped', () => step('request supplement', async () => {
    const { page } = specialist;
    await signIn(specialist, 'chuyenvien.giaothuy');
    await openFromInbox(page, code, 'Đang xử lý');
    await takeAction(page, 'Yêu cầu bổ sung hồ sơ', async (dialog) => {
      await dialog.getByRole('textbox', { name: 'Nội dung 1' }).fill(supplementReason);
    });
    await expectConsoleStatus(page, code, 'Chờ bổ sung');
    await expect.poll(() => consoleClock(page)).toContain('Tạm dừng tính thời gian');

    // Form 02, issued with the request, lists the reason.
    const form02 = page.getByRole('region', { name: 'In phiếu' }).getByRole('link', { name: /Mẫu 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ/ });
    const res = await page.request.get((await form02.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    const text = flat(pdfText(await res.body()));
    expect(text).toContain(code);
    expect(text).toContain(supplementReason);

    const section = await publicStatus('Chờ bổ sung');
    expect(await publicFact(section, 'Thời gian còn lại')).toBe('Tạm dừng tính thời gian');
    await section.getByText('Hồ sơ cần bổ sung giấy tờ. Thời gian giải quyết tạm dừng cho tới khi Ủy ban nhân dân xã Giao Thủy nhận đủ hồ sơ bổ sung.').waitFor();
    // The administration's reasons are shown, so the citizen knows what to send.
    await section.getByText(supplementReason, { exact: true }).waitFor();
  }));

  it('the citizen sends the supplement online with the security code: "Đã nộp bổ sung", the clock still stopped', () => step('supplement online', async () => {
    const { page } = citizen;
    await publicStatus('Chờ bổ sung');
    const form = page.getByRole('region', { name: 'Nộp bổ sung trực tuyến' });
    await attachFile(page, form.getByRole('button', { name: 'Đính kèm bản quét: Giấy xác nhận tình trạng hôn nhân' }), supplementScan);
    await form.getByText(supplementScan.name, { exact: true }).waitFor();
    await form.getByRole('textbox', { name: 'Ghi chú cho cán bộ (không bắt buộc)' }).fill('Gửi bản chụp bản chính giấy xác nhận.');
    // Without the code, then with a wrong one: refused, nothing sent.
    await form.getByRole('button', { name: 'Nộp bổ sung', exact: true }).click();
    await form.getByText('Vui lòng nhập mã bảo mật.').waitFor();
    const secretBox = form.getByLabel('Mã bảo mật của hồ sơ');
    await secretBox.fill('ma-bao-mat-sai');
    await form.getByRole('button', { name: 'Nộp bổ sung', exact: true }).click();
    await form.getByText(/Mã bảo mật của hồ sơ không đúng/).waitFor();
    await secretBox.fill(secret);
    await form.getByRole('button', { name: 'Nộp bổ sung', exact: true }).click();
    await form.getByText('Đã nộp bổ sung, chờ cán bộ tiếp nhận', { exact: true }).waitFor();
    // The officer has not received it yet: the clock stays stopped (docs/rules/time.md).
    const section = await publicStatus('Chờ bổ sung');
    expect(await publicFact(section, 'Thời gian còn lại')).toBe('Tạm dừng tính thời gian');
    await section.getByText('Nộp bổ sung trực tuyến', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Nộp bổ sung trực tuyến' }).getByText('Đã nộp bổ sung, chờ cán bộ tiếp nhận', { exact: true }).waitFor();
  }));

  it('the officer sees the supplement sent online and receives it: the clock runs again', () => step('receive supplement', async () => {
    const { page } = officer;
    await openFromInbox(page, code, 'Chờ bổ sung');
    await page.getByRole('link', { name: new RegExp(supplementScan.name) }).waitFor();
    await page.getByText('Nộp bổ sung trực tuyến', { exact: true }).first().waitFor();
    expect(await actionButtons(page)).toContain('Tiếp nhận hồ sơ bổ sung');
    await takeAction(page, 'Tiếp nhận hồ sơ bổ sung', (dialog) =>
      dialog.getByRole('textbox', { name: 'Ghi chú (không bắt buộc)' }).fill('Đã kiểm tra bản chụp giấy xác nhận tình trạng hôn nhân gửi trực tuyến.'));
    await expectConsoleStatus(page, code, 'Đang xử lý');
    const section = await publicStatus('Đang xử lý');
    expect(workingHoursLeft(await publicFact(section, 'Thời gian còn lại'))).toBeGreaterThanOrEqual(38);
  }));

  it('the specialist forwards, the leader records the result, the officer returns it', () => step('resolve and return', async () => {
    await openFromInbox(specialist.page, code, 'Đang xử lý');
    await takeAction(specialist.page, 'Chuyển bước tiếp theo');
    await expect.poll(() => actionButtons(specialist.page)).not.toContain('Chuyển bước tiếp theo');
    await publicStatus('Đang xử lý');

    await signIn(leader, 'lanhdao.giaothuy');
    await openFromInbox(leader.page, code, 'Đang xử lý');
    await takeAction(leader.page, 'Có kết quả');
    await expectConsoleStatus(leader.page, code, 'Đã có kết quả');
    await publicStatus('Đã có kết quả');

    await openFromInbox(officer.page, code, 'Đã có kết quả');
    await takeAction(officer.page, 'Trả kết quả');
    await expectConsoleStatus(officer.page, code, 'Đã trả kết quả');
  }));

  it('the citizen sees "Đã trả kết quả" and rates the service', () => step('rate', async () => {
    const { page } = citizen;
    await publicStatus('Đã trả kết quả');
    const rating = page.getByRole('region', { name: 'Đánh giá mức độ hài lòng' });
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Vui lòng chọn một mức đánh giá.').waitFor();
    await rating.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await rating.getByRole('textbox', { name: 'Góp ý (không bắt buộc)' }).fill('Cán bộ hướng dẫn nhiệt tình, trả kết quả đúng hẹn.');
    // Only the applicant rates: with the security code of the online receipt.
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Vui lòng nhập mã bảo mật, hoặc quét mã QR đánh giá trên giấy tiếp nhận.').waitFor();
    await rating.getByLabel('Mã bảo mật của hồ sơ').fill(secret);
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp cơ quan phục vụ tốt hơn.').waitFor();
    // Rated once: the page remembers it.
    await page.reload();
    await page.getByText('Hồ sơ này đã được đánh giá. Cảm ơn bạn.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    expect([citizen, officer, specialist, leader].flatMap((p) => p.pageErrors)).toEqual([]);
  }));
});
