/**
 * The administrator's journey, in real Chromium against the real server (`npm start`, fresh demo
 * database): the provincial administrator gives xã Giao Thủy a new short name and a second
 * counter, loads next year's official holiday schedule (prefilled from the Labour Code, with a
 * make-up working day added), creates an officer's account — who then signs in — and finds the
 * changes in the audit trail (by subject, by family of actions, by who did it), the province-wide
 * schedule load included. Every change is confirmed by a notification and read back from the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testNow } from '../apps/server/test/support/clock.ts';
import { launchBrowser } from './support/browser.ts';
import { consoleNav, journeySteps, newPerson, signIn, startJourneyServer, type Person } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

const commune = { code: '000.41.00.H40', name: 'Ủy ban nhân dân xã Giao Thủy', shortName: 'UBND xã Giao Thủy (mới)' };
const counter = { code: 'MC2', name: 'Quầy số 2 - Bộ phận Một cửa xã Giao Thủy' };
const account = { username: 'canbo2.giaothuy', fullName: 'Trần Thị Mai Anh', password: 'Motcua@2026' };

/** Next year in Vietnam (by the tests' clock), and its first Saturday (to be made a make-up working day). */
function nextYear(): { year: number; saturday: string; label: string } {
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(testNow())) + 1;
  // The first Saturday after New Year's Day (1 January itself is a holiday when it is a Saturday,
  // as in 2028); none of 2–8 January is a holiday (Tết starts on 21 January at the earliest).
  let day = 2;
  while (new Date(Date.UTC(year, 0, day)).getUTCDay() !== 6) day++;
  const dd = String(day).padStart(2, '0');
  return { year, saturday: `${year}-01-${dd}`, label: `Thứ Bảy ${dd}/01/${year}` };
}

describe('administration journey: an agency, a holiday schedule and an account, then the audit trail', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Person;
  let newcomer: Person;
  const step = journeySteps(() => [admin, newcomer]);
  const next = nextYear();

  const tab = async (page: Page, name: string) => {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/console/quan-tri' && url.searchParams.has('tab'));
  };
  const notified = (page: Page, text: string) => page.getByText(text, { exact: true }).first().waitFor();
  const api = async <T>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(`/api/v1${path}`);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startJourneyServer();
    browser = await launchBrowser();
    admin = await newPerson(browser, server.baseUrl, 'admin');
    newcomer = await newPerson(browser, server.baseUrl, 'newcomer');
  });

  afterAll(async () => {
    const errors = [admin, newcomer].filter(Boolean).flatMap((p) => [...p.pageErrors, ...p.consoleErrors]);
    if (errors.length) console.warn(`browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
    await server?.stop();
  });

  it('gives xã Giao Thủy a new short name and a second counter', () => step('agency', async () => {
    const { page } = admin;
    await signIn(admin, 'quantri');
    await consoleNav(page).getByRole('link', { name: 'Quản trị', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Cơ quan, đơn vị' }).getAttribute('aria-selected')).toBe('true');

    // Found in the tree by typing without diacritics.
    await page.getByRole('textbox', { name: 'Tìm cơ quan' }).fill('giao thuy');
    await page.getByRole('list', { name: 'Cây cơ quan, đơn vị' }).getByRole('button', { name: /^UBND xã Giao Thủy.*000\.41\.00\.H40/ }).click();
    await page.waitForURL((url) => url.searchParams.get('agency') === commune.code);
    const details = page.getByTestId('agency-details');
    await details.getByRole('heading', { level: 2, name: commune.name }).waitFor();
    // The merged communes stay in the tree, ended.
    await page.getByRole('textbox', { name: 'Tìm cơ quan' }).fill('');
    await page.getByRole('button', { name: /UBND xã Giao Thiện.*000\.31\.12\.H40.*hết hiệu lực 30\/06\/2025/ }).waitFor();

    const shortName = details.getByRole('textbox', { name: 'Tên viết tắt' });
    await shortName.fill(commune.shortName);
    await details.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await notified(page, `Đã lưu thông tin ${commune.name}.`);

    await details.getByRole('button', { name: 'Thêm quầy tiếp nhận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm quầy tiếp nhận' });
    await dialog.getByRole('button', { name: 'Thêm quầy' }).click();
    await dialog.getByText('Mã gồm 1–64 ký tự, không có dấu cách hoặc dấu “/”.').waitFor(); // validated before sending
    await dialog.getByRole('textbox', { name: 'Mã' }).fill(counter.code);
    await dialog.getByRole('textbox', { name: 'Tên' }).fill(counter.name);
    await dialog.getByRole('button', { name: 'Thêm quầy' }).click();
    await dialog.waitFor({ state: 'detached' });
    await notified(page, `Đã thêm ${counter.name} vào ${commune.name}.`);
    await page.getByTestId('agency-counters').getByRole('cell', { name: counter.code, exact: true }).waitFor();

    const id = (await api<{ items: Array<{ id: string; code: string }> }>(page, '/agencies?limit=500')).items.find((a) => a.code === commune.code)!.id;
    expect((await api<{ shortName: string }>(page, `/agencies/${id}`)).shortName).toBe(commune.shortName);
    const offices = await api<{ counters: Array<{ code: string; name: string }> }>(page, `/agencies/${id}/offices`);
    expect(offices.counters.map((c) => c.code)).toContain(counter.code);
    // The tree shows the new short name.
    await page.getByRole('button', { name: new RegExp(`^${commune.shortName.replace(/[()]/g, '\\$&')}.*000\\.41\\.00\\.H40`) }).waitFor();
  }));

  it(`loads the official holiday schedule of next year, prefilled from the Labour Code`, () => step('holidays', async () => {
    const { page } = admin;
    await tab(page, 'Lịch nghỉ lễ');
    await page.getByRole('button', { name: `Nạp lịch nghỉ năm ${next.year}` }).click();
    await page.waitForURL((url) => url.searchParams.get('year') === String(next.year) && url.searchParams.get('edit') === '1');
    const editor = page.getByTestId('holiday-editor');
    await editor.getByRole('heading', { name: `Nạp lịch nghỉ chính thức năm ${next.year}` }).waitFor();
    // Prefilled from the Labour Code: its first weekday off (New Year's Day, or the Monday after it
    // when it falls on a weekend) is marked off.
    const computed = await api<{ daysOff: string[]; workingDays: string[] }>(page, `/public/holidays/${next.year}`);
    const [y, m, d] = computed.daysOff[0]!.split('-');
    const firstOff = editor.getByRole('button', { name: new RegExp(`^\\S.* ${d}/${m}/${y}: Ngày nghỉ$`) });
    expect(await firstOff.getAttribute('aria-pressed')).toBe('true');

    // A Saturday becomes a make-up working day.
    await editor.getByRole('button', { name: `${next.label}: Nghỉ cuối tuần` }).click();
    await editor.getByRole('button', { name: `${next.label}: Ngày làm bù` }).waitFor();
    await editor.getByRole('textbox', { name: 'Căn cứ, mức độ xác nhận' }).fill('Đã đối chiếu thông báo của Bộ Nội vụ');
    await editor.getByRole('button', { name: `Lưu lịch năm ${next.year}` }).click();
    await notified(page, `Đã nạp lịch nghỉ chính thức năm ${next.year}.`);

    const year = page.getByTestId('holiday-year');
    await year.getByRole('heading', { name: `Lịch nghỉ lễ, Tết năm ${next.year}` }).waitFor();
    await year.getByText('Đã nạp', { exact: true }).waitFor();
    await year.getByText('Đã đối chiếu thông báo của Bộ Nội vụ').waitFor();
    const loaded = await api<{ items: Array<{ year: number; source: string; daysOff: string[]; workingDays: string[] }> }>(page, '/calendar/schedules');
    const schedule = loaded.items.find((s) => s.year === next.year);
    expect(schedule).toMatchObject({ source: 'loaded', daysOff: computed.daysOff, workingDays: [next.saturday] });
  }));

  it('creates an officer’s account at xã Giao Thủy, who then signs in', () => step('account', async () => {
    const { page } = admin;
    await tab(page, 'Tài khoản cán bộ');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản cán bộ' });
    // Nothing is sent until the form is complete.
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Cần ít nhất một vai trò.').waitFor();

    await dialog.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(account.username);
    await dialog.getByRole('textbox', { name: 'Họ và tên' }).fill(account.fullName);
    await dialog.getByLabel(/^Mật khẩu/).fill(account.password);
    await dialog.getByRole('combobox', { name: 'Vai trò 1', exact: true }).click();
    await page.getByRole('option', { name: 'Cán bộ một cửa', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Cơ quan của vai trò 1', exact: true }).fill('Giao Thủy');
    await page.getByRole('option', { name: `${commune.shortName} (${commune.code})` }).click();
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.waitFor({ state: 'detached' });
    await notified(page, `Đã tạo tài khoản ${account.username}.`);
    // The new account opens beside the list.
    await page.getByTestId('staff-details').getByText(account.username, { exact: true }).waitFor();
    await page.keyboard.press('Escape');

    // Found by its full name typed without diacritics.
    await page.getByRole('textbox', { name: 'Tìm tài khoản' }).fill('tran thi mai');
    await page.waitForURL((url) => url.searchParams.get('q') === 'tran thi mai');
    await page.getByRole('button', { name: `Mở tài khoản ${account.username}` }).waitFor();
    await expect.poll(() => page.getByTestId('staff-table').getByRole('row').count()).toBe(2); // the heading and the one match
    await page.getByText('1–1 trong 1 tài khoản').waitFor();

    await signIn(newcomer, account.username);
    await newcomer.page.getByText(account.fullName).first().waitFor();
  }));

  it('finds the changes in the audit trail', () => step('audit', async () => {
    const { page } = admin;
    await tab(page, 'Nhật ký');
    const table = page.getByTestId('audit-table');
    const row = (action: string) => table.locator(`tr[data-action="${action}"]`);
    await row('user.created').first().waitFor();
    expect(await row('user.created').first().innerText()).toContain(`${account.username} — ${account.fullName}`);
    expect(await row('user.created').first().innerText()).toContain('Tạo tài khoản');
    expect(await row('agency.counter_added').first().innerText()).toContain(commune.code);
    const renamed = row('agency.updated').first();
    expect(await renamed.innerText()).toContain('quantri');
    await renamed.getByRole('button', { name: 'Xem nội dung' }).click();
    await table.getByText(`shortName: ${commune.shortName}`).waitFor();

    // Filtered to the commune.
    await page.getByRole('combobox', { name: 'Đối tượng', exact: true }).click();
    await page.getByRole('option', { name: 'Cơ quan', exact: true }).click();
    await page.getByRole('combobox', { name: 'Cụ thể', exact: true }).fill('Giao Thủy');
    await page.getByRole('option', { name: `${commune.shortName} (${commune.code})` }).click();
    await page.waitForURL((url) => url.searchParams.get('entityId') === commune.code);
    const actionsShown = () => table.locator('tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    await expect.poll(actionsShown).toEqual(['agency.counter_added', 'agency.updated']);

    // The holiday schedule belongs to no agency: the province's administrator finds it among the
    // schedule loads, marked province-wide, with the make-up working day that was added.
    await page.getByRole('button', { name: 'Bỏ lọc', exact: true }).first().click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'nhat-ky' && !url.searchParams.has('entityId') && !url.searchParams.has('entityType'));
    await page.getByRole('combobox', { name: 'Thao tác', exact: true }).click();
    await page.getByRole('option', { name: 'Lịch nghỉ lễ', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'calendar.');
    await expect.poll(actionsShown).toEqual(['calendar.schedule_loaded']);
    const loaded = row('calendar.schedule_loaded');
    const text = await loaded.innerText();
    for (const part of ['Nạp lịch nghỉ lễ', 'Lịch nghỉ lễ', String(next.year), 'quantri', 'Toàn tỉnh']) expect(text).toContain(part);
    await loaded.getByRole('button', { name: 'Xem nội dung' }).click();
    await table.getByText(new RegExp(`workingDays: .*${next.saturday}`)).waitFor();

    // Who signed in: the newcomer, found by part of the username in any case.
    await page.getByRole('combobox', { name: 'Thao tác', exact: true }).click();
    await page.getByRole('option', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'auth.');
    await page.getByRole('textbox', { name: 'Người thực hiện', exact: true }).fill('CANBO2');
    await page.waitForURL((url) => url.searchParams.get('actor') === 'CANBO2' && !url.searchParams.has('page'));
    await expect.poll(actionsShown).toEqual(['auth.signed_in']);
    expect(await row('auth.signed_in').innerText()).toContain(account.username);
    await page.getByText('1–1 trong 1 dòng').waitFor();

    expect(admin.pageErrors).toEqual([]);
  }));
});
