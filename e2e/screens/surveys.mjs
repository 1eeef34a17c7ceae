#!/usr/bin/env node
// Screenshots and axe-core of the satisfaction surveys and external figures (not part of the test
// suite): the province's manager drafts a survey of the third quarter at the three demo communes
// (editor, sample preview), opens it; officers take answers by phone, an applicant answers from the
// link of the SMS the survey sent (the development gateway keeps it); the administrator enters SIPAS
// and PAR Index. Then: the list, the results, the invitations, the answer entry, the external
// figures page, the dashboard with the figures, the portal answer page — at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3343 SHOTS_DIR=/tmp/shots-surveys node e2e/screens/surveys.mjs
// Needs a fresh demo server (npm start) serving a current build of apps/web.
import { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } from './lib.mjs';

const communes = ['000.41.00.H40', '000.42.00.H40', '000.43.00.H40'];
const province = '000.00.00.H40';
const year = Number(new Date().toISOString().slice(0, 4));

const questionnaire = {
  questions: [
    { key: 'overall', kind: 'scale5', required: true, text: { vi: 'Ông/Bà đánh giá chung về việc giải quyết hồ sơ?', en: 'Overall, how satisfied are you with how your dossier was handled?' } },
    { key: 'time', kind: 'scale5', required: true, text: { vi: 'Thời gian giải quyết hồ sơ so với quy định?', en: 'The time taken, compared with the legal time?' } },
    { key: 'attitude', kind: 'scale5', required: true, text: { vi: 'Thái độ, tinh thần phục vụ của cán bộ, công chức?', en: 'The attitude of the officials who served you?' } },
    {
      key: 'contacts', kind: 'single_choice', required: false, text: { vi: 'Ông/Bà phải liên hệ cơ quan bao nhiêu lần để hoàn thành thủ tục?', en: 'How many times did you have to contact the agency?' },
      options: [{ key: 'one', text: { vi: 'Một lần', en: 'Once' } }, { key: 'two', text: { vi: 'Hai lần', en: 'Twice' } }, { key: 'three_or_more', text: { vi: 'Ba lần trở lên', en: 'Three times or more' } }],
    },
    {
      key: 'channels', kind: 'multiple_choice', required: false, text: { vi: 'Ông/Bà đã tìm hiểu thông tin về thủ tục qua những kênh nào?', en: 'Where did you learn about the procedure?' },
      options: [{ key: 'portal', text: { vi: 'Cổng dịch vụ công', en: 'The public service portal' } }, { key: 'counter', text: { vi: 'Bộ phận Một cửa', en: 'The one-stop counter' } },
        { key: 'phone', text: { vi: 'Điện thoại', en: 'Telephone' } }, { key: 'others', text: { vi: 'Người quen, nguồn khác', en: 'People I know, other sources' } }],
    },
    { key: 'comment', kind: 'free_text', required: false, text: { vi: 'Ý kiến góp ý khác của Ông/Bà', en: 'Anything else you would like to tell us' } },
  ],
};

/** JSON from the API with the page's staff session; writes echo its CSRF token. */
async function api(page, method, path, body) {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = (await (await request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken;
  const res = await request.fetch(`${base}/api/v1${path}`, { method, headers, data: body });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
}

const browser = await launch();
const findings = [];
const look = async (page, name, viewport, { fullPage = true } = {}) => {
  await page.setViewportSize(viewport);
  await page.waitForLoadState('networkidle');
  await shot(page, `${name}-${viewport.width}`, { fullPage });
  findings.push(...(await axe(page, `${name}-${viewport.width}`)));
};

try {
  const manager = await newPage(browser, { name: 'manager' });
  await signIn(manager, 'quanly.tinh');
  // A new draft in the editor, as it opens.
  for (const viewport of [desktop, mobile]) {
    await manager.setViewportSize(viewport);
    await manager.goto(`${base}/console/khao-sat/moi`);
    await manager.getByTestId('console-survey-new').waitFor();
    await look(manager, '10-survey-new', viewport);
  }
  const survey = await api(manager, 'POST', '/surveys', {
    title: `Khảo sát mức độ hài lòng quý III năm ${year}`, period: { kind: 'quarter', year, index: 3 }, agencies: communes,
    questionnaire, sampling: { mode: 'size', size: 12 }, seed: `quy3-${year}`,
  });
  // The saved draft: the sample preview above the editor.
  await manager.goto(`${base}/console/khao-sat/${survey.id}`);
  await manager.getByTestId('sample-preview').waitFor();
  for (const viewport of [desktop, mobile]) await look(manager, '11-survey-draft', viewport);
  await api(manager, 'POST', `/surveys/${survey.id}/actions`, { action: 'open' });

  // Answers: officers of each commune by phone or at the counter, a few at random levels.
  const officers = { '000.41.00.H40': 'canbo.giaothuy', '000.42.00.H40': 'canbo.giaominh' };
  const levels = [5, 4, 4, 5, 3, 2, 4, 5, 1, 4];
  const comments = ['Cán bộ hướng dẫn tận tình, dễ hiểu.', 'Phải chờ lâu ở quầy vào buổi sáng.', 'Nên gửi tin nhắn khi có kết quả.'];
  let n = 0;
  for (const [agency, username] of Object.entries(officers)) {
    const officer = await newPage(browser, { name: username });
    await signIn(officer, username);
    const list = await api(officer, 'GET', `/surveys/${survey.id}/invitations?agency=${agency}&answered=false&limit=50`);
    for (const invitation of list.items.slice(0, 7)) {
      const level = levels[n % levels.length];
      await api(officer, 'POST', `/surveys/${survey.id}/invitations/${invitation.id}/answer`, {
        channel: n % 3 === 0 ? 'counter' : 'phone',
        answers: {
          overall: level, time: Math.max(1, level - (n % 2)), attitude: Math.min(5, level + (n % 2)), contacts: ['one', 'two', 'one', 'three_or_more'][n % 4],
          channels: [['portal'], ['counter', 'phone'], ['portal', 'counter'], ['others']][n % 4], ...(n % 4 === 0 ? { comment: comments[(n / 4) % 3] } : {}),
        },
      });
      n += 1;
    }
    await officer.context().close();
  }
  // An applicant answers from the SMS the survey sent (the development gateway keeps it); another link is kept for the portal's shots.
  await manager.waitForTimeout(3000);
  const inbox = await (await manager.context().request.get(`${base}/dev-mailbox/messages.json`)).json();
  const links = [...new Set(inbox.items.map((m) => m.link ?? '').filter((l) => l.includes('/khao-sat#t=')))];
  if (links.length < 2) throw new Error(`expected survey invitations in the development gateway, found ${links.length}`);
  const token = (link) => link.split('#t=')[1];
  const applicant = await browser.newContext();
  const anonCsrf = (await (await applicant.request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken;
  const answered = await applicant.request.post(`${base}/api/v1/public/surveys/answers`, {
    headers: { 'x-csrf-token': anonCsrf }, data: { token: token(links[0]), answers: { overall: 4, time: 4, attitude: 5, contacts: 'one', channels: ['portal'], comment: 'Trả lời qua điện thoại rất tiện.' } },
  });
  if (!answered.ok()) throw new Error(`public answer: ${answered.status()} ${await answered.text()}`);
  await applicant.close();

  // Published figures, entered by the administrator.
  const admin = await newPage(browser, { name: 'admin' });
  await signIn(admin, 'quantri');
  await api(admin, 'PUT', '/external-figures', { agency: province, kind: 'sipas', year: year - 1, value: 84.12, rank: 9, rankOf: 34, source: `Quyết định số 123/QĐ-BNV ngày 15/4/${year}`, publishedOn: `${year}-04-15` });
  await api(admin, 'PUT', '/external-figures', { agency: province, kind: 'par_index', year: year - 1, value: 88.57, rank: 12, rankOf: 34, source: `Quyết định số 124/QĐ-BNV ngày 15/4/${year}`, publishedOn: `${year}-04-15` });
  await api(admin, 'PUT', '/external-figures', { agency: province, kind: 'sipas', year: year - 2, value: 82.9, rank: 14, rankOf: 63, source: `Quyết định số 301/QĐ-BNV ngày 6/5/${year - 1}` });

  for (const viewport of [desktop, mobile]) {
    await manager.setViewportSize(viewport);
    await manager.goto(`${base}/console/khao-sat`);
    await manager.getByTestId('console-surveys').waitFor();
    await look(manager, '20-surveys-list', viewport);
    await manager.goto(`${base}/console/khao-sat/${survey.id}`);
    await manager.getByTestId('survey-summary').waitFor();
    await look(manager, '30-survey-results', viewport);
    await manager.goto(`${base}/console/khao-sat/${survey.id}?xem=invitations`);
    await manager.getByTestId('survey-invitations').waitFor();
    await look(manager, '40-survey-invitations', viewport);
  }
  // An officer enters an answer taken by phone.
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  for (const viewport of [desktop, mobile]) {
    await officer.setViewportSize(viewport);
    await officer.goto(`${base}/console/khao-sat/${survey.id}?xem=invitations`);
    await officer.getByTestId('survey-invitations').waitFor();
    await officer.getByRole('button', { name: /^Nhập phiếu/ }).first().click();
    await officer.getByRole('dialog').waitFor();
    await look(officer, '41-survey-answer-entry', viewport, { fullPage: false });
    await officer.keyboard.press('Escape');
  }
  // A commune's leader sees their commune's results only.
  const leader = await newPage(browser, { name: 'leader' });
  await signIn(leader, 'lanhdao.giaothuy');
  await leader.goto(`${base}/console/khao-sat/${survey.id}`);
  await leader.getByTestId('survey-summary').waitFor();
  for (const viewport of [desktop, mobile]) await look(leader, '31-survey-results-commune', viewport);

  for (const viewport of [desktop, mobile]) {
    await admin.setViewportSize(viewport);
    await admin.goto(`${base}/console/so-lieu-ngoai`);
    await admin.getByTestId('external-figure-list').waitFor();
    await look(admin, '50-external-figures', viewport);
    await manager.setViewportSize(viewport);
    await manager.goto(`${base}/console/bao-cao`);
    await manager.getByTestId('external-figures').waitFor();
    await manager.getByTestId('external-figures').scrollIntoViewIfNeeded();
    await look(manager, '51-dashboard-external-figures', viewport);
  }

  // The applicant's page, from another invitation's link: mobile first, then wide; in English too.
  for (const [viewport, language] of [[mobile, 'vi'], [desktop, 'vi'], [mobile, 'en']]) {
    const citizen = await newPage(browser, { name: `citizen-${language}`, viewport, language });
    await citizen.goto(`${base}/khao-sat#t=${token(links[1])}`);
    await citizen.getByRole('button', { name: language === 'vi' ? 'Gửi phiếu khảo sát' : 'Send my answers' }).waitFor();
    await look(citizen, `60-portal-survey-${language}`, viewport);
    if (language === 'vi' && viewport === mobile) {
      // Sent without the required answers: each is marked.
      await citizen.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
      await citizen.getByText(/câu bắt buộc chưa trả lời/).waitFor();
      await look(citizen, '61-portal-survey-missing', viewport, { fullPage: false });
    }
    await citizen.context().close();
  }
  // The thanks, after a real answer.
  const citizen = await newPage(browser, { name: 'citizen-answer', viewport: mobile });
  await citizen.goto(`${base}/khao-sat#t=${token(links[1])}`);
  for (const [name, label] of [['overall', 'Hài lòng'], ['time', 'Bình thường'], ['attitude', 'Rất hài lòng']]) {
    await citizen.locator(`#survey-${name}`).getByText(label, { exact: true }).click();
  }
  await citizen.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await citizen.getByTestId('survey-thanks').waitFor();
  await look(citizen, '62-portal-survey-thanks', mobile, { fullPage: false });
} finally {
  await browser.close();
}
console.log(`\n${problems.length} console problems${problems.length ? `:\n${problems.join('\n')}` : ''}`);
console.log(`${findings.length} critical or serious axe findings`);
process.exit(findings.length || problems.length ? 1 : 0);
