/**
 * The signed result in real Chromium (docs/rules/results.md): the specialist generates the result
 * notice, the leader signs it (their signature and the agency's seal), the applicant signs in with
 * the e-ID and downloads it from "Hồ sơ của tôi" (which returns it), the QR code printed on it
 * (decoded with zbarimg) leads to the verification page, which, on a 390 px phone, shows the
 * signatures and says the signed file matches and a file with one byte changed does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { qrCodes } from '../apps/server/test/support/pdf-tools.ts';
import { launchBrowser } from './support/browser.ts';
import { newPerson, signIn, startJourneyServer, takeAction, type Person } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

describe('signed result: generated, signed by the leader, verified from its QR code', () => {
  let server: RunningServer;
  let browser: Browser;
  let specialist: Person;
  let leader: Person;
  let visitor: Person;
  let citizen: Person;
  let dossierId = 0;
  let dossierCode = '';
  let documentId = '';
  let signed: Buffer;

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    specialist = await newPerson(browser, server.baseUrl, 'specialist');
    leader = await newPerson(browser, server.baseUrl, 'leader');
    visitor = await newPerson(browser, server.baseUrl, 'visitor');
    citizen = await newPerson(browser, server.baseUrl, 'citizen');
    // The counter's part (tested in its own journeys): received and transferred through the API.
    const officer = await newPerson(browser, server.baseUrl, 'officer');
    await signIn(officer, 'canbo.giaothuy');
    const { csrfToken } = await (await officer.page.request.get('/api/v1/auth/me')).json();
    const intake = await officer.page.request.post('/api/v1/dossiers', {
      headers: { 'x-csrf-token': csrfToken },
      data: { procedureCode: '1.000894', applicant: { name: 'Nguyễn Văn An', idNumber: '036090001234' }, components: [{ index: 0, received: true }], resultDelivery: 'online' },
    });
    expect(intake.status(), await intake.text()).toBe(201);
    ({ id: dossierId, code: dossierCode } = await intake.json());
    const transfer = await officer.page.request.post(`/api/v1/dossiers/${dossierId}/actions`, { headers: { 'x-csrf-token': csrfToken }, data: { action: 'transfer' } });
    expect(transfer.status()).toBe(200);
    await officer.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the specialist generates the result notice and forwards it', async () => {
    await signIn(specialist, 'chuyenvien.giaothuy');
    await specialist.page.goto(`/console/ho-so/${dossierId}`);
    await takeAction(specialist.page, 'Đính kèm kết quả điện tử', async (dialog) => {
      await dialog.getByText('Tạo thông báo kết quả', { exact: true }).click();
      await dialog.getByLabel('Kết quả giải quyết').fill('Đăng ký kết hôn; cấp Giấy chứng nhận kết hôn bản chính');
      await dialog.getByLabel(/^Họ tên người ký/).fill('Đỗ Văn Hùng');
    });
    await specialist.page.getByTestId('result-document').getByText('Chưa ký số').waitFor();
    await takeAction(specialist.page, 'Chuyển bước tiếp theo');
  });

  it('the leader records the result and signs it', async () => {
    await signIn(leader, 'lanhdao.giaothuy');
    await leader.page.goto(`/console/ho-so/${dossierId}`);
    await takeAction(leader.page, 'Có kết quả');
    await takeAction(leader.page, 'Ký số kết quả');
    await leader.page.getByTestId('result-document').getByText('Đã ký số (người có thẩm quyền và cơ quan)').waitFor();
    documentId = (await (await leader.page.request.get(`/api/v1/dossiers/${dossierId}`)).json()).resultDocument.id;
    const file = await leader.page.request.get(`/api/v1/signed-documents/${documentId}/file`);
    expect(file.status()).toBe(200);
    signed = await file.body();
    expect(qrCodes(signed)).toContain(`${server.baseUrl}/xac-thuc/${documentId}`);
  });

  it('Nguyễn Văn An signs in with the e-ID, downloads the signed result from "Hồ sơ của tôi", and the download returns it', async () => {
    const { page } = citizen;
    await page.goto('/ho-so-cua-toi');
    await page.getByRole('link', { name: 'Đăng nhập VNeID', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/'));
    await page.getByLabel('Số định danh cá nhân hoặc số điện thoại').fill('036090001234');
    await page.getByLabel('Mật khẩu').fill('Vneid@2026');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi' && !url.searchParams.has('dang-nhap'));
    await page.goto(`/ho-so-cua-toi/${encodeURIComponent(dossierCode)}`);
    const link = page.getByRole('link', { name: `Tải ket-qua-${dossierCode}.pdf`, exact: true });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    // What the link gives the signed-in citizen's browser: the same signed file, its QR code to the page.
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    const mine = await download.body();
    expect(mine.equals(signed)).toBe(true);
    expect(qrCodes(mine)).toContain(`${server.baseUrl}/xac-thuc/${documentId}`);
    // The applicant's download is how an online result is returned: the log says so.
    const dossier = await (await leader.page.request.get(`/api/v1/dossiers/${dossierId}`)).json();
    expect(dossier.status).toBe('returned');
    expect(citizen.pageErrors).toEqual([]);
  });

  it('the QR code’s page, on a phone, shows the signatures and tells the signed file from a changed one', async () => {
    const { page } = visitor;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/xac-thuc/${documentId}`);
    await page.getByRole('heading', { level: 1, name: 'Xác thực văn bản điện tử' }).waitFor();
    await page.getByTestId('signature').filter({ hasText: 'Người có thẩm quyền' }).filter({ hasText: 'Đỗ Văn Hùng' }).waitFor();
    await page.getByTestId('signature').filter({ hasText: 'Cơ quan' }).waitFor();
    await expect(page.getByTestId('signature').count()).resolves.toBe(2);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.locator('input[type=file]').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: signed });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByTestId('check-outcome').getByText('Tệp khớp với văn bản đã ký số (cùng mã băm SHA-256).').waitFor();

    const tampered = Buffer.from(signed);
    tampered[100] = tampered[100]! ^ 0x01;
    await page.locator('input[type=file]').setInputFiles({ name: 'ket-qua-sua.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByTestId('check-outcome').getByText(/Tệp KHÔNG khớp/).waitFor();
    expect(visitor.pageErrors).toEqual([]);
  });
});
