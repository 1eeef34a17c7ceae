#!/usr/bin/env node
// Screenshots and axe-core of the public catalogue search (not part of the test suite): the
// results for "tam tru", and for "khai sinh" narrowed to a field and a level with the agency list
// open, at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/shots-search node e2e/screens/catalogue-search.mjs
// Needs a server with a demo database serving a current build of apps/web.
process.env.SHOTS_DIR ??= '/tmp/shots-search';
const { axe, base, desktop, launch, mobile, newPage, problems, shot } = await import('./lib.mjs');

const browser = await launch();
const findings = [];
try {
  for (const [size, viewport] of [['desktop', desktop], ['mobile', mobile]]) {
    for (const language of ['vi', 'en']) {
      const page = await newPage(browser, { viewport, language, name: `search-${size}-${language}` });
      await page.goto(`${base}/thu-tuc?q=tam+tru`);
      await page.getByRole('status').waitFor();
      await shot(page, `search-tam-tru-${size}-${language}`);
      findings.push(...await axe(page, `tam tru ${size} ${language}`));
      if (language === 'en') {
        await page.context().close();
        continue;
      }
      await page.goto(`${base}/thu-tuc?q=khai+sinh&linh-vuc=${encodeURIComponent('Hộ tịch')}&cap=commune`);
      await page.getByRole('status').waitFor();
      await shot(page, `search-khai-sinh-filtered-${size}`);
      findings.push(...await axe(page, `khai sinh filtered ${size}`));
      await page.getByRole('textbox', { name: 'Cơ quan thực hiện' }).click();
      await page.getByRole('option').first().waitFor();
      await shot(page, `search-agency-list-${size}`, { fullPage: false });
      await page.getByRole('option', { name: /Giao Thủy/ }).first().click();
      await page.getByRole('status').waitFor();
      await shot(page, `search-agency-chosen-${size}`);
      findings.push(...await axe(page, `agency chosen ${size}`));
      await page.goto(`${base}/thu-tuc?q=xyzzy&cap=police`);
      await page.getByText('Không tìm thấy thủ tục nào phù hợp.').waitFor();
      await shot(page, `search-empty-filtered-${size}`);
      findings.push(...await axe(page, `empty ${size}`));
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
if (problems.length) console.log(problems.join('\n'));
console.log(findings.length ? `${findings.length} serious or critical axe findings` : 'axe: no serious or critical findings');
