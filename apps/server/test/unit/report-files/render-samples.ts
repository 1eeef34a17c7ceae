/**
 * Renders the sample reports' charts to PNG and the reports to XLSX and PDF, for looking at them:
 *   npx tsx apps/server/test/unit/report-files/render-samples.ts /tmp/motcua-report
 *   (then: pdftoppm -png -r 70 /tmp/motcua-report/seed.pdf /tmp/motcua-report/seed-page)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportCharts } from '../../../src/infra/charts/report-charts.ts';
import { renderReport } from '../../../src/modules/reports/report-files.ts';
import { communeReport, largeReport, seedReport } from './fixtures.ts';

const out = process.argv[2] ?? '/tmp/motcua-report';
const only = process.argv.slice(3);
await mkdir(out, { recursive: true });
const reports = { seed: seedReport, communes: communeReport, large: largeReport(60) };
for (const [name, report] of Object.entries(reports)) {
  if (only.length > 0 && !only.includes(name)) continue;
  for (const chart of await reportCharts(report)) {
    await writeFile(join(out, `${name}-chart-${chart.key}.png`), chart.image.png);
  }
  for (const format of ['xlsx', 'pdf'] as const) {
    const started = performance.now();
    const bytes = await renderReport(report, format);
    const file = join(out, `${name}.${format}`);
    await writeFile(file, bytes);
    console.log(`${file}\t${bytes.length} bytes\t${(performance.now() - started).toFixed(0)} ms`);
  }
}
