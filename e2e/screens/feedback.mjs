#!/usr/bin/env node
// Screenshots and axe-core of feedback and petitions (not part of the test suite). The portal's
// "Phản ánh, kiến nghị": the form (with the consent), the pointer shown for a complaint, the receipt
// after sending, the lookup, the published answers searched without diacritics, the status page of
// a published answer and of one refused as a complaint. The console: the list (and its overdue
// filter), the intake form, a feedback's page with its timeline, the review before publication,
// and the feedback figures on the report page. Each at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3391 SHOTS_DIR=/tmp/shots-feedback node e2e/screens/feedback.mjs
// Needs a server with a demo database (it seeds feedback on a first start) serving a current build
// of apps/web. Each run sends one feedback through the portal and answers one through the API.
process.env.SHOTS_DIR ??= '/tmp/shots-feedback';
const { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } = await import('./lib.mjs');

const sizes = [desktop, mobile];
const browser = await launch();
const findings = [];
const suffix = (viewport) => (viewport === desktop ? 'desktop' : 'mobile');
const look = async (page, name, viewport, options) => {
  await page.waitForTimeout(250);
  await shot(page, `${name}-${suffix(viewport)}`, options);
  findings.push(...(await axe(page, `${name}-${suffix(viewport)}`)).map((v) => `${name}-${suffix(viewport)}: ${v.id}`));
};
/** JSON from the API with the page's cookies; writes echo the CSRF token. */
const api = async (page, method, path, body) => {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = (await (await request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken;
  const res = await request.fetch(`${base}/api/v1${path}`, { method, headers, data: body });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
};

try {
  // ---- Portal ----
  const citizen = await newPage(browser, { name: 'citizen' });
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/phan-anh`);
    await citizen.getByTestId('feedback-page').waitFor();
    await citizen.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill('Đề nghị niêm yết mẫu tờ khai tại Bộ phận Một cửa');
    await citizen.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('Khi đến làm thủ tục, người dân phải chờ cán bộ in mẫu tờ khai. Đề nghị niêm yết sẵn các mẫu tờ khai thường dùng.');
    await citizen.getByRole('textbox', { name: 'Họ và tên', exact: true }).fill('Nguyễn Văn An');
    await citizen.getByRole('textbox', { name: 'Số điện thoại', exact: true }).fill('0912 345 678');
    await citizen.getByTestId('feedback-consent').check();
    await look(citizen, '01-portal-form', viewport);
  }
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/phan-anh`);
    await citizen.locator('[data-category="complaint"]').click();
    await citizen.getByTestId('feedback-separate').waitFor();
    await look(citizen, '02-portal-complaint-pointer', viewport, { fullPage: false });
  }
  // Sent once (desktop), the receipt shot at both sizes.
  await citizen.setViewportSize(desktop);
  await citizen.goto(`${base}/phan-anh`);
  await citizen.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill('Đề nghị niêm yết mẫu tờ khai tại Bộ phận Một cửa');
  await citizen.getByRole('textbox', { name: 'Nội dung', exact: true }).fill('Tôi là Nguyễn Văn An. Khi đến làm thủ tục, người dân phải chờ cán bộ in mẫu tờ khai. Đề nghị niêm yết sẵn các mẫu tờ khai thường dùng. Điện thoại: 0912 345 678.');
  await citizen.getByRole('textbox', { name: 'Họ và tên', exact: true }).fill('Nguyễn Văn An');
  await citizen.getByRole('textbox', { name: 'Số điện thoại', exact: true }).fill('0912 345 678');
  await citizen.getByTestId('feedback-consent').check();
  await citizen.getByTestId('feedback-submit').click();
  await citizen.getByTestId('feedback-receipt').waitFor();
  const code = (await citizen.getByTestId('feedback-code').textContent()).trim();
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await look(citizen, '03-portal-receipt', viewport);
  }
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/phan-anh?xem=tra-cuu`);
    await citizen.getByTestId('feedback-lookup').fill(code.toLowerCase());
    await citizen.getByTestId('feedback-lookup').press('Enter');
    await citizen.getByTestId('feedback-status').waitFor();
    await look(citizen, '04-portal-status-received', viewport);
  }
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/phan-anh?xem=da-tra-loi`);
    await citizen.getByTestId('published-list').waitFor();
    await citizen.getByTestId('published-search').fill('duong lien thon');
    await citizen.waitForTimeout(700);
    await citizen.getByTestId('published-list').waitFor();
    await look(citizen, '05-portal-published-search', viewport);
  }
  const published = (await api(citizen, 'GET', '/public/feedback?limit=1')).items[0];
  const refused = await api(citizen, 'POST', '/public/feedback', { title: 'Khiếu nại quyết định xử phạt', content: 'Tôi không đồng ý.', publish: false, category: 'complaint' });
  for (const viewport of sizes) {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/phan-anh/${published.code}`);
    await citizen.getByTestId('feedback-publication').waitFor();
    await look(citizen, '06-portal-status-published', viewport);
    await citizen.goto(`${base}/phan-anh/${refused.code}`);
    await citizen.getByTestId('feedback-refusal').waitFor();
    await look(citizen, '07-portal-status-refused', viewport);
  }

  // ---- Console ----
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  for (const viewport of sizes) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console/phan-anh`);
    await officer.getByTestId('feedback-list').locator('a[data-row-link]').first().waitFor();
    await look(officer, '10-console-list', viewport);
  }
  for (const viewport of sizes) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console/phan-anh/moi`);
    await officer.getByTestId('feedback-intake').waitFor();
    await look(officer, '11-console-intake', viewport);
  }
  // The feedback sent above, assigned to the commune, then answered by its leader.
  const list = await api(officer, 'GET', `/feedback?q=${encodeURIComponent(code)}`);
  let id = list.items[0]?.id;
  if (!id) {
    // Sent to the province (no agency named): its manager assigns it to the commune.
    const manager = await newPage(browser, { name: 'manager' });
    await signIn(manager, 'quanly.tinh');
    const found = await api(manager, 'GET', `/feedback?q=${encodeURIComponent(code)}`);
    id = found.items[0].id;
    await api(manager, 'POST', `/feedback/${id}/actions`, { action: 'assign', agency: '000.41.00.H40', note: 'Chuyển Ủy ban nhân dân xã Giao Thủy trả lời' });
    await manager.context().close();
  }
  const leader = await newPage(browser, { name: 'leader' });
  await signIn(leader, 'lanhdao.giaothuy');
  await api(leader, 'POST', `/feedback/${id}/actions`, {
    action: 'answer',
    answer: 'Ủy ban nhân dân xã tiếp thu ý kiến của ông Nguyễn Văn An. Từ tuần sau, Bộ phận Một cửa niêm yết sẵn các mẫu tờ khai thường dùng; người dân cần hỗ trợ xin liên hệ số 0228 3 123 456.',
  });
  for (const viewport of sizes) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console/phan-anh/${id}`);
    await officer.getByTestId('feedback-timeline').waitFor();
    await look(officer, '12-console-detail', viewport);
  }
  // The review before publication, on a feedback whose sender agreed.
  const consenting = (await api(officer, 'GET', '/feedback?status=answered&limit=50')).items.find((i) => i.publishConsent && !i.publishedAt);
  if (consenting) {
    for (const viewport of sizes) {
      await officer.setViewportSize(viewport);
      await officer.goto(`${base}/console/phan-anh/${consenting.id}`);
      await officer.locator('[data-action="publish"]').click();
      await officer.getByTestId('publish-removed').waitFor();
      await look(officer, '13-console-publish-review', viewport, { fullPage: false });
      await officer.keyboard.press('Escape');
    }
  } else {
    problems.push('no answered feedback waiting for publication to shoot the review');
  }
  for (const viewport of sizes) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console/phan-anh?qua-han=1`);
    await officer.getByTestId('feedback-list').waitFor();
    await look(officer, '14-console-overdue', viewport);
  }
  const manager = await newPage(browser, { name: 'manager' });
  await signIn(manager, 'quanly.tinh');
  for (const viewport of sizes) {
    await manager.setViewportSize(viewport);
    await manager.goto(`${base}/console/bao-cao`);
    const section = manager.getByTestId('report-feedback');
    await section.waitFor();
    await section.locator('[data-card="received"]').waitFor();
    await section.scrollIntoViewIfNeeded();
    await look(manager, '15-report-feedback', viewport, { fullPage: false });
  }
  // The section alone, for the axe run above already covered the page.
  await manager.setViewportSize(desktop);
  await manager.getByTestId('report-feedback').screenshot({ path: `${process.env.SHOTS_DIR}/16-report-feedback-section.png` });
} finally {
  await browser.close();
}
console.log(problems.length ? `problems:\n${problems.join('\n')}` : 'no console errors');
console.log(findings.length ? `${findings.length} serious axe findings:\n${findings.join('\n')}` : 'axe: no serious findings');
