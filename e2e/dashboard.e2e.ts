/**
 * A provincial manager opens the reports dashboard on a server loaded with the seed district's
 * history (imported with `motcua import dossiers`, as a province migrating from its old system
 * would), picks "9 tháng 2023" and reads the published figures of Giao Thủy district, switches to
 * quarter 1 and sees the table and the charts follow, then downloads the XLSX and finds in it the
 * numbers of the JSON report for the same query.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type ExcelJSModule from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDatasetLines } from '../apps/cli/test/fixtures/seed-dataset.ts';
import { clockEnvironment } from '../apps/server/test/support/clock.ts';
import { formatNumber, formatPercent } from '../apps/web/src/shared/format.ts';
import { expectAccessible } from './support/axe.ts';
import { pageOverflow } from './support/layout.ts';
import { launchBrowser, newContext } from './support/browser.ts';
import { freePort, repoRoot, startServer, type RunningServer } from './support/server.ts';

// exceljs belongs to the server workspace (it writes the workbook); read it back with the same library.
const ExcelJS = createRequire(path.join(repoRoot, 'apps/server/package.json'))('exceljs') as typeof ExcelJSModule;

const district = '000.00.12.H40';
const nineMonths = { from: '2022-12-15', to: '2023-09-14' };
const quarter1 = { from: '2022-12-15', to: '2023-03-14' };

/** The keys of the official table, in its order (docs/rules/statistics.md), then its rates. */
const tableKeys = [
  'received', 'carriedOver', 'receivedInPeriod', 'online', 'counter', 'postal', 'resolved', 'resolvedAhead', 'resolvedOnTime',
  'resolvedOverdue', 'withdrawn', 'inProgress', 'inProgressOnTime', 'inProgressOverdue', 'digitized',
  'digitizationRate', 'onlineRate', 'onTimeRate',
] as const;

type Figures = Record<(typeof tableKeys)[number], number | null> & { resolvedAhead: number };
interface Report {
  period: { from: string; to: string; asOf?: string };
  total: Figures;
  rows: Array<Figures & { agency: string; agencyName: string }>;
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'apps/cli/bin/motcua.mjs'), ...args], {
      cwd: repoRoot, env: { ...process.env, ...clockEnvironment(), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the managers’ reports dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-dashboard-'));

  beforeAll(async () => {
    // History first, into the data directory the server will open (the embedded database allows
    // one process at a time): the demo province, then the seed district's dossiers.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: process.env.E2E_DATABASE_URL ?? '', LOG_LEVEL: 'warn' };
    const file = path.join(work, 'giao-thuy-2023.ndjson');
    fs.writeFileSync(file, [...seedDatasetLines()].join('\n') + '\n');
    const setup = await run(['setup', '--bundle', path.join(repoRoot, 'bundles/demo')], env);
    expect(setup.code, setup.stderr).toBe(0);
    const load = await run(['import', 'dossiers', '--file', file, '--json'], env);
    // The seed carries 7 lines the importer must refuse, so the command ends with 1.
    const summary = JSON.parse(load.stdout.trim().split('\n').at(-1)!);
    expect(summary.imported + summary.skipped, load.stderr).toBe(51403);

    [server, browser] = await Promise.all([startServer({}, { port: await freePort(), dataDir }), launchBrowser()]);
    context = await newContext(browser, { viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const cell = (agency: string, key: string) => page.locator(`tr[data-agency="${agency}"] [data-key="${key}"]`);
  /** Waits until the table cell reads exactly `text`. */
  const cellReads = (agency: string, key: string, text: string) =>
    page.locator(`tr[data-agency="${agency}"] [data-key="${key}"]`, { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
  const report = async (period: { from: string; to: string }): Promise<Report> => {
    const response = await page.request.get(`${server.baseUrl}/api/v1/reports/statistics?from=${period.from}&to=${period.to}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as Report;
  };
  /** Every text of the chart's SVG (ECharts' SVG renderer keeps labels as text). */
  const chartText = (name: string) => page.locator(`[data-chart="${name}"][data-ready="true"] svg`).textContent();
  const choosePeriod = async (label: string) => {
    await page.getByTestId('report-period-select').click();
    await page.getByTestId('report-period-select').fill(label);
    await page.getByRole('option', { name: new RegExp(`^${label.replace('/', '\\/')}`) }).click();
  };

  it('shows the published 9-month figures of the district, then quarter 1 in the table and the charts', async () => {
    await page.goto(`${server.baseUrl}/console/dang-nhap?next=/console/bao-cao`);
    await page.getByRole('textbox', { name: /Tên đăng nhập/ }).fill('quanly.tinh');
    await page.locator('input[name=password]').fill('Motcua@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('console-reports').waitFor();

    await choosePeriod('9 tháng 2023');
    await page.waitForURL((url) => url.searchParams.get('from') === nineMonths.from && url.searchParams.get('to') === nineMonths.to);
    await cellReads(district, 'received', '3.884');
    expect(await cell(district, 'resolved').textContent()).toBe('3.839');
    expect(await cell(district, 'resolvedAhead').textContent()).toBe('3.517');
    expect(await cell(district, 'resolvedOnTime').textContent()).toBe('322');
    expect(await cell(district, 'resolvedOverdue').textContent()).toBe('0');
    expect(await cell(district, 'digitized').textContent()).toBe('2.670');
    expect(await cell(district, 'digitizationRate').textContent()).toBe('68,7%');
    expect(await page.getByTestId('report-period').textContent()).toContain('9 tháng 2023: từ 15/12/2022 đến 14/09/2023');
    // A period that is over: no "as of".
    expect(await page.getByTestId('report-as-of').count()).toBe(0);

    const nine = await report(nineMonths);
    await page.locator('[data-chart="trend"][data-ready="true"]').waitFor();
    await page.locator('[data-chart="share"][data-ready="true"]').waitFor();
    expect(await chartText('trend')).toContain('09/2023');
    expect(await chartText('share')).toContain(`Trước hạn: ${formatNumber(nine.total.resolvedAhead)}`);

    // Quarter 1 (official: 15/12/2022–14/03/2023): other numbers, from the API, in the table and the charts.
    await choosePeriod('Quý I/2023');
    await page.waitForURL((url) => url.searchParams.get('to') === quarter1.to);
    const q1 = await report(quarter1);
    const q1District = q1.rows.find((r) => r.agency === district)!;
    const nineDistrict = nine.rows.find((r) => r.agency === district)!;
    expect(q1District.received).not.toBe(nineDistrict.received);
    await cellReads(district, 'received', formatNumber(q1District.received));
    // Every column of the screen's table (the form shows the period's intake through its split, and no online rate).
    for (const key of tableKeys.filter((k) => k !== 'receivedInPeriod' && k !== 'onlineRate')) {
      const value = q1District[key];
      const text = key.endsWith('Rate') ? formatPercent(value) : formatNumber(value);
      expect(await cell(district, key).textContent(), key).toBe(text);
    }
    expect(await cell('total', 'received').textContent()).toBe(formatNumber(q1.total.received));
    await page.waitForFunction(() => !document.querySelector('[data-chart="trend"] svg')?.textContent?.includes('09/2023'));
    const trend = await chartText('trend');
    expect(trend).toContain('03/2023');
    expect(trend).not.toContain('04/2023');
    await page.waitForFunction(
      (text) => document.querySelector('[data-chart="share"] svg')?.textContent?.includes(text) ?? false,
      `Trước hạn: ${formatNumber(q1.total.resolvedAhead)}`,
    );
    expect(await chartText('rates')).toContain(formatPercent(q1District.digitizationRate));
  });

  it('says up to when a period that is not over is counted (the current quarter, by default)', async () => {
    await page.goto(`${server.baseUrl}/console/bao-cao`);
    await page.waitForURL((url) => url.searchParams.has('from'));
    const url = new URL(page.url());
    const json = await report({ from: url.searchParams.get('from')!, to: url.searchParams.get('to')! });
    expect(json.period.asOf).toBeDefined();
    const asOf = page.getByTestId('report-as-of');
    await asOf.waitFor();
    // The page's request came a moment before ours: the same words, perhaps a minute earlier.
    const text = (await asOf.textContent())!;
    expect(text).toMatch(/^Số liệu tính đến \d\d:\d\d ngày \d\d\/\d\d\/\d{4} · /);
    const shown = /(\d\d):(\d\d) ngày (\d\d)\/(\d\d)\/(\d{4})/.exec(text)!;
    const shownAt = Date.parse(`${shown[5]}-${shown[4]}-${shown[3]}T${shown[1]}:${shown[2]}:00+07:00`);
    const apiAt = Date.parse(json.period.asOf!);
    expect(apiAt - shownAt).toBeGreaterThanOrEqual(0);
    expect(apiAt - shownAt).toBeLessThan(3 * 60_000);
    // Back to quarter 1 of 2023 for the download below.
    await page.goBack();
    await page.waitForURL((u) => u.searchParams.get('to') === quarter1.to);
    await cellReads(district, 'received', formatNumber((await report(quarter1)).rows.find((r) => r.agency === district)!.received));
  });

  it('downloads the XLSX of the same query, whose numbers are the JSON report’s', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-${quarter1.from}-${quarter1.to}.xlsx`);
    const file = path.join(work, 'report.xlsx');
    await download.saveAs(file);
    const json = await report(quarter1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Báo cáo') ?? workbook.worksheets[0]!;
    /** The numbers of the sheet's row whose cells include `label` (an agency code, or the total's label), left to right after it. */
    const numbersAfter = (label: string): number[] => {
      let found: number[] | undefined;
      sheet.eachRow((row) => {
        const values = (row.values as unknown[]).slice(1);
        const at = values.findIndex((v) => v === label);
        if (at >= 0 && !found) found = values.slice(at + 1).filter((v): v is number => typeof v === 'number');
      });
      expect(found, `a row for ${label}`).toBeDefined();
      return found!;
    };
    const expected = (figures: Figures) => tableKeys.map((k) => figures[k]).filter((v): v is number => v !== null);

    expect(json.rows.length).toBeGreaterThan(1);
    for (const row of json.rows) expect(numbersAfter(row.agency), row.agencyName).toEqual(expected(row));
    expect(numbersAfter('Tổng cộng')).toEqual(expected(json.total));
    // The official form's heading and signatures: the province's, whose manager made it with no agency chosen.
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const line of ['Biểu số 06a/VPCP/KSTT', 'ỦY BAN NHÂN DÂN', 'TỈNH NINH BÌNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: ……………/BC-UBND', 'NGƯỜI LẬP BIỂU', 'CHỦ TỊCH']) {
      expect(texts).toContain(line);
    }
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it('marks the agencies that ended (the district, merged on 30/06/2025) in the agency filter', async () => {
    await page.getByTestId('report-agency').click();
    const ended = page.getByRole('option', { name: 'Ủy ban nhân dân huyện Giao Thủy (đã kết thúc 30/06/2025)' });
    await ended.waitFor();
    await page.keyboard.press('Escape');
    // The next test measures the page's width: a list still closing would be counted in it.
    await ended.waitFor({ state: 'hidden' });
  });

  it('fits a phone: the page never scrolls sideways at 390 px, the table scrolls in its own box', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await cellReads(district, 'received', formatNumber((await report(quarter1)).rows.find((r) => r.agency === district)!.received));
    await page.locator('[data-chart="share"][data-ready="true"]').waitFor();
    // Everything the page shows, the service index's ranking included, before it is measured.
    await page.getByTestId('report-index').getByTestId('index-ranking').waitFor();
    const width = await pageOverflow(page);
    expect(width.scrollWidth, `past the right edge: ${width.past.join('; ')}`).toBeLessThanOrEqual(390);
    const box = await page.getByTestId('report-table').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    await expectAccessible(page, 'the report page at 390 px');
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});
