/**
 * The notifications journey, in real Chromium against the real server (`npm start`, fresh demo
 * database): the provincial administrator opens "Mẫu thông báo", types an unknown variable into
 * the SMS asking for a supplement and is told which one under the field (save stays off), inserts
 * an allowed variable from its chip and sees the preview with sample values, saves, and goes back
 * to the default; the counter officer finds the demo's failed SMS in "Thông báo" and sends it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { consoleNav, journeySteps, newPerson, signIn, startJourneyServer, type Person } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

describe('notifications journey: a template edited and previewed, a failed message sent again', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Person;
  let officer: Person;
  const step = journeySteps(() => [admin, officer]);

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    admin = await newPerson(browser, server.baseUrl, 'admin');
    officer = await newPerson(browser, server.baseUrl, 'officer');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits the supplement SMS: an unknown variable is named under its field, the preview shows sample values, then back to the default', () => step('template', async () => {
    const { page } = admin;
    await signIn(admin, 'quantri');
    await consoleNav(page).getByRole('link', { name: 'Mẫu thông báo', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mẫu thông báo' }).waitFor();
    await page.getByRole('navigation', { name: 'Danh sách mẫu' }).getByRole('button', { name: /Yêu cầu bổ sung\s*SMS/ }).click();
    // The editor of the template chosen, once it has replaced the first one (typing earlier would go to the old editor).
    const editor = page.locator('[data-testid="template-editor"][data-template="supplement_requested.sms"]');
    await editor.waitFor();
    const body = editor.getByRole('textbox', { name: 'Nội dung (tiếng Việt)' });
    await body.fill('Hồ sơ {{code}} cần bổ sung trước {{hanNop}}.');
    await expect.poll(() => body.inputValue()).toBe('Hồ sơ {{code}} cần bổ sung trước {{hanNop}}.');
    await editor.getByText(/Biến \{\{hanNop\}\} không dùng được trong nội dung tiếng Việt/).waitFor();
    expect(await editor.getByRole('button', { name: 'Lưu mẫu' }).isDisabled()).toBe(true);

    await body.fill('Hồ sơ {{code}} cần bổ sung: ');
    await body.press('End');
    await editor.getByRole('button', { name: 'Chèn {{reasons}}' }).click();
    await expect.poll(() => body.inputValue()).toBe('Hồ sơ {{code}} cần bổ sung: {{reasons}}');
    await page.getByTestId('template-preview-vi').getByText(/^Hồ sơ \S+ cần bổ sung: 1\. Bản sao giấy chứng sinh chưa chứng thực\./).waitFor();

    await editor.getByRole('button', { name: 'Lưu mẫu' }).click();
    await page.getByText('Đã lưu mẫu. Thông báo gửi tiếp theo dùng mẫu này.').first().waitFor();
    const saved = await page.request.get('/api/v1/notification-templates');
    const entry = (await saved.json()).items.find((i: { kind: string; channel: string }) => i.kind === 'supplement_requested' && i.channel === 'sms');
    expect(entry.custom.body.vi).toBe('Hồ sơ {{code}} cần bổ sung: {{reasons}}');

    page.once('dialog', (dialog) => void dialog.accept());
    await editor.getByRole('button', { name: 'Dùng lại mẫu mặc định' }).click();
    await page.getByText('Đã dùng lại mẫu mặc định.').first().waitFor();
    await editor.getByText('Mặc định', { exact: true }).waitFor();
    expect(await body.inputValue()).toBe(entry.default.body.vi);
  }));

  it('finds the failed SMS in "Thông báo" with its error, and sends it again', () => step('resend', async () => {
    const { page } = officer;
    await signIn(officer, 'canbo.giaothuy');
    await consoleNav(page).getByRole('link', { name: 'Thông báo', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const list = page.getByTestId('notification-list');
    // The demo's failed SMS; when dossier actions wrote the demo's messages instead, any one that left.
    const done = '[data-status="failed"], [data-status="sent"], [data-status="delivered"]';
    await list.locator(done).first().waitFor();
    const failed = await list.locator('[data-status="failed"]').count() > 0;
    await list.getByRole('row').filter({ has: page.locator(failed ? '[data-status="failed"]' : done) }).first().getByRole('button').click();
    const detail = page.getByTestId('notification-detail');
    if (failed) await detail.getByText('Lỗi lần gửi gần nhất').waitFor();
    await detail.getByRole('button', { name: 'Gửi lại' }).click();
    await page.getByText(/^Đã xếp hàng gửi lại \(thông báo \d+\)\.$/).first().waitFor();
    // The new message is open: queued (or already on its way), linked to the failed one.
    await detail.getByText('Gửi lại của thông báo').waitFor();
  }));
});
