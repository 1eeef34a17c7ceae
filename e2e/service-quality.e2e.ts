/**
 * The service-quality journey, in real Chromium against the real server (`npm start`, fresh demo
 * database): a dossier received at xã Giao Thủy's counter; its receipt (form 01) printed and the
 * rating token read from the receipt's rating QR code, as a phone camera or the counter's scanner
 * reads it (zbarimg); the dossier resolved and its result returned; at the counter's kiosk the
 * applicant scans that code and rates "Không hài lòng" with some of the nine criteria and a
 * comment, by touch; the kiosk thanks and resets itself; the same code scanned again is refused
 * in Vietnamese; the commune's leader signs in, finds the alert on the workspace and in
 * "Đánh giá hài lòng" with the criteria and the comment, and marks it handled; a citizen sends a
 * feedback to the commune from the portal; the province's manager opens the dashboard for today and
 * reads the service index, the commune's rank and the feedback figures, each as the API answered it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { testNow } from '../apps/server/test/support/clock.ts';
import { qrCodes } from '../apps/server/test/support/pdf-tools.ts';
import { formatDecimal, formatNumber } from '../apps/web/src/shared/format.ts';
import { launchBrowser } from './support/browser.ts';
import {
  consoleNav, expectConsoleStatus, journeySteps, newPerson, openFromInbox, signIn, startJourneyServer, takeAction, workarounds, type Person,
} from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const applicant = 'Đoàn Thị Mai';

describe('service quality: a low rating at the counter kiosk reaches the commune leader', () => {
  let server: RunningServer;
  let browser: Browser;
  let officer: Person;
  let specialist: Person;
  let leader: Person;
  let kiosk: Person;
  let citizen: Person;
  let manager: Person;
  const people = () => [officer, specialist, leader, kiosk, citizen, manager];
  const step = journeySteps(people);
  let code = '';
  let ratingUrl = '';

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    officer = await newPerson(browser, server.baseUrl, 'officer');
    specialist = await newPerson(browser, server.baseUrl, 'specialist');
    leader = await newPerson(browser, server.baseUrl, 'leader');
    kiosk = await newPerson(browser, server.baseUrl, 'kiosk');
    citizen = await newPerson(browser, server.baseUrl, 'citizen');
    manager = await newPerson(browser, server.baseUrl, 'manager');
  });

  afterAll(async () => {
    const errors = people().filter(Boolean).flatMap((p) => p.consoleErrors);
    if (errors.length) console.warn(`browser console errors:\n  ${errors.join('\n  ')}`);
    if (workarounds.length) console.warn(`workarounds (known problems):\n  ${workarounds.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('the officer receives a marriage registration at the counter', () => step('intake', async () => {
    const { page } = officer;
    await signIn(officer, 'canbo.giaothuy');
    await consoleNav(page).getByRole('link', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByRole('combobox', { name: 'Tìm thủ tục' }).fill('kết hôn');
    await page.getByRole('option').filter({ hasText: '1.000894' }).click();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(applicant);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('checkbox', { name: 'Đã nhận: Tờ khai đăng ký kết hôn' }).check();
    await page.getByRole('checkbox', { name: 'Đã nhận: Giấy xác nhận tình trạng hôn nhân' }).check();
    await page.getByText('Đã nhận đủ thành phần bắt buộc.').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Tiếp nhận và cấp phiếu hẹn' }).click();
    await page.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ', exact: true }).waitFor();
    code = (await page.getByTestId('intake-code').innerText()).trim();
    expect(code).toMatch(/^000\.41\.00\.H40-\d{6}-\d{4,}$/);
  }));

  it('form 01 is printed: its rating QR code opens the rating page with a one-time token in the fragment', () => step('form 01', async () => {
    const { page } = officer;
    const href = await page.getByRole('link', { name: 'In phiếu hẹn (mẫu 01)' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/dossiers\/\d+\/forms\/01$/);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    // What a phone camera or the counter's scanner reads off the printed receipt.
    const codes = qrCodes(await res.body());
    expect(codes).toContain(`${server.baseUrl}/tra-cuu/${code}`);
    ratingUrl = codes.find((c) => c.startsWith(`${server.baseUrl}/danh-gia/`))!;
    expect(ratingUrl).toMatch(new RegExp(`^${server.baseUrl}/danh-gia/${code.replace(/\./g, '\\.')}#[A-Za-z0-9_-]{24}$`));
  }));

  it('the dossier is handled and its result returned; the dossier page offers the rating QR code', () => step('resolve and return', async () => {
    await officer.page.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await expectConsoleStatus(officer.page, code, 'Đã tiếp nhận');
    await takeAction(officer.page, 'Chuyển xử lý');
    await signIn(specialist, 'chuyenvien.giaothuy');
    await openFromInbox(specialist.page, code, 'Đang xử lý');
    await takeAction(specialist.page, 'Chuyển bước tiếp theo');
    await signIn(leader, 'lanhdao.giaothuy');
    await openFromInbox(leader.page, code, 'Đang xử lý');
    await takeAction(leader.page, 'Có kết quả');
    await openFromInbox(officer.page, code, 'Đã có kết quả');
    await takeAction(officer.page, 'Trả kết quả');
    await expectConsoleStatus(officer.page, code, 'Đã trả kết quả');
    const panel = officer.page.getByRole('region', { name: 'Đánh giá của người nộp' });
    await panel.getByRole('link', { name: 'Phiếu đánh giá hài lòng (mã QR)' }).waitFor();
    await panel.getByRole('button', { name: 'Mời đánh giá trên màn hình quầy' }).waitFor();
  }));

  it('at the counter kiosk the applicant scans the receipt’s code and rates by touch: "Không hài lòng", some criteria, a comment', () => step('kiosk rating', async () => {
    const { page } = kiosk;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/danh-gia');
    await page.getByRole('heading', { name: 'Mời Ông/Bà quét mã QR đánh giá' }).waitFor();
    // The scanner types what it read and presses Enter.
    await page.getByRole('textbox', { name: 'Mã đánh giá' }).fill(ratingUrl);
    await page.keyboard.press('Enter');
    await page.getByText(`Hồ sơ ${code}`).waitFor();
    await page.getByRole('heading', { name: 'Ông/Bà hài lòng thế nào với việc giải quyết hồ sơ này?' }).waitFor();
    for (const button of await page.getByRole('button').all()) {
      const box = await button.boundingBox();
      if (box) expect(Math.min(box.height, box.width), `touch target "${await button.innerText()}"`).toBeGreaterThanOrEqual(64);
    }
    await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
    // Question 1 of 9, answered; 2 skipped; 3 and 4 answered; the rest skipped at once.
    await page.getByText('Câu 1/9').waitFor();
    await page.getByRole('button', { name: 'Chậm hơn quy định' }).click();
    await page.getByText('Câu 2/9').waitFor();
    await page.getByRole('button', { name: 'Bỏ qua câu này' }).click();
    await page.getByRole('button', { name: 'Từ 3 lần trở lên' }).click();
    await page.getByRole('button', { name: '2 cơ quan, đơn vị' }).click();
    await page.getByText('Câu 5/9').waitFor();
    await page.getByRole('button', { name: 'Bỏ qua các câu còn lại' }).click();
    await page.getByRole('heading', { name: 'Góp ý thêm (không bắt buộc)' }).waitFor();
    await page.getByText('Mức đánh giá: Không hài lòng · Đã trả lời 3/9 câu hỏi thêm').waitFor();
    await page.getByRole('button', { name: 'Phải đi lại nhiều lần' }).click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).waitFor();
    await page.getByText('Ý kiến đã được chuyển đến lãnh đạo đơn vị để xem xét, khắc phục.').waitFor();
  }));

  it('the kiosk resets itself for the next citizen, and the same code scanned again is refused', () => step('second rating refused', async () => {
    const { page } = kiosk;
    // Back to the waiting screen on its own after a few seconds.
    await page.getByRole('heading', { name: 'Mời Ông/Bà quét mã QR đánh giá' }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/danh-gia');
    await page.getByRole('textbox', { name: 'Mã đánh giá' }).fill(ratingUrl);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Chưa đánh giá được' }).waitFor();
    await page.getByRole('alert').getByText('Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần; xin cảm ơn Ông/Bà').waitFor();
    expect(await page.getByRole('button', { name: 'Không hài lòng', exact: true }).count()).toBe(0);
  }));

  it('the leader finds the low rating on the workspace and in "Đánh giá hài lòng", with its criteria and comment, and marks it handled', () => step('leader alert', async () => {
    const { page } = leader;
    await page.goto('/console');
    const card = page.locator('[data-count="low-ratings"]');
    await card.getByText('Đánh giá thấp chưa xử lý').waitFor();
    await expect.poll(async () => Number((await card.locator('.motcua-figures').innerText()).trim())).toBeGreaterThanOrEqual(1);
    await consoleNav(page).getByRole('link', { name: 'Đánh giá hài lòng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đánh giá hài lòng' }).waitFor();
    const alert = page.getByRole('article').filter({ has: page.getByRole('link', { name: `Mở hồ sơ ${code}` }) });
    await alert.getByText('2 – Không hài lòng').waitFor();
    await alert.getByText(`Người nộp: ${applicant}`).waitFor();
    await alert.getByText('Phải đi lại nhiều lần').waitFor();
    for (const answer of ['Chậm hơn quy định (0/2)', 'Từ 3 lần trở lên (0/2)', '2 cơ quan, đơn vị (1/2)']) await alert.getByText(answer).waitFor();
    await alert.getByRole('button', { name: `Đánh dấu đã xử lý ${code}` }).click();
    const dialog = page.getByRole('dialog', { name: `Đánh dấu đã xử lý: ${code}` });
    await dialog.getByRole('textbox').fill('Đã gọi điện xin lỗi bà Mai; nhắc bộ phận một cửa hướng dẫn đủ một lần.');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The open list no longer has it; the full list shows who handled it.
    await expect.poll(() => page.getByRole('link', { name: `Mở hồ sơ ${code}` }).count()).toBe(0);
    // The segmented control's radio inputs are visually hidden: the officer clicks the label.
    await page.locator('label').filter({ hasText: /^Tất cả$/ }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Tất cả' }).isChecked()).toBe(true);
    const handled = page.getByRole('article').filter({ has: page.getByRole('link', { name: `Mở hồ sơ ${code}` }) });
    await handled.getByText(/Đã xử lý lúc .* bởi Đỗ Văn Hùng/).waitFor();
  }));

  it('a citizen sends a feedback to the commune from the portal and gets its code and due date', () => step('feedback', async () => {
    const { page } = citizen;
    // As the desk's QR poster links it: the commune is chosen already, and stays chosen after a look at another tab.
    await page.goto('/phan-anh?co-quan=000.41.00.H40');
    await page.getByTestId('feedback-page').waitFor();
    const agency = page.getByRole('combobox', { name: 'Cơ quan nhận' });
    await expect.poll(() => agency.inputValue()).toContain('xã Giao Thủy');
    await page.getByRole('tab', { name: 'Tra cứu' }).click();
    await page.getByRole('tab', { name: 'Gửi phản ánh' }).click();
    await expect.poll(() => agency.inputValue()).toContain('xã Giao Thủy');
    expect(new URL(page.url()).searchParams.get('co-quan')).toBe('000.41.00.H40');
    await page.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill('Đề nghị bố trí thêm ghế chờ tại Bộ phận Một cửa');
    await page.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('Buổi sáng người dân phải đứng chờ lâu. Đề nghị bố trí thêm ghế chờ.');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-receipt').waitFor();
    expect((await page.getByTestId('feedback-code').innerText()).trim()).toMatch(/^PAKN-\d{6}-[A-Z0-9]{6}$/);
  }));

  it('the province’s manager reads today’s service index, the commune’s rank and the feedback figures on the dashboard, as the API answered them', () => step('dashboard', async () => {
    const { page } = manager;
    await signIn(manager, 'quanly.tinh');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(testNow());
    const answered = (pathname: string) => page.waitForResponse((r) => new URL(r.url()).pathname === pathname && r.ok());
    const indexAnswer = answered('/api/v1/service-index');
    const feedbackAnswer = answered('/api/v1/feedback/figures');
    await page.goto(`/console/bao-cao?from=${today}&to=${today}&kind=custom`);
    type Row = { agency: string; agencyName: string; level: string; rank: number | null; of: number; total: number; indicators: Record<string, { numerator: number; denominator: number }> };
    const index = (await (await indexAnswer).json()) as { total: { total: number }; rows: Row[] };
    const feedback = (await (await feedbackAnswer).json()) as { total: { received: number; pending: number } };

    // The commune received this journey's dossier today and was rated 2 on it: it is ranked among the communes.
    const commune = index.rows.find((r) => r.agency === '000.41.00.H40')!;
    expect(commune.level).toBe('commune');
    expect(commune.rank).not.toBeNull();
    expect(commune.indicators.rating_average!.denominator).toBeGreaterThanOrEqual(1);
    expect(commune.indicators.satisfied!.denominator - commune.indicators.satisfied!.numerator).toBeGreaterThanOrEqual(1);
    const section = page.getByTestId('report-index');
    await section.getByRole('heading', { name: 'Chỉ số phục vụ người dân, doanh nghiệp' }).waitFor();
    await expect.poll(() => section.getByTestId('index-scope-total').innerText()).toContain(formatDecimal(index.total.total));
    const levels = section.getByTestId('index-levels');
    if (await levels.count()) await levels.getByText('Cấp xã', { exact: true }).click();
    const row = section.getByRole('row').filter({ has: page.getByRole('button', { name: /Xem chỉ số chi tiết của .*Giao Thủy/ }) });
    await row.getByLabel(`Xếp thứ ${commune.rank}/${commune.of}`).waitFor();
    // The cells after the rank: the total, then each group.
    expect((await row.locator('td').nth(1).innerText()).trim()).toBe(formatDecimal(commune.total));

    // Today's feedback, this journey's among it.
    expect(feedback.total.received).toBeGreaterThanOrEqual(1);
    const figures = page.getByTestId('report-feedback');
    await figures.getByRole('heading', { name: 'Phản ánh, kiến nghị' }).waitFor();
    await expect.poll(() => figures.locator('[data-card="received"]').innerText()).toContain(formatNumber(feedback.total.received));
    await expect.poll(() => figures.locator('[data-card="pending"]').innerText()).toContain(formatNumber(feedback.total.pending));
    expect(people().flatMap((p) => p.pageErrors)).toEqual([]);
  }));
});
