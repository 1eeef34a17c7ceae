/**
 * Paying a dossier's fee online, in real Chromium against the real server (`npm start`, fresh demo
 * database, its bundled sandbox payment gateway at /dev-payments speaking the VNPay protocol): a
 * citizen files "Đăng ký thành lập hộ kinh doanh" online (lệ phí 50.000 đồng online); the officer of xã
 * Giao Thủy receives it; on the public status page, with the security code of the receipt, the
 * citizen starts the online payment, cancels it at the gateway and is told so with the button to
 * pay again; pays (chooses a bank, "Thanh toán") and, back on Motcua, sees "Đã thanh toán" with the
 * electronic receipt's number, the fee no longer owed. The officer sees the payment in the console's
 * "Phí, lệ phí" panel and downloads its receipt, whose PDF carries that number; the provincial
 * manager's report page counts it as collected online in its "Phí, lệ phí" section. axe-core finds nothing critical or serious on
 * any page the journey visits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { testNow } from '../apps/server/test/support/clock.ts';
import { flat, pdfText } from '../apps/server/test/support/pdf-tools.ts';
import { expectAccessible } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import {
  attachFile, expectConsoleStatus, journeySteps, lookUpPublicly, newPerson, openFromInbox, samplePdf, signIn, startJourneyServer, takeAction,
  workarounds, type Person,
} from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

/** Its lệ phí is 100.000 đồng at the counter, 50.000 đồng filed online (bundles/demo/procedures.json), fixed at reception. */
const procedure = { code: '2.000720', name: 'Đăng ký thành lập hộ kinh doanh', fee: '50.000 đồng', amount: 50_000, gatewayAmount: /^50[.,]000/ };
const agencyCode = '000.41.00.H40';
/** A demo citizen of the bundled e-ID provider. */
const an = { personalId: '036090001234', fullName: 'Nguyễn Văn An', password: 'Vneid@2026' };
const applicant = { fullName: 'Phạm Quang Huy', initials: 'P.Q.H.', private: ['0915 222 333', '0915222333', 'Xóm 7'] };
const scan = { name: 'giay-de-nghi-dang-ky-ho-kinh-doanh.pdf', mimeType: 'application/pdf', buffer: samplePdf('GIAY DE NGHI DANG KY HO KINH DOANH - PHAM QUANG HUY') };

/** The portal's "Phí, lệ phí" section of the dossier's page. */
const feeSection = (page: Page): Locator => page.getByRole('region', { name: 'Phí, lệ phí' });
/** The outcome of a payment, back from the gateway: its `data-payment-status` says which. */
const outcome = (page: Page): Locator => page.getByTestId('payment-return');

/**
 * On the sandbox gateway's page: checks the amount, chooses `bank` and presses `button`; waits to be
 * back on Motcua's page of the dossier (`back`: the status page, or "Hồ sơ của tôi" signed in).
 */
async function atGateway(page: Page, bank: RegExp, button: 'Thanh toán' | 'Hủy', code: string, back = '/tra-cuu'): Promise<string> {
  await page.waitForURL((url) => url.pathname === '/dev-payments/vnpay/paymentv2/vpcpay.html');
  await page.getByRole('heading', { level: 1, name: 'Thanh toán trực tuyến' }).waitFor();
  expect(await page.getByTestId('sandbox-amount').innerText()).toMatch(procedure.gatewayAmount);
  await expectAccessible(page, 'the sandbox gateway’s payment page');
  await page.getByLabel(bank).check();
  await page.getByRole('button', { name: new RegExp(`^${button} `) }).click();
  await page.waitForURL((url) => url.pathname === `${back}/${encodeURIComponent(code)}` && url.searchParams.has('thanh-toan'));
  return new URL(page.url()).searchParams.get('thanh-toan')!;
}

describe('paying a fee online: the status page, the sandbox gateway, back to Motcua, the officer sees it paid', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: Person;
  let officer: Person;
  const step = journeySteps(() => [citizen, officer, manager, signedIn]);
  let code = '';
  let secret = '';
  let gateway = '';
  let receiptNumber = '';
  let manager: Person;
  let signedIn: Person;
  /** The manager's fee report of today for this agency and procedure, before the payment. */
  let reportBefore: FeeReport;

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    citizen = await newPerson(browser, server.baseUrl, 'citizen');
    officer = await newPerson(browser, server.baseUrl, 'officer');
    manager = await newPerson(browser, server.baseUrl, 'manager');
    signedIn = await newPerson(browser, server.baseUrl, 'signed-in citizen');
  });

  afterAll(async () => {
    const errors = [citizen, officer, manager, signedIn].filter(Boolean).flatMap((p) => p.consoleErrors);
    if (errors.length) console.warn(`browser console errors:\n  ${errors.join('\n  ')}`);
    if (workarounds.length) console.warn(`workarounds (known problems):\n  ${workarounds.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('a citizen files a procedure with a fee online and gets the code and the security code', () => step('submit', async () => {
    const { page } = citizen;
    await page.goto(`/thu-tuc/${procedure.code}`);
    await page.getByRole('heading', { level: 1, name: procedure.name, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    const agency = page.getByRole('combobox', { name: 'Cơ quan tiếp nhận' });
    await agency.click();
    await agency.fill('Giao Thủy');
    await page.getByRole('option', { name: 'Ủy ban nhân dân xã Giao Thủy', exact: true }).click();
    await page.getByRole('textbox', { name: 'Họ và tên' }).fill(applicant.fullName);
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0915 222 333');
    await page.getByRole('textbox', { name: 'Địa chỉ' }).fill('Xóm 7, xã Giao Thủy, tỉnh Ninh Bình');
    await attachFile(page, page.getByRole('button', { name: 'Đính kèm bản quét: Giấy đề nghị đăng ký hộ kinh doanh' }), scan);
    await page.getByText(scan.name, { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: /^Tôi cam đoan/ }).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ', exact: true }).waitFor();
    code = (await page.getByTestId('submission-code').innerText()).trim();
    secret = (await page.getByTestId('submission-secret').innerText()).trim();
    expect(secret.length).toBeGreaterThan(10);
  }));

  it('the officer receives it at xã Giao Thủy: its fee is not paid yet', () => step('receive', async () => {
    const { page } = officer;
    await signIn(officer, 'canbo.giaothuy');
    await openFromInbox(page, code, 'Chờ tiếp nhận');
    await takeAction(page, 'Tiếp nhận hồ sơ');
    await expectConsoleStatus(page, code, 'Đã tiếp nhận');
    const fees = page.getByTestId('dossier-fees');
    expect(await fees.getByTestId('fee-status').innerText()).toBe('Chưa nộp đủ');
    expect(await fees.getByTestId('fee-outstanding').innerText()).toMatch(/^50[.,]000/);
  }));

  it('the provincial manager’s fee report of today, before the payment', () => step('report before', async () => {
    await signIn(manager, 'quanly.tinh');
    reportBefore = await feeReport(manager.page);
  }));

  it('on the status page the citizen sees what is owed and proves the dossier with the security code (a wrong one is refused)', () => step('fee due', async () => {
    const { page } = citizen;
    await lookUpPublicly(citizen, code, { via: { url: `/tra-cuu/${encodeURIComponent(code)}` }, status: 'Đã tiếp nhận', applicant });
    const fee = feeSection(page);
    expect(await fee.getByTestId('fee-due-amount').innerText()).toBe(procedure.fee);
    expect(await fee.getByTestId('pay-online-amount').innerText()).toBe(procedure.fee);
    await expectAccessible(page, 'the status page with the fee due');
    const pay = fee.getByRole('button', { name: 'Thanh toán trực tuyến', exact: true });
    await pay.click();
    await fee.getByText('Vui lòng nhập mã bảo mật.').waitFor();
    const secretBox = fee.getByLabel('Mã bảo mật của hồ sơ');
    await secretBox.fill('ma-bao-mat-sai');
    await pay.click();
    await fee.getByText(/Mã bảo mật của hồ sơ không đúng/).waitFor();
    expect(page.url()).toContain('/tra-cuu/');
    await secretBox.fill(secret);
    await pay.click();
  }));

  it('leaving the gateway without choosing, the order is still waiting for it: the page asks a few times, then says to come back later', () => step('pending', async () => {
    const { page } = citizen;
    await page.waitForURL((url) => url.pathname === '/dev-payments/vnpay/paymentv2/vpcpay.html');
    gateway = page.url();
    const reference = new URL(gateway).searchParams.get('vnp_TxnRef')!;
    // As a payer who closed the gateway's tab and comes back by the order's address.
    await page.goto(`/tra-cuu/${encodeURIComponent(code)}?thanh-toan=${encodeURIComponent(reference)}`);
    const result = outcome(page);
    await result.locator('[data-payment-status="pending"]').waitFor();
    await result.getByText('Đang chờ xác nhận từ cổng thanh toán', { exact: true }).waitFor();
    await expectAccessible(page, 'the status page waiting for the gateway');
    // The page stops asking after its last delay (1 + 2 + 3 + 5 + 8 s) and says so.
    await result.locator('[data-payment-status="pending-later"]').waitFor({ timeout: 60_000 });
    await result.getByText(/Vui lòng quay lại trang này sau ít phút/).waitFor();
    await result.getByRole('button', { name: 'Kiểm tra lại', exact: true }).waitFor();
    await page.goto(gateway);
  }));

  it('at the gateway the citizen cancels: back on Motcua, told so, with the button to pay again', () => step('cancel', async () => {
    const { page } = citizen;
    await atGateway(page, /Agribank/, 'Hủy', code);
    const result = outcome(page);
    await result.locator('[data-payment-status="cancelled"]').waitFor();
    await result.getByText('Bạn đã hủy thanh toán', { exact: true }).waitFor();
    await result.getByText(/Chưa có khoản tiền nào được thu/).waitFor();
    // Still owed; the only pay button is the outcome's own.
    expect(await feeSection(page).getByTestId('fee-due-amount').innerText()).toBe(procedure.fee);
    expect(await page.getByRole('button', { name: 'Thanh toán trực tuyến', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the status page after a cancelled payment');
    // The code typed before leaving is not asked again in this tab.
    expect(await result.getByLabel('Mã bảo mật của hồ sơ').count()).toBe(0);
    await result.getByRole('button', { name: 'Thanh toán lại', exact: true }).click();
  }));

  it('the citizen pays with a bank: back on Motcua, "Đã thanh toán" with the receipt number, nothing owed any more', () => step('pay', async () => {
    const { page } = citizen;
    const reference = await atGateway(page, /Vietcombank/, 'Thanh toán', code);
    const result = outcome(page);
    await result.locator('[data-payment-status="paid"]').waitFor();
    await result.getByText('Đã thanh toán', { exact: true }).waitFor();
    await result.getByText(new RegExp(`Cổng thanh toán đã xác nhận khoản ${procedure.fee} lúc \\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}`)).waitFor();
    const receipt = (await result.getByTestId('payment-receipt-number').innerText()).trim();
    expect(receipt).toMatch(/^Biên lai điện tử: BL\d{2}E \d{7}$/);
    receiptNumber = receipt.replace('Biên lai điện tử: ', '');
    await result.getByText(`Mã giao dịch: ${reference}`, { exact: true }).waitFor();
    // The page read the dossier again: nothing is owed.
    await expect.poll(() => page.getByTestId('fee-due').count()).toBe(0);
    await expectAccessible(page, 'the status page after paying');
    expect(citizen.pageErrors).toEqual([]);
  }));

  it('a return the server could not match to an order (/tra-cuu?thanh-toan=loi) says so', () => step('unidentified return', async () => {
    const { page } = citizen;
    await page.goto('/tra-cuu?thanh-toan=loi');
    const notice = page.locator('[data-payment-status="unknown"]');
    await notice.getByText(/Không xác định được giao dịch mà cổng thanh toán trả về/).waitFor();
    await expectAccessible(page, 'the lookup page after an unidentified return');
  }));

  it('the officer sees the online payment in "Phí, lệ phí" and downloads its receipt, which carries its number', () => step('officer sees it paid', async () => {
    const { page } = officer;
    await page.reload();
    await expectConsoleStatus(page, code, 'Đã tiếp nhận');
    const fees = page.getByTestId('dossier-fees');
    await fees.getByTestId('fee-status').getByText('Đã nộp đủ', { exact: true }).waitFor();
    const payments = fees.locator('tr[data-kind="payment"]');
    await expect.poll(() => payments.count()).toBe(1);
    await payments.getByText('Hình thức: Thanh toán trực tuyến', { exact: true }).waitFor();
    const link = payments.getByRole('link', { name: `Biên lai ${receiptNumber} (PDF)`, exact: true });
    await expectAccessible(page, 'the console’s dossier page with the fee paid');
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const text = flat(pdfText(await response.body()));
    expect(text).toContain(receiptNumber.split(' ')[1]);
    expect(text).toContain(code);
    expect(officer.pageErrors).toEqual([]);
  }));

  it('the manager’s report page counts the payment as collected online today', () => step('report after', async () => {
    const after = await feeReport(manager.page);
    expect(after.online - reportBefore.online).toBe(procedure.amount);
    expect(after.collected - reportBefore.collected).toBe(procedure.amount);
    expect(after.pending).toBe(reportBefore.pending);
    await expectAccessible(manager.page, 'the managers’ report page');
  }));

  it('signed in with VNeID, "Hồ sơ của tôi" offers the same payment without any code; back from the gateway, the receipt’s PDF', () => step('signed in', async () => {
    const { page } = signedIn;
    await page.goto('/ho-so-cua-toi');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/'));
    await page.getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(an.personalId);
    await page.getByLabel('Mật khẩu').fill(an.password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi' && !url.searchParams.has('dang-nhap'));
    const mine = await fileOnline(page, an.fullName);
    await receive(officer.page, mine);

    await page.goto(`/ho-so-cua-toi/${encodeURIComponent(mine)}`);
    const fees = page.getByTestId('my-dossier-fees');
    expect(await fees.getByTestId('pay-online-amount').innerText()).toBe(procedure.fee);
    await expectAccessible(page, '"Hồ sơ của tôi" with the fee due');
    expect(await fees.getByLabel('Mã bảo mật của hồ sơ').count()).toBe(0);
    await fees.getByRole('button', { name: 'Thanh toán trực tuyến', exact: true }).click();
    await atGateway(page, /MB Bank/, 'Thanh toán', mine, '/ho-so-cua-toi');
    const result = outcome(page);
    await result.locator('[data-payment-status="paid"]').waitFor();
    const number = (await result.getByTestId('payment-receipt-number').innerText()).replace('Biên lai điện tử: ', '').trim();
    expect(number).not.toBe(receiptNumber);
    const link = result.getByTestId('payment-receipt-link');
    expect((await link.innerText()).trim()).toBe(`Tải biên lai điện tử ${number} (PDF)`);
    await fees.getByTestId('fee-status').getByText('Đã nộp đủ', { exact: true }).waitFor();
    await expectAccessible(page, '"Hồ sơ của tôi" after paying');
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    const text = flat(pdfText(await response.body()));
    expect(text).toContain(number.split(' ')[1]);
    expect(text).toContain(mine);
    expect(signedIn.pageErrors).toEqual([]);
  }));
});

/** The CSRF token of the page's session (a signed-in citizen's, else a staff member's or the anonymous one). */
async function csrfOf(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/citizen/me');
  const source = me.ok() ? me : await page.request.get('/api/v1/auth/csrf');
  return ((await source.json()) as { csrfToken: string }).csrfToken;
}

/** Files the procedure online through the API as the page's visitor (one scanned paper); answers the code. */
async function fileOnline(page: Page, name: string): Promise<string> {
  const csrf = await csrfOf(page);
  const upload = await page.request.post('/api/v1/public/files', { headers: { 'x-csrf-token': csrf }, multipart: { file: scan } });
  expect(upload.status(), await upload.text()).toBe(201);
  const file = (await upload.json()) as { id: string; uploadToken: string };
  const submitted = await page.request.post('/api/v1/public/dossiers', {
    headers: { 'x-csrf-token': csrf, 'idempotency-key': crypto.randomUUID() },
    data: {
      procedureCode: procedure.code, agencyCode, applicant: { kind: 'citizen', name, idNumber: an.personalId, phone: '0912345678' },
      components: [{ index: 0, fileIds: [file.id] }], uploadTokens: { [file.id]: file.uploadToken },
    },
  });
  expect(submitted.status(), await submitted.text()).toBe(201);
  return ((await submitted.json()) as { code: string }).code;
}

/** The signed-in officer receives the dossier through the API (the journey above did it on screen). */
async function receive(page: Page, code: string): Promise<void> {
  const found = await page.request.get(`/api/v1/dossiers?view=all&q=${encodeURIComponent(code)}`);
  const id = ((await found.json()) as { items: Array<{ id: number; code: string }> }).items.find((d) => d.code === code)!.id;
  const received = await page.request.post(`/api/v1/dossiers/${id}/actions`, {
    headers: { 'x-csrf-token': await csrfOf(page), 'idempotency-key': crypto.randomUUID() },
    data: { action: 'receive' },
  });
  expect(received.status(), await received.text()).toBeLessThan(300);
}

/** The figures (đồng) of the "Phí, lệ phí" section's total row; zeros when the period has no fee yet. */
interface FeeReport { collected: number; online: number; pending: number }

/**
 * The managers' report page for today, xã Giao Thủy and the procedure: its "Phí, lệ phí" section
 * (the same figures as GET /reports/fees), read from the total row of its table.
 */
async function feeReport(page: Page): Promise<FeeReport> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(testNow());
  await page.goto(`/console/bao-cao?from=${today}&to=${today}&kind=custom&agency=${agencyCode}&procedure=${procedure.code}`);
  const section = page.getByTestId('report-fees');
  const table = section.getByTestId('fee-table');
  await table.or(section.getByTestId('fee-empty')).waitFor();
  if (!(await table.count())) return { collected: 0, online: 0, pending: 0 };
  const total = table.locator('tr[data-group="total"]');
  const figure = async (key: string) => Number((await total.locator(`td[data-key="${key}"]`).innerText()).replace(/\D/g, ''));
  return { collected: await figure('collected'), online: await figure('online'), pending: await figure('pending') };
}
