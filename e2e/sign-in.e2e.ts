/**
 * A demo one-stop officer signs in, in real Chromium, against the real server started as
 * `npm start` would start it, and sees the staff console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('staff sign-in in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the Vietnamese portal home page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.baseUrl + '/');
    await page.getByTestId('portal-home').waitFor();
    expect(await page.getByTestId('portal-home').textContent()).toBeTruthy();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await context.close();
  });

  it('signs in a demo officer, who sees the console with their name and commune, then signs out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.baseUrl + '/console');
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/dang-nhap');

    await page.getByRole('textbox', { name: /Tên đăng nhập/ }).fill('canbo.giaothuy');
    await page.locator('input[name=password]').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor();

    await page.locator('input[name=password]').fill('Motcua@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('console-home').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console');
    const body = await page.textContent('body');
    expect(body).toContain('Phạm Thị Thu');
    expect(body).toContain('Ủy ban nhân dân xã Giao Thủy');

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'motcua_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.reload();
    await page.getByTestId('console-home').waitFor();

    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await page.getByTestId('login-form').waitFor();
    await page.goto(server.baseUrl + '/console');
    await page.getByTestId('login-form').waitFor();
    await context.close();
  });
});
