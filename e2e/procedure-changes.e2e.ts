/**
 * The portal's list of catalogue changes, in real Chromium against the real server (fresh demo
 * database). The demo's own changes fall three and two months ago and next month, so the province's
 * administrator first publishes three through the API, all taking effect last month (Vietnam's calendar): "Đăng ký
 * kết hôn" amended on the 1st, "Đăng ký thường trú" replaced on the 15th by a new procedure. A
 * citizen opens the list from the catalogue, sees this month empty, picks last month, finds the
 * changes grouped by kind with their dates, and follows a procedure's link to its page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Browser } from 'playwright-core';
import { testNow } from '../apps/server/test/support/clock.ts';
import { launchBrowser } from './support/browser.ts';
import { DEMO_PASSWORD, journeySteps, newPerson, startJourneyServer, type Person } from './support/journey.ts';
import { repoRoot, type RunningServer } from './support/server.ts';

type Entry = Record<string, unknown> & { code: string };

/** This month and last month in Vietnam (by the tests' clock), `YYYY-MM`. */
function vietnamMonths(): { current: string; previous: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(testNow()).split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  return { current: `${year}-${pad(month)}`, previous: month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}` };
}

/** `2026-04` → `04/2026`, as the page writes months. */
const shown = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/** Publishes catalogue entries as the demo administrator (`quantri`), through `POST /api/v1/procedures`. */
async function publishAsAdministrator(baseUrl: string, entries: Entry[]): Promise<void> {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    const { csrfToken } = (await (await api.get('/api/v1/auth/csrf')).json()) as { csrfToken: string };
    const login = await api.post('/api/v1/auth/login', { data: { username: 'quantri', password: DEMO_PASSWORD }, headers: { 'x-csrf-token': csrfToken } });
    expect(login.status(), await login.text()).toBe(200);
    const session = (await login.json()) as { csrfToken: string };
    for (const entry of entries) {
      const res = await api.post('/api/v1/procedures', { data: entry, headers: { 'x-csrf-token': session.csrfToken } });
      expect([200, 201], `${entry.code}: ${await res.text()}`).toContain(res.status());
    }
  } finally {
    await api.dispose();
  }
}

describe('catalogue changes: a citizen sees last month’s new, amended and replaced procedures', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: Person;
  const step = journeySteps(() => [citizen]);
  const { current, previous } = vietnamMonths();

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    citizen = await newPerson(browser, server.baseUrl, 'citizen');
    // The API takes a procedure's e-form inline; the bundle names it by its id in eforms.json.
    const forms = JSON.parse(fs.readFileSync(path.join(repoRoot, 'bundles/demo/eforms.json'), 'utf8')) as Array<{ id: string }>;
    const inline = (entry: Entry): Entry =>
      typeof entry.declaration === 'string' ? { ...entry, declaration: forms.find((f) => f.id === entry.declaration)! } : entry;
    const demo = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'bundles/demo/procedures.json'), 'utf8')) as Entry[]).map(inline);
    const marriage = demo.find((e) => e.code === '1.000894')!;
    const residence = demo.find((e) => e.code === 'DEMO.015')!;
    await publishAsAdministrator(server.baseUrl, [
      { ...marriage, processingTime: { value: 3, unit: 'working_days' }, validFrom: `${previous}-01`, changeNote: 'Rút ngắn thời hạn còn 3 ngày làm việc' },
      {
        ...residence, code: 'DEMO.115', name: 'Đăng ký thường trú (trực tuyến toàn trình)', fullyOnline: true, validFrom: `${previous}-15`,
      },
      { code: 'DEMO.015', status: 'replaced', replacedBy: 'DEMO.115', validFrom: `${previous}-15`, changeNote: 'Thay thế theo quyết định công bố' },
    ]);
  });

  afterAll(async () => {
    if (citizen?.consoleErrors.length) console.warn(`browser console errors:\n  ${citizen.consoleErrors.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('opens the list from the catalogue: nothing changed this month', () => step('this-month', async () => {
    const { page } = citizen;
    await page.goto('/thu-tuc');
    // The search results show national codes ("Mã thủ tục 1.000894"), never an internal one such as DEMO.015.
    await page.getByRole('article').filter({ hasText: 'Đăng ký kết hôn' }).first().getByText('1.000894').waitFor();
    expect(await page.getByRole('main').innerText()).not.toMatch(/DEMO\./);
    await page.getByRole('link', { name: 'Thủ tục mới ban hành, sửa đổi, bãi bỏ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục mới ban hành, sửa đổi, bãi bỏ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/thu-tuc/thay-doi');
    await page.getByText(`Tháng ${shown(current)} không có thủ tục nào thay đổi`).waitFor();
  }));

  it('picks last month and sees the changes grouped by kind, with their dates', () => step('last-month', async () => {
    const { page } = citizen;
    await page.getByRole('combobox', { name: 'Chọn tháng' }).click();
    await page.getByRole('option', { name: `Tháng ${shown(previous)}`, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('thang') === previous);
    await page.getByRole('status').filter({ hasText: `Tháng ${shown(previous)}: 3 thay đổi` }).waitFor();

    const amended = page.getByRole('region', { name: 'Sửa đổi, bổ sung' });
    await amended.getByRole('link', { name: 'Đăng ký kết hôn', exact: true }).waitFor();
    await amended.getByText(`01/${shown(previous)}`).waitFor();
    await amended.getByText('Rút ngắn thời hạn còn 3 ngày làm việc').waitFor();
    await amended.getByText('Luật Hộ tịch 2014, Điều 18').waitFor();

    const replaced = page.getByRole('region', { name: 'Thay thế' });
    await replaced.getByRole('link', { name: 'Đăng ký thường trú', exact: true }).waitFor();
    await replaced.getByText(`15/${shown(previous)}`).waitFor();
    // Internal codes (DEMO.115, DEMO.015) are not shown: the name says which procedure.
    await replaced.getByRole('link', { name: 'Đăng ký thường trú (trực tuyến toàn trình)', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Mới ban hành' }).getByRole('link', { name: 'Đăng ký thường trú', exact: true }).waitFor();
    expect(await page.getByRole('main').innerText()).not.toMatch(/DEMO\./);
    expect(await page.getByRole('region', { name: 'Bãi bỏ' }).count()).toBe(0);
  }));

  it('follows a procedure’s link to its page, which shows the amended version with the catalogue’s fields', () => step('procedure', async () => {
    const { page } = citizen;
    await page.getByRole('region', { name: 'Sửa đổi, bổ sung' }).getByRole('link', { name: 'Đăng ký kết hôn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký kết hôn', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/thu-tuc/1.000894');
    expect(await page.getByTestId('procedure-code').innerText()).toBe('1.000894');
    const facts = page.getByTestId('procedure-facts');
    await facts.getByText('3 ngày làm việc', { exact: true }).waitFor();
    await facts.getByText('Không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết').waitFor();
    expect(await facts.locator('dt').allInnerTexts()).toEqual([
      'Cơ quan thực hiện', 'Cấp thực hiện', 'Đối tượng thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Kết quả thực hiện',
    ]);
    expect(await facts.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining(['Ủy ban nhân dân cấp xã', 'Công dân Việt Nam', 'Miễn phí', 'Giấy chứng nhận kết hôn']));
    expect(await page.getByTestId('procedure-channels').innerText()).toMatch(/Trực tiếp[\s\S]*Trực tuyến — Dịch vụ công trực tuyến một phần/);
    await page.getByTestId('procedure-conditions').getByText('Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên').waitFor();
    await page.getByTestId('procedure-legal-documents').getByText('Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội').waitFor();
    // The declaration is an e-form: filled online while filing.
    const fill = page.getByTestId('procedure-forms').getByRole('link', { name: 'Điền tờ khai trực tuyến' });
    expect(await fill.getAttribute('href')).toBe('/nop-ho-so/1.000894');
    expect(await page.getByRole('main').innerText()).not.toMatch(/DEMO\./);
    expect(citizen.pageErrors).toEqual([]);
  }));
});
