#!/usr/bin/env node
// Screenshots and axe-core of satisfaction ratings (not part of the test suite): the counter's
// kiosk and rating page (/danh-gia) at a portrait kiosk (1080×1920), a landscape tablet (1280×800),
// a desktop and a phone, each step of a rating, the refusal of a used code; the leader's console
// (home card, alerts page, the handling dialog), the dossier page's rating panel, the report's
// ratings, and the portal's form with the criteria open.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/motcua-shots-ratings node e2e/screens/ratings.mjs
// Needs a server with a demo database serving a current build of apps/web.
import { axe, base, desktop, launch, mobile, newPage, problems, shot, signIn } from './lib.mjs';

const kioskPortrait = { width: 1080, height: 1920 };
const tablet = { width: 1280, height: 800 };
const browser = await launch();
const findings = [];
const look = async (page, name, viewport, options) => {
  await page.setViewportSize(viewport);
  await shot(page, `${name}-${viewport.width}x${viewport.height}`, options);
  findings.push(...(await axe(page, `${name}-${viewport.width}`)));
};
const api = async (page, method, url, body) => {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = (await (await request.get(`${base}/api/v1/auth/me`)).json()).csrfToken;
  const res = await request.fetch(`${base}/api/v1${url}`, { method, headers, ...(body === undefined ? {} : { data: body }) });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
};

try {
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  const specialist = await newPage(browser, { name: 'specialist' });
  await signIn(specialist, 'chuyenvien.giaothuy');
  const leader = await newPage(browser, { name: 'leader' });
  await signIn(leader, 'lanhdao.giaothuy');

  /** A dossier received at Giao Thủy's counter, handled and returned. */
  const returned = async (name) => {
    const d = await api(officer, 'POST', '/dossiers', { procedureCode: '1.000894', applicant: { name }, components: [{ index: 0, received: true }] });
    await api(officer, 'POST', `/dossiers/${d.id}/actions`, { action: 'transfer' });
    await api(specialist, 'POST', `/dossiers/${d.id}/actions`, { action: 'forward' });
    await api(leader, 'POST', `/dossiers/${d.id}/actions`, { action: 'resolve' });
    await api(officer, 'POST', `/dossiers/${d.id}/actions`, { action: 'return_result' });
    return d;
  };
  const [kioskDossier, apiDossier, unrated] = [await returned('Trịnh Thị Tâm'), await returned('Lương Văn Phúc'), await returned('Hà Thị Cúc')];

  // The kiosk: the waiting screen, then each step of one rating, in every size.
  const kiosk = await newPage(browser, { name: 'kiosk', viewport: kioskPortrait });
  await kiosk.goto(`${base}/danh-gia`);
  await kiosk.getByTestId('rating-scan').waitFor();
  for (const v of [kioskPortrait, tablet, desktop, mobile]) await look(kiosk, '10-kiosk-waiting', v, { fullPage: false });
  await kiosk.setViewportSize(kioskPortrait);
  const invitation = await api(officer, 'POST', `/dossiers/${kioskDossier.id}/rating-invitation`);
  await kiosk.getByTestId('rating-scan').fill(invitation.url);
  await kiosk.keyboard.press('Enter');
  await kiosk.locator('[data-score="1"]').waitFor();
  for (const v of [kioskPortrait, tablet, desktop, mobile]) await look(kiosk, '11-kiosk-score', v, { fullPage: false });
  await kiosk.locator('[data-score="2"]').click();
  await kiosk.locator('[data-points="0"]').waitFor();
  for (const v of [kioskPortrait, tablet, desktop, mobile]) await look(kiosk, '12-kiosk-criterion', v, { fullPage: false });
  for (const points of [0, 1, 1, 2, 2, 2, 0]) await kiosk.locator(`[data-points="${points}"]`).click();
  await kiosk.getByRole('button', { name: 'Bỏ qua câu này' }).click();
  await kiosk.locator('[data-points="1"]').click();
  await kiosk.getByRole('button', { name: 'Phải chờ lâu' }).click();
  await kiosk.getByRole('button', { name: 'Trả kết quả trễ hẹn' }).click();
  for (const v of [kioskPortrait, tablet, desktop, mobile]) await look(kiosk, '13-kiosk-comment', v, { fullPage: false });
  // English, one touch away.
  await kiosk.setViewportSize(tablet);
  await kiosk.getByTestId('kiosk-language').click();
  await kiosk.getByRole('button', { name: 'Send my rating' }).waitFor();
  await look(kiosk, '14-kiosk-comment-en', tablet, { fullPage: false });
  await kiosk.getByTestId('kiosk-language').click();
  await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await kiosk.getByTestId('rating-thanks').waitFor();
  for (const v of [kioskPortrait, tablet]) await look(kiosk, '15-kiosk-thanks', v, { fullPage: false });
  // The same code again: refused at once, in the server's words.
  const again = await newPage(browser, { name: 'again', viewport: kioskPortrait });
  await again.goto(invitation.url.replace(/^https?:\/\/[^/]+/, base));
  await again.getByTestId('rating-refused').waitFor();
  for (const v of [kioskPortrait, mobile]) await look(again, '16-rating-refused', v, { fullPage: false });

  // A second low rating through the API, with a long comment.
  const second = await api(officer, 'POST', `/dossiers/${apiDossier.id}/rating-invitation`);
  await again.context().request.post(`${base}/api/v1/public/dossiers/${encodeURIComponent(apiDossier.code)}/rating`, {
    headers: { 'x-csrf-token': (await (await again.context().request.get(`${base}/api/v1/auth/csrf`)).json()).csrfToken },
    data: {
      score: 1, ratingToken: second.url.split('#')[1], criteria: { attitude: 0, contacts: 0, publication: 1 },
      comment: 'Cán bộ hẹn ba lần mới trả kết quả, mỗi lần đến phải chờ rất lâu, không ai giải thích vì sao hồ sơ bị chậm.',
    },
  });

  // The leader's console.
  for (const v of [desktop, mobile]) {
    await leader.setViewportSize(v);
    await leader.goto(`${base}/console`);
    await leader.locator('[data-count="low-ratings"]').waitFor();
    await leader.getByText('Đánh giá thấp chưa xử lý').waitFor();
    await look(leader, '20-console-home', v);
    await leader.goto(`${base}/console/danh-gia`);
    await leader.getByTestId('rating-alerts').waitFor();
    await look(leader, '21-alerts', v);
  }
  await leader.setViewportSize(desktop);
  await leader.getByRole('button', { name: `Đánh dấu đã xử lý ${apiDossier.code}` }).click();
  await leader.getByRole('dialog').getByRole('textbox').fill('Đã gọi điện xin lỗi bà Cúc, nhắc nhở cán bộ một cửa trả kết quả đúng hẹn.');
  await look(leader, '22-alert-handle-dialog', desktop, { fullPage: false });
  await leader.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await leader.getByRole('dialog').waitFor({ state: 'detached' });
  await leader.goto(`${base}/console/danh-gia?xem=all`);
  await leader.getByTestId('alert-handled').first().waitFor();
  for (const v of [desktop, mobile]) await look(leader, '23-alerts-all', v);

  // The dossier page: the rating given, and the rating card and counter invitation of one not yet rated.
  for (const v of [desktop, mobile]) {
    await officer.setViewportSize(v);
    await officer.goto(`${base}/console/ho-so/${kioskDossier.id}`);
    await officer.getByTestId('dossier-rating').waitFor();
    await look(officer, '30-dossier-rated', v);
    await officer.goto(`${base}/console/ho-so/${unrated.id}`);
    await officer.getByTestId('dossier-rating').waitFor();
    await look(officer, '31-dossier-rating-card', v);
  }

  // The report's ratings.
  await leader.goto(`${base}/console/bao-cao`);
  await leader.getByTestId('report-ratings').waitFor();
  await leader.locator('#report-ratings-title').scrollIntoViewIfNeeded();
  for (const v of [desktop, mobile]) await look(leader, '40-report-ratings', v);

  // The portal's form, criteria open (the applicant proves it with the security code).
  const citizen = await newPage(browser, { name: 'citizen' });
  await citizen.goto(`${base}/tra-cuu/${encodeURIComponent(unrated.code)}`);
  await citizen.getByRole('button', { name: /Trả lời thêm 9 câu hỏi/ }).click();
  await citizen.getByRole('radiogroup', { name: /Thái độ của cán bộ/ }).waitFor();
  for (const v of [desktop, mobile]) await look(citizen, '50-portal-form-criteria', v);
} finally {
  await browser.close();
}
console.log(`\n${problems.length} console problems${problems.length ? `:\n${problems.join('\n')}` : ''}`);
console.log(`${findings.length} critical or serious axe findings`);
process.exit(findings.length || problems.length ? 1 : 0);
