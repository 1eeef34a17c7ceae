/**
 * The document office's journey, in real Chromium against the real server (fresh demo database):
 * a specialist of xã Giao Thủy drafts a decision from a PDF, the leader approves and signs it, the
 * officer (the clerk's office) issues it and it gets 01/QĐ-UBND; the officer registers an incoming
 * letter, routes it to a unit with a deadline of working days, and finds it by typing words
 * without diacritics. The register and a document are checked at 1366×768 and 390×844 (nothing
 * wider than the screen), and the workspace shows the share signed digitally (100 %: the decision
 * bears the leader's signature and the agency's, applied at issue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { consoleNav, journeySteps, newPerson, signIn, startJourneyServer, vietnamToday, type Person } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

/** A one-page PDF (signing draws the verification QR code on page 1). */
async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('DU THAO QUYET DINH', { x: 180, y: 760, size: 16, font: await doc.embedFont(StandardFonts.TimesRoman) });
  return Buffer.from(await doc.save());
}
/** The caller's outgoing documents issued in `year`, and how many of them were signed digitally (the workspace card's figures). */
async function digitalShare(page: Page, year: number): Promise<{ issued: number; signed: number }> {
  const summary = await (await page.request.get(`/api/v1/documents/summary?from=${year}-01-01&to=${year}-12-31`)).json();
  const rows = summary.items as Array<{ issued: number; digitallySigned: number }>;
  return { issued: rows.reduce((n, r) => n + r.issued, 0), signed: rows.reduce((n, r) => n + r.digitallySigned, 0) };
}

let pdf: Buffer;

/** Nothing on the page is wider than the screen (no sideways scrolling of the page itself). */
async function fitsWidth(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(150);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `page wider than ${width}px`).toBeLessThanOrEqual(0);
}

describe('document office journey: an outgoing decision drafted, approved, signed and issued; an incoming letter registered and routed', () => {
  let server: RunningServer;
  let browser: Browser;
  let specialist: Person;
  let leader: Person;
  let officer: Person;
  let draftUrl = '';
  let sharedBefore = { issued: 0, signed: 0 };
  const step = journeySteps(() => [specialist, leader, officer]);

  beforeAll(async () => {
    pdf = await onePagePdf();
    server = await startJourneyServer();
    browser = await launchBrowser();
    specialist = await newPerson(browser, server.baseUrl, 'specialist');
    leader = await newPerson(browser, server.baseUrl, 'leader');
    officer = await newPerson(browser, server.baseUrl, 'officer');
  });

  afterAll(async () => {
    const errors = [specialist, leader, officer].filter(Boolean).flatMap((p) => [...p.pageErrors, ...p.consoleErrors]);
    if (errors.length) console.warn(`browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('lets the specialist draft a decision from a PDF, without a number', () => step('draft', async () => {
    const { page } = specialist;
    await signIn(specialist, 'chuyenvien.giaothuy');
    await consoleNav(page).getByRole('link', { name: 'Văn bản', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sổ văn bản' }).waitFor();
    await page.getByRole('link', { name: 'Soạn văn bản đi' }).click();
    await page.getByLabel(/^Trích yếu nội dung/).fill('Quyết định về việc công nhận tổ dân phố văn hóa năm 2026');
    await page.getByLabel(/^Nơi nhận/).fill('UBND tỉnh Ninh Bình; Lưu VT.');
    await page.locator('input[type=file]').setInputFiles({ name: 'du-thao-quyet-dinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByTestId('document-number').filter({ hasText: 'Chưa cấp số' }).waitFor();
    expect(await page.getByTestId('document-status').innerText()).toBe('Dự thảo');
    await page.getByText('Bạn không có bước nào cần thực hiện với văn bản này.').waitFor();
    draftUrl = new URL(page.url()).pathname;
  }));

  it('lets the leader approve and sign it, the buttons being the steps the server allows', () => step('approve and sign', async () => {
    const { page } = leader;
    await signIn(leader, 'lanhdao.giaothuy');
    await page.goto(draftUrl);
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByTestId('document-status').filter({ hasText: 'Đã duyệt' }).waitFor();
    expect(await page.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['send_back', 'sign']);
    await page.getByRole('button', { name: 'Ký số', exact: true }).click();
    await page.getByTestId('document-status').filter({ hasText: 'Đã ký' }).waitFor();
    await page.getByText('Bạn không có bước nào cần thực hiện với văn bản này.').waitFor();
  }));

  it('lets the officer issue it: it gets the next number of the year, NN/QĐ-UBND', () => step('issue', async () => {
    const { page } = officer;
    await signIn(officer, 'canbo.giaothuy');
    // The demo issues documents of its own this year: the decision takes the number after them.
    const year = Number(`20${vietnamToday().slice(0, 2)}`);
    const register = await (await page.request.get(`/api/v1/documents?direction=outgoing&year=${year}&limit=200`)).json();
    const last = Math.max(0, ...register.items.map((d: { number: number | null }) => d.number ?? 0));
    const expected = `${String(last + 1).padStart(2, '0')}/QĐ-UBND`;
    sharedBefore = await digitalShare(page, year);
    await page.goto(draftUrl);
    await page.getByRole('button', { name: 'Cấp số và ban hành' }).click();
    await page.getByTestId('document-number').filter({ hasText: expected }).waitFor();
    expect(await page.getByTestId('document-status').innerText()).toBe('Đã ban hành');
    await page.getByRole('cell', { name: expected }).waitFor();
  }));

  it('lets the officer register an incoming letter and route it to a unit for 3 working days', () => step('incoming', async () => {
    const { page } = officer;
    // The arrival number after the demo's own incoming documents of the year.
    const year = Number(`20${vietnamToday().slice(0, 2)}`);
    const register = await (await page.request.get(`/api/v1/documents?direction=incoming&year=${year}&limit=200`)).json();
    const arrival = String(1 + Math.max(0, ...register.items.map((d: { number: number | null }) => d.number ?? 0))).padStart(2, '0');
    await page.goto('/console/van-ban');
    await page.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    await page.getByLabel(/^Trích yếu nội dung/).fill('Về việc triển khai kế hoạch chuyển đổi số năm 2027');
    await page.getByLabel(/^Cơ quan ban hành/).fill('Sở Khoa học và Công nghệ tỉnh Ninh Bình');
    await page.getByLabel(/^Số, ký hiệu của văn bản đến/).fill('123/SKHCN-CĐS');
    await page.getByLabel('Chuyển xử lý ngay').check();
    await page.getByRole('combobox', { name: 'Đơn vị xử lý' }).click();
    await page.getByRole('option', { name: /Tư pháp - Hộ tịch/ }).click();
    await page.getByLabel(/^Thời hạn \(ngày làm việc\)/).fill('3');
    await page.locator('input[type=file]').setInputFiles({ name: 'cong-van-den.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await page.getByTestId('document-number').filter({ hasText: new RegExp(`^${arrival}$`) }).waitFor();
    expect(await page.getByTestId('document-status').innerText()).toBe('Đang xử lý');
    await page.getByText(/Tư pháp - Hộ tịch/).first().waitFor();
  }));

  it('finds the letter by words typed without diacritics, and fits 1366×768 and 390×844', () => step('search', async () => {
    const { page } = officer;
    await page.goto('/console/van-ban');
    await page.getByLabel('Tìm theo trích yếu, cơ quan ban hành').fill('chuyen doi so');
    const register = page.getByTestId('document-register');
    await register.getByText('Về việc triển khai kế hoạch chuyển đổi số năm 2027').waitFor();
    await expect.poll(async () => register.locator('tbody tr').count()).toBe(1);
    await fitsWidth(page, 1366, 768);
    await fitsWidth(page, 390, 844);
    await page.goto(draftUrl);
    await page.getByTestId('document-number').waitFor();
    await fitsWidth(page, 390, 844);
    await fitsWidth(page, 1366, 768);
  }));

  it('shows the share signed digitally on the workspace', () => step('dashboard', async () => {
    const { page } = leader;
    await page.goto('/console');
    const card = page.getByTestId('digital-share');
    await card.getByText(/Văn bản đi ký số năm \d{4}/).waitFor();
    // The decision issued above was signed by the leader and sealed by the clerk's office at issue:
    // one more issued, one more signed digitally, and the card shows the server's figures.
    const year = Number(`20${vietnamToday().slice(0, 2)}`);
    const now = await digitalShare(page, year);
    expect(now).toEqual({ issued: sharedBefore.issued + 1, signed: sharedBefore.signed + 1 });
    await card.getByText(`${now.signed}/${now.issued} văn bản`).waitFor();
  }));
});
