/**
 * The citizen's journey with the national e-ID, in real Chromium against the real server (`npm
 * start`, fresh demo database, its bundled development e-ID provider at /dev-idp): Nguyễn Văn An
 * signs in with VNeID from the portal; files "Đăng ký khai sinh" online with the declaration e-form
 * prefilled from his identity (verified fields read-only and marked), one paper uploaded and his
 * marriage certificate taken from his data store; follows it in "Hồ sơ của tôi"; the officer
 * receives it and the specialist asks for a supplement, which he sends without any security code;
 * he signs out (the provider's session too). On the same browser Trần Thị Bình signs in: his
 * dossier is not hers (404, like one that does not exist). A staff session is not a citizen's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { testNow } from '../apps/server/test/support/clock.ts';
import { flat, pdfText } from '../apps/server/test/support/pdf-tools.ts';
import { launchBrowser } from './support/browser.ts';
import {
  attachFile, expectConsoleStatus, journeySteps, newPerson, openFromInbox, samplePdf, signIn, startJourneyServer, takeAction,
  vietnamToday, workarounds, type Person,
} from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const EID_PASSWORD = 'Vneid@2026';
const an = {
  personalId: '036090001234', fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an.nguyen@example.vn',
  address: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
};
const binh = { personalId: '036192005678', fullName: 'Trần Thị Bình' };
const birthComponent = 'Giấy chứng sinh hoặc văn bản của người làm chứng';
const marriageComponent = 'Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn)';
const birthScan = { name: 'giay-chung-sinh-nguyen-minh-khoi.pdf', mimeType: 'application/pdf', buffer: samplePdf('GIAY CHUNG SINH - NGUYEN MINH KHOI') };
const supplementReason = 'Giấy chứng sinh bản chính có dấu của cơ sở y tế';
const supplementScan = { name: 'giay-chung-sinh-ban-chinh.pdf', mimeType: 'application/pdf', buffer: samplePdf('GIAY CHUNG SINH (BAN CHINH) - NGUYEN MINH KHOI') };

/** A Vietnamese calendar date `days` before today (by the tests' clock), as an <input type=date> takes it. */
function vietnamDateBefore(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(testNow().getTime() - days * 86_400_000));
}

/** Signs in at the bundled e-ID provider's page (the browser is on it) and waits to be back on the portal. */
async function signInAtProvider(page: Page, login: string, fullName: string, back: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/'));
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập bằng tài khoản định danh điện tử VNeID' }).waitFor();
  await page.getByRole('region', { name: 'Môi trường thử nghiệm' }).getByText(EID_PASSWORD, { exact: true }).waitFor();
  await page.getByLabel('Số định danh cá nhân hoặc số điện thoại').fill(login);
  await page.getByLabel('Mật khẩu').fill(EID_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => url.pathname === back && !url.searchParams.has('dang-nhap'));
  await accountButton(page, fullName).waitFor();
}

/** The signed-in citizen's name in the portal header (their account menu). */
const accountButton = (page: Page, fullName: string): Locator => page.getByRole('button', { name: `Tài khoản của ${fullName}`, exact: true });

/** The header's account menu → "Hồ sơ của tôi", then the list. */
async function openMyDossiers(page: Page, fullName: string): Promise<Locator> {
  await accountButton(page, fullName).click();
  await page.getByRole('menuitem', { name: 'Hồ sơ của tôi' }).click();
  await page.waitForURL((url) => url.pathname === '/ho-so-cua-toi');
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
  await page.getByText(`Đăng nhập: ${fullName}`, { exact: true }).waitFor();
  const list = page.getByTestId('my-dossiers');
  await list.locator('li').first().waitFor();
  return list;
}

/** A dossier's card in "Hồ sơ của tôi". */
const card = (list: Locator, code: string): Locator => list.locator(`[data-code="${code}"]`);

/** The card's chips ("Cần bổ sung", …). */
async function chips(item: Locator): Promise<string[]> {
  return (await item.locator('[data-ask]').allInnerTexts()).map((s) => s.trim());
}

/** An e-form field by its key (its input carries `data-field`). */
const eformField = (page: Page, key: string): Locator => page.getByTestId('eform').locator(`[data-field="${key}"]`);

describe('citizen journey with the e-ID: sign in with VNeID, a birth registration with an e-form and the data store, my dossiers, a supplement, sign out, isolation', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: Person;
  let officer: Person;
  let specialist: Person;
  const step = journeySteps(() => [citizen, officer, specialist]);
  let code = '';
  let steps = 0;
  /** How many dossiers An had before filing. */
  let mine = 0;

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    citizen = await newPerson(browser, server.baseUrl, 'citizen');
    officer = await newPerson(browser, server.baseUrl, 'officer');
    specialist = await newPerson(browser, server.baseUrl, 'specialist');
  });

  afterAll(async () => {
    const errors = [citizen, officer, specialist].filter(Boolean).flatMap((p) => p.consoleErrors);
    if (errors.length) console.warn(`browser console errors:\n  ${errors.join('\n  ')}`);
    if (workarounds.length) console.warn(`workarounds (known problems):\n  ${workarounds.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('Nguyễn Văn An clicks "Đăng nhập VNeID", signs in at the provider and is back, signed in', () => step('sign in', async () => {
    const { page, context } = citizen;
    await page.goto('/');
    await page.getByTestId('portal-home').waitFor();
    expect((await page.request.get('/api/v1/auth/citizen/me')).status()).toBe(401);
    await page.getByRole('link', { name: 'Đăng nhập VNeID', exact: true }).click();
    await signInAtProvider(page, an.personalId, an.fullName, '/');
    await page.getByTestId('portal-home').waitFor();
    const session = (await context.cookies()).find((c) => c.name === 'motcua_citizen');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await page.request.get('/api/v1/auth/citizen/me');
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ fullName: an.fullName, personalId: an.personalId, eidLevel: 2, kind: 'citizen' });
    // No staff session came with it.
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  }));

  it('"Hồ sơ của tôi" already lists his marriage registered at the counter, with his personal ID', () => step('my dossiers: counter', async () => {
    const { page } = citizen;
    const list = await openMyDossiers(page, an.fullName);
    const counter = list.locator('[data-code]').filter({ hasText: 'Đăng ký kết hôn' }).filter({ hasText: 'Tại một cửa' });
    expect(await counter.count()).toBeGreaterThan(0);
    mine = await list.locator('[data-code]').count();
  }));

  it('finds "Đăng ký khai sinh", fills the e-form prefilled from the e-ID, takes the marriage certificate from the data store and submits', () => step('submit', async () => {
    const { page } = citizen;
    // Within the portal (no reload), as a person moves from page to page.
    await page.locator('header').getByRole('link', { name: 'Thủ tục hành chính', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'cho “dang ky khai sinh”' }).waitFor();
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    // Still signed in after the navigation.
    await accountButton(page, an.fullName).waitFor();

    // The applicant is the signed-in citizen: what the e-ID vouches for is filled in, marked and not editable.
    const applicant = { 'applicant-name': an.fullName, 'applicant-id': an.personalId, 'applicant-phone': an.phone, 'applicant-email': an.email, 'applicant-address': an.address };
    for (const [name, value] of Object.entries(applicant)) {
      const input = page.locator(`input[name="${name}"]`);
      await expect.poll(() => input.inputValue(), { message: `${name} prefilled` }).toBe(value);
      expect(await input.getAttribute('readonly'), `${name} read-only`).not.toBeNull();
      expect(await page.getByRole('textbox', { name: /Đã xác thực qua VNeID/ }).and(input).count(), `${name}'s label carries the mark`).toBe(1);
    }
    await page.getByText('Bạn nộp hồ sơ cho chính mình: các thông tin có dấu “Đã xác thực qua VNeID” lấy từ tài khoản định danh điện tử của bạn và không sửa được.', { exact: true }).waitFor();
    await page.locator('input[name="applicant-phone"]').pressSequentially('9');
    expect(await page.locator('input[name="applicant-phone"]').inputValue()).toBe(an.phone);
    // Filing for someone else unlocks the block, empty; back to himself, it is his again, locked.
    await page.getByRole('button', { name: 'Nộp thay cho người khác', exact: true }).click();
    await expect.poll(() => page.locator('input[name="applicant-name"]').inputValue()).toBe('');
    expect(await page.locator('input[name="applicant-name"]').getAttribute('readonly')).toBeNull();
    expect(await page.getByRole('textbox', { name: /Đã xác thực qua VNeID/ }).and(page.locator('input[name^="applicant-"]')).count()).toBe(0);
    await page.getByRole('button', { name: 'Nộp cho chính tôi', exact: true }).click();
    await expect.poll(() => page.locator('input[name="applicant-name"]').inputValue()).toBe(an.fullName);
    expect(await page.locator('input[name="applicant-name"]').getAttribute('readonly')).not.toBeNull();

    // The declaration e-form, prefilled from the identity: verified fields read-only and marked.
    const eform = page.getByTestId('eform');
    await eform.waitFor();
    await page.getByText('Các thông tin có dấu “Đã xác thực qua VNeID” lấy từ tài khoản định danh điện tử của bạn và không sửa được.', { exact: true }).waitFor();
    const verified = { declarantName: an.fullName, declarantPersonalId: an.personalId, declarantAddress: an.address, declarantPhone: an.phone, declarantEmail: an.email };
    for (const [key, value] of Object.entries(verified)) {
      const input = eformField(page, key);
      await expect.poll(() => input.inputValue(), { message: `${key} prefilled` }).toBe(value);
      expect(await input.getAttribute('readonly'), `${key} read-only`).not.toBeNull();
      expect(await input.getAttribute('data-verified'), `${key} marked verified`).not.toBeNull();
      // The mark is part of the field's name, so it is read out with it.
      expect(await page.getByRole('textbox', { name: /Đã xác thực qua VNeID/ }).and(input).count(), `${key}'s label carries the mark`).toBe(1);
    }
    // Typing into a verified field changes nothing.
    await eformField(page, 'declarantName').pressSequentially('x');
    expect(await eformField(page, 'declarantName').inputValue()).toBe(an.fullName);
    // What the e-ID does not vouch for is the citizen's to fill.
    const relationship = eformField(page, 'relationship');
    expect(await relationship.getAttribute('readonly')).toBeNull();
    expect(await relationship.getAttribute('data-verified')).toBeNull();
    expect(await relationship.inputValue()).toBe('');

    const agency = page.getByRole('combobox', { name: 'Cơ quan tiếp nhận' });
    await agency.click();
    await agency.fill('Giao Thủy');
    await page.getByRole('option', { name: 'Ủy ban nhân dân xã Giao Thủy', exact: true }).click();

    await relationship.fill('Cha');
    await eformField(page, 'childName').fill('Nguyễn Minh Khôi');
    await eformField(page, 'childBirthDate').fill(vietnamDateBefore(0));
    await eform.getByRole('radiogroup', { name: /Giới tính/ }).getByRole('radio', { name: 'Nam', exact: true }).check();
    await eformField(page, 'childEthnicity').fill('Kinh');
    await eformField(page, 'childNationality').fill('Việt Nam');
    await eformField(page, 'childBirthplace').fill('Trạm y tế xã Giao Thủy, tỉnh Ninh Bình');
    await eformField(page, 'motherName').fill(binh.fullName);
    await eformField(page, 'motherPersonalId').fill(binh.personalId);
    await eformField(page, 'fatherName').fill(an.fullName);
    await eformField(page, 'fatherPersonalId').fill(an.personalId);

    // The declaration component is replaced by the e-form.
    await page.getByText('Thành phần này được thay bằng tờ khai điện tử ở trên.').waitFor();
    // The birth certificate: a scan. The parents' marriage certificate: from the data store.
    await attachFile(page, page.getByRole('button', { name: `Đính kèm bản quét: ${birthComponent}` }), birthScan);
    await page.getByText(birthScan.name, { exact: true }).waitFor();
    const store = page.getByRole('group', { name: `Giấy tờ trong kho dữ liệu cho ${marriageComponent}` });
    const certificate = store.getByRole('checkbox', { name: /Giấy chứng nhận kết hôn/ });
    expect(await certificate.count(), 'one marriage certificate in An\'s store').toBe(1);
    expect(await certificate.isEnabled()).toBe(true);
    await certificate.check();
    // The birth certificate is not a kind the store holds for him: nothing is offered there.
    expect(await page.getByRole('group', { name: `Giấy tờ trong kho dữ liệu cho ${birthComponent}` }).count()).toBe(0);

    await page.getByRole('checkbox', { name: /^Tôi cam đoan/ }).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    await page.getByRole('heading', { name: 'Đã nộp hồ sơ', exact: true }).waitFor();
    code = (await page.getByTestId('submission-code').innerText()).trim();
    expect(code).toMatch(new RegExp(`^000\\.41\\.00\\.H40-${vietnamToday()}-\\d{4,}$`));
    expect(await page.getByTestId('submission-receipt').innerText()).toContain('Hồ sơ đã được gửi tới Ủy ban nhân dân xã Giao Thủy.');

    // What the server kept: the verified applicant, the declaration, both papers.
    const res = await page.request.get(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}`);
    expect(res.status()).toBe(200);
    const dossier = await res.json();
    expect(dossier).toMatchObject({ code, status: 'submitted', applicant: { name: an.fullName, idNumber: an.personalId } });
    expect(dossier.applicant.verified).toEqual(expect.arrayContaining(['name', 'idNumber']));
    const fileNames = (dossier.files as Array<{ name: string }>).map((f) => f.name);
    expect(fileNames).toContain(birthScan.name);
    expect(fileNames).toContain('giay-chung-nhan-ket-hon.pdf');
  }));

  it('sees the dossier in "Hồ sơ của tôi", waiting to be received', () => step('my dossiers: submitted', async () => {
    const { page } = citizen;
    // Through the menu, without a reload: the new dossier is there at once.
    const list = await openMyDossiers(page, an.fullName);
    const item = card(list, code);
    await item.waitFor({ timeout: 3_000 });
    expect(await list.locator('[data-code]').count()).toBe(mine + 1);
    expect(await list.locator('[data-code]').first().getAttribute('data-code'), 'newest first').toBe(code);
    await item.getByText('Chờ tiếp nhận', { exact: true }).waitFor();
    await item.getByText('Đăng ký khai sinh', { exact: true }).waitFor();
    await item.getByText('Ủy ban nhân dân xã Giao Thủy · Trực tuyến', { exact: true }).waitFor();
    await item.getByText('Chưa tiếp nhận', { exact: true }).waitFor();
    expect(await chips(item)).toEqual([]);

    await item.getByRole('link', { name: code }).click();
    await page.waitForURL((url) => url.pathname === `/ho-so-cua-toi/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await page.getByRole('region', { name: code }).getByText('Chờ tiếp nhận', { exact: true }).first().waitFor();
    const applicant = page.getByRole('region', { name: 'Người nộp' });
    await applicant.getByText(an.fullName, { exact: true }).waitFor();
    await applicant.getByText('Đã xác thực qua VNeID', { exact: true }).waitFor();
    const papers = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    await papers.getByText(birthScan.name, { exact: true }).waitFor();
    await papers.getByText('giay-chung-nhan-ket-hon.pdf', { exact: true }).waitFor();
    // Nothing asked of him yet.
    expect(await page.getByTestId('supplement-section').count()).toBe(0);
  }));

  it('the officer receives it and the specialist asks for a supplement', () => step('officer and specialist', async () => {
    await signIn(officer, 'canbo.giaothuy');
    await openFromInbox(officer.page, code, 'Chờ tiếp nhận');
    // The officer sees what was sent: the scan, the paper from An's store, and the declaration printed in its official layout.
    await officer.page.getByText(birthScan.name).first().waitFor();
    await officer.page.getByText('giay-chung-nhan-ket-hon.pdf').first().waitFor();
    const declaration = officer.page.getByRole('region', { name: 'In phiếu' }).getByRole('link', { name: /Tờ khai điện tử/ });
    const pdf = await officer.page.request.get((await declaration.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    const printed = flat(pdfText(await pdf.body()));
    for (const text of ['TỜ KHAI ĐĂNG KÝ KHAI SINH', an.fullName, an.personalId, 'Nguyễn Minh Khôi', binh.fullName]) expect(printed).toContain(text);
    await takeAction(officer.page, 'Tiếp nhận hồ sơ');
    await expectConsoleStatus(officer.page, code, 'Đã tiếp nhận');
    await takeAction(officer.page, 'Chuyển xử lý');
    await expectConsoleStatus(officer.page, code, 'Đang xử lý');

    await signIn(specialist, 'chuyenvien.giaothuy');
    await openFromInbox(specialist.page, code, 'Đang xử lý');
    await takeAction(specialist.page, 'Yêu cầu bổ sung hồ sơ', async (dialog) => {
      await dialog.getByRole('textbox', { name: 'Nội dung 1' }).fill(supplementReason);
    });
    await expectConsoleStatus(specialist.page, code, 'Chờ bổ sung');
  }));

  it('An sees "Cần bổ sung" in Hồ sơ của tôi and sends the supplement without any security code', () => step('supplement', async () => {
    const { page } = citizen;
    // He had the list open a few seconds ago; he goes back to it through the menu, without a reload.
    const list = await openMyDossiers(page, an.fullName);
    const item = card(list, code);
    await item.getByText('Chờ bổ sung', { exact: true }).waitFor({ timeout: 3_000 });
    expect(await chips(item)).toEqual(['Cần bổ sung']);
    await item.getByText(/^Hẹn trả: \d{2}\/\d{2}\/\d{4}$/).waitFor();

    await item.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await page.getByText(supplementReason, { exact: true }).first().waitFor();
    const section = page.getByTestId('supplement-section');
    await section.getByRole('heading', { name: 'Nộp bổ sung trực tuyến' }).waitFor();
    // Signed in with the e-ID: no security code is asked, anywhere on the page.
    expect(await page.getByLabel('Mã bảo mật của hồ sơ').count()).toBe(0);
    await attachFile(page, section.getByRole('button', { name: `Đính kèm bản quét: ${birthComponent}` }), supplementScan);
    await section.getByText(supplementScan.name, { exact: true }).waitFor();
    await section.getByRole('textbox', { name: 'Ghi chú cho cán bộ (không bắt buộc)' }).fill('Gửi bản chụp giấy chứng sinh bản chính.');
    await section.getByRole('button', { name: 'Nộp bổ sung', exact: true }).click();
    await section.getByTestId('supplement-sent').getByText('Đã nộp bổ sung, chờ cán bộ tiếp nhận', { exact: true }).waitFor();

    // The server agrees, and it stays so after a reload.
    const res = await page.request.get(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}`);
    const dossier = await res.json();
    expect(dossier.status).toBe('supplement_requested');
    expect(dossier.supplementRequest.submittedOnlineAt).not.toBeNull();
    expect(dossier.asks).not.toContain('supplement');
    expect((dossier.files as Array<{ name: string }>).map((f) => f.name)).toContain(supplementScan.name);
    await page.reload();
    await page.getByTestId('supplement-sent').getByText('Đã nộp bổ sung, chờ cán bộ tiếp nhận', { exact: true }).waitFor();
    const back = await openMyDossiers(page, an.fullName);
    await card(back, code).getByText('Chờ bổ sung', { exact: true }).waitFor();
    expect(await chips(card(back, code))).toEqual([]);

    // The officer sees the supplement sent online.
    await openFromInbox(officer.page, code, 'Chờ bổ sung');
    await officer.page.getByRole('link', { name: new RegExp(supplementScan.name) }).waitFor();
    steps = ((await (await page.request.get(`/api/v1/public/dossiers/${encodeURIComponent(code)}`)).json()).steps as unknown[]).length;
  }));

  it('An signs out, from Motcua and from the provider: his session is gone', () => step('sign out', async () => {
    const { page, context } = citizen;
    await accountButton(page, an.fullName).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng xuất khỏi VNeID?' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất khỏi VNeID', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Đăng nhập VNeID', exact: true }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'motcua_citizen')).toBeUndefined();
    expect((await page.request.get('/api/v1/citizen/dossiers')).status()).toBe(401);
    await page.goto('/ho-so-cua-toi');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập để xem hồ sơ của bạn' }).waitFor();
    expect(await page.getByTestId('my-dossiers').count()).toBe(0);
    await page.goto(`/ho-so-cua-toi/${encodeURIComponent(code)}`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập để xem hồ sơ của bạn' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(an.fullName);
  }));

  it('on the same browser Trần Thị Bình signs in: An\'s dossier is not in her list and opening it answers not found', () => step('another citizen', async () => {
    const { page } = citizen;
    // She has the address of An's dossier page (the history of a shared computer, a forwarded link).
    const mine = `/ho-so-cua-toi/${encodeURIComponent(code)}`;
    await page.goto(mine);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập để xem hồ sơ của bạn' }).waitFor();
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID', exact: true }).click();
    // The provider asks again: An's e-ID session ended with his sign-out.
    await signInAtProvider(page, binh.personalId, binh.fullName, mine);
    await page.getByText('Không tìm thấy hồ sơ này trong hồ sơ của bạn.', { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(an.fullName);

    const list = await openMyDossiers(page, binh.fullName);
    // Her own demo dossiers are listed, An's new one is not (though she is named in its declaration).
    expect(await list.locator('[data-code]').count()).toBeGreaterThan(0);
    expect(await card(list, code).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(code);
    const api = await page.request.get('/api/v1/citizen/dossiers?limit=100');
    expect(api.status()).toBe(200);
    expect(((await api.json()).items as Array<{ code: string }>).map((i) => i.code)).not.toContain(code);

    await page.goto(mine);
    await page.getByText('Không tìm thấy hồ sơ này trong hồ sơ của bạn.', { exact: true }).waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(an.fullName);
    expect(body).not.toContain(supplementReason);
    const one = await page.request.get(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}`);
    expect(one.status()).toBe(404);
    expect((await one.json()).code).toBe('dossier.not_found');
    // Acting on it, with her own session's CSRF token, answers the same.
    const { csrfToken } = await (await page.request.get('/api/v1/auth/citizen/me')).json();
    const act = await page.request.post(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}/actions`, {
      headers: { 'x-csrf-token': csrfToken }, data: { action: 'withdraw', note: 'thử rút hồ sơ của người khác' },
    });
    expect(act.status()).toBe(404);
  }));

  it('a staff session cannot act as a citizen: the citizen routes answer 401 and nothing changes', () => step('staff is not a citizen', async () => {
    const { page } = officer;
    const { csrfToken } = await (await page.request.get('/api/v1/auth/me')).json();
    expect(csrfToken).toBeTruthy();
    expect((await page.request.get('/api/v1/citizen/dossiers')).status()).toBe(401);
    expect((await page.request.get(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}`)).status()).toBe(401);
    const act = await page.request.post(`/api/v1/citizen/dossiers/${encodeURIComponent(code)}/actions`, {
      headers: { 'x-csrf-token': csrfToken }, data: { action: 'withdraw', note: 'cán bộ thử rút hồ sơ thay công dân' },
    });
    expect(act.status()).toBe(401);
    expect((await page.request.get('/api/v1/auth/citizen/me')).status()).toBe(401);

    const after = await (await page.request.get(`/api/v1/public/dossiers/${encodeURIComponent(code)}`)).json();
    expect(after.status).toBe('supplement_requested');
    expect(after.steps).toHaveLength(steps);
    await page.reload();
    await expectConsoleStatus(page, code, 'Chờ bổ sung');
    expect([citizen, officer, specialist].flatMap((p) => p.pageErrors)).toEqual([]);
  }));
});
