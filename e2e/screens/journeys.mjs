#!/usr/bin/env node
// Drives the real dossier flows against a running server and takes screenshots for review.
//   MOTCUA_URL=http://localhost:3300 SHOTS_DIR=/tmp/motcua-shots-2 node e2e/screens/journeys.mjs
// Needs a server with a fresh demo database (a fresh DATA_DIR) serving a current build of apps/web.
import { act, base, desktop, launch, mobile, newPage, problems, sampleFiles, shot, signIn } from './lib.mjs';

const files = sampleFiles();
const browser = await launch();
const step = (text) => console.log(`\n== ${text}`);

try {
  // ---- 1. Officer: counter intake of "Đăng ký kết hôn" with a scan ---------------------------
  step('officer intake');
  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');
  await shot(officer, '10-console-home-officer', { fullPage: false });
  await officer.goto(`${base}/console/tiep-nhan`);
  await officer.getByTestId('console-intake').waitFor();
  await officer.keyboard.type('ket hon');
  await officer.getByRole('option').first().waitFor();
  await shot(officer, '20-intake-1-procedure', { fullPage: false });
  await officer.keyboard.press('Enter');
  await officer.locator('input[name=applicant-name]').waitFor();
  await officer.keyboard.type('Nguyễn Văn An');
  await officer.locator('input[name=applicant-id]').fill('036090001234');
  await officer.locator('input[name=applicant-phone]').fill('0912 345 678');
  await shot(officer, '21-intake-2-applicant', { fullPage: false });
  await officer.keyboard.press('Enter');
  await officer.getByRole('checkbox').first().waitFor();
  await officer.getByRole('checkbox').first().check();
  const [chooser] = await Promise.all([officer.waitForEvent('filechooser'), officer.getByRole('button', { name: /Đính kèm bản quét: Tờ khai/ }).click()]);
  await chooser.setFiles([files.scan]);
  await officer.getByText('to-khai-ket-hon.png').waitFor();
  await shot(officer, '22-intake-3-components', { fullPage: false });
  await officer.getByTestId('intake-next').click();
  await officer.locator('[data-decision=receive]').waitFor();
  await shot(officer, '23-intake-4-decision', { fullPage: false });
  await officer.getByTestId('intake-next').click();
  await officer.getByTestId('intake-result').waitFor();
  const code = (await officer.getByTestId('intake-code').textContent()).trim();
  const dossierHref = await officer.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href');
  console.log(`  received ${code} (${dossierHref}), appointment ${await officer.getByTestId('intake-appointment').textContent()}`);
  await shot(officer, '24-intake-5-result', { fullPage: false });

  const citizen = await newPage(browser, { name: 'citizen' });
  const publicShot = async (name, viewport = desktop) => {
    await citizen.setViewportSize(viewport);
    await citizen.goto(`${base}/tra-cuu/${code}`);
    await citizen.getByRole('heading', { name: code }).waitFor();
    await shot(citizen, name);
  };
  await publicShot('60-public-received');

  // ---- 2. Officer transfers from the dossier page ---------------------------------------------
  step('transfer');
  await officer.goto(`${base}${dossierHref}`);
  await officer.getByTestId('console-dossier').waitFor();
  await shot(officer, '30-dossier-received');
  await act(officer, 'transfer', null, '31-dialog-transfer');
  await publicShot('61-public-processing');

  // ---- 3. Leader assigns, specialist forwards, leader resolves --------------------------------
  step('leader assigns');
  const leader = await newPage(browser, { name: 'leader' });
  await signIn(leader, 'lanhdao.giaothuy');
  await leader.goto(`${base}/console/ho-so?view=all`);
  await leader.getByTestId('console-inbox').waitFor();
  await leader.getByRole('link', { name: `Mở hồ sơ ${code}` }).click();
  await leader.getByTestId('console-dossier').waitFor();
  await act(leader, 'assign', async (dialog) => {
    await dialog.getByLabel(/Chuyên viên thụ lý/).click();
    await leader.getByRole('option').first().click();
  }, '32-dialog-assign');

  step('specialist forwards');
  const specialist = await newPage(browser, { name: 'specialist' });
  await signIn(specialist, 'chuyenvien.giaothuy');
  await specialist.goto(`${base}/console/ho-so`);
  await specialist.getByTestId('console-inbox').waitFor();
  await specialist.getByRole('link', { name: `Mở hồ sơ ${code}` }).waitFor();
  await shot(specialist, '40-inbox-specialist', { fullPage: false });
  await specialist.getByRole('link', { name: `Mở hồ sơ ${code}` }).click();
  await specialist.getByTestId('console-dossier').waitFor();
  await shot(specialist, '33-dossier-specialist');
  await act(specialist, 'forward', async (dialog) => dialog.getByRole('textbox').last().fill('Hồ sơ đầy đủ, hợp lệ; đề nghị lãnh đạo ký.'), '34-dialog-forward');

  step('leader resolves');
  await leader.reload();
  await leader.getByTestId('console-dossier').waitFor();
  await shot(leader, '35-dossier-leader');
  await act(leader, 'resolve', null, null);
  await publicShot('62-public-resolved');

  // ---- 4. Officer returns the result ----------------------------------------------------------
  step('officer returns');
  await officer.goto(`${base}/console/ho-so`);
  await officer.getByRole('link', { name: `Mở hồ sơ ${code}` }).click();
  await officer.getByTestId('console-dossier').waitFor();
  await act(officer, 'return_result', null, null);
  await shot(officer, '36-dossier-returned');
  await publicShot('63-public-returned');
  await publicShot('64-public-returned-mobile', mobile);
  await citizen.setViewportSize(desktop);
  await citizen.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await citizen.getByText('Cảm ơn bạn đã đánh giá').waitFor();
  await shot(citizen, '65-public-rated');
  console.log(`DOSSIER1=${code}`);

  // ---- 5. Citizen: procedure page and online submission ---------------------------------------
  step('online submission');
  await citizen.goto(`${base}/thu-tuc/1.000894`);
  await citizen.getByTestId('procedure-page').waitFor();
  await shot(citizen, '70-procedure-page');
  await citizen.setViewportSize(mobile);
  await shot(citizen, '71-procedure-page-mobile');
  await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await citizen.getByTestId('submission-page').waitFor();
  await shot(citizen, '72-submission-mobile');
  await citizen.setViewportSize(desktop);
  await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await citizen.getByText('Vui lòng kiểm tra lại các mục được đánh dấu đỏ.').waitFor();
  await shot(citizen, '73-submission-errors');
  await citizen.getByRole('combobox', { name: 'Cơ quan tiếp nhận' }).click();
  await citizen.getByRole('option', { name: 'Ủy ban nhân dân xã Giao Thủy' }).click();
  await citizen.locator('input[name=applicant-name]').fill('Trần Thị Bình');
  await citizen.locator('input[name=applicant-phone]').fill('0987654321');
  const [chooser2] = await Promise.all([citizen.waitForEvent('filechooser'), citizen.getByRole('button', { name: /Đính kèm bản quét: Tờ khai/ }).click()]);
  await chooser2.setFiles([files.pdf]);
  await citizen.getByText('giay-xac-nhan.pdf').waitFor();
  const [chooser3] = await Promise.all([citizen.waitForEvent('filechooser'), citizen.getByRole('button', { name: /Đính kèm bản quét: Giấy xác nhận/ }).click()]);
  await chooser3.setFiles([files.text]);
  await citizen.getByText('Chỉ nhận tệp PDF, JPEG hoặc PNG.').waitFor();
  await citizen.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await shot(citizen, '74-submission-filled');
  await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await citizen.getByTestId('submission-receipt').waitFor();
  const online = (await citizen.getByTestId('submission-code').textContent()).trim();
  console.log(`  submitted ${online}`);
  await shot(citizen, '75-submission-receipt');
  await citizen.goto(`${base}/tra-cuu/${online}`);
  await citizen.getByRole('heading', { name: online }).waitFor();
  await shot(citizen, '66-public-submitted');

  // ---- 6. Officer receives it from the inbox, transfers ---------------------------------------
  step('officer receives the online dossier');
  await officer.goto(`${base}/console/ho-so`);
  await officer.getByRole('link', { name: `Mở hồ sơ ${online}` }).waitFor();
  await shot(officer, '41-inbox-officer', { fullPage: false });
  await officer.getByRole('link', { name: `Mở hồ sơ ${online}` }).focus();
  await officer.keyboard.press('Enter');
  await officer.getByTestId('console-dossier').waitFor();
  await shot(officer, '37-dossier-online-submitted');
  await act(officer, 'receive', null, '38-dialog-receive');
  await act(officer, 'transfer', null, null);

  // ---- 7. Specialist asks for a supplement; the officer receives it ---------------------------
  step('supplement');
  await specialist.goto(`${base}/console/ho-so`);
  await specialist.getByRole('link', { name: `Mở hồ sơ ${online}` }).click();
  await specialist.getByTestId('console-dossier').waitFor();
  await act(specialist, 'request_supplement', async (dialog) => {
    await dialog.getByRole('textbox', { name: 'Nội dung 1' }).fill('Giấy xác nhận tình trạng hôn nhân của bên nữ (bản chính)');
    await dialog.getByRole('textbox', { name: 'Nội dung 1' }).press('Enter');
    await dialog.getByRole('textbox', { name: 'Nội dung 2' }).fill('Bản sao CCCD của hai bên');
  }, '39-dialog-request-supplement');
  await citizen.goto(`${base}/tra-cuu/${online}`);
  await citizen.getByRole('heading', { name: online }).waitFor();
  await shot(citizen, '67-public-supplement');
  await officer.goto(`${base}/console/ho-so?status=supplement_requested`);
  await officer.getByRole('link', { name: `Mở hồ sơ ${online}` }).click();
  await officer.getByTestId('console-dossier').waitFor();
  await shot(officer, '42-dossier-supplement-requested');
  await act(officer, 'receive_supplement', async (dialog) => dialog.getByRole('textbox').last().fill('Đã nhận đủ giấy tờ bổ sung tại quầy.'), null);
  await shot(officer, '43-dossier-supplement-received');

  // ---- 8. Leader: apology dialog --------------------------------------------------------------
  step('apology dialog');
  await leader.goto(`${base}/console/ho-so`);
  await leader.getByTestId('console-inbox').waitFor();
  await leader.waitForLoadState('networkidle');
  await shot(leader, '44-inbox-leader', { fullPage: false });
  await leader.goto(`${base}/console/ho-so?view=all&q=${encodeURIComponent(online)}`);
  await leader.getByRole('link', { name: `Mở hồ sơ ${online}` }).click();
  await leader.getByTestId('console-dossier').waitFor();
  await leader.locator('button[data-action="apologize"]').click();
  await leader.getByRole('dialog').waitFor();
  await leader.getByRole('dialog').locator('button[type=submit]').click();
  await leader.getByText('Vui lòng chọn ngày, giờ hẹn trả mới.').waitFor();
  await shot(leader, '45-dialog-apology-errors', { fullPage: false });
  await leader.getByRole('dialog').getByLabel(/Ngày, giờ hẹn trả mới/).click();
  await leader.locator('.mantine-DateTimePicker-day:not([data-outside]):not([data-disabled])', { hasText: /^9$/ }).click();
  await shot(leader, '45b-dialog-apology-picker', { fullPage: false });
  await leader.locator('.mantine-DateTimePicker-submitButton').click();
  await leader.getByRole('dialog').getByRole('textbox', { name: /Lý do chậm/ }).fill('Chờ xác minh thông tin hộ tịch của bên nữ tại địa phương khác.');
  await leader.getByRole('dialog').locator('button[type=submit]').click();
  await leader.getByRole('dialog').waitFor({ state: 'detached' });
  await shot(leader, '45c-dossier-after-apology');
  await citizen.goto(`${base}/tra-cuu/${online}`);
  await citizen.getByRole('heading', { name: online }).waitFor();
  await shot(citizen, '67b-public-apology');

  // ---- 9. Counter intake with a missing paper: supplement request (form 02) -------------------
  step('intake, incomplete');
  await officer.goto(`${base}/console/tiep-nhan`);
  await officer.keyboard.type('1.000894');
  await officer.getByRole('option').first().waitFor();
  await officer.keyboard.press('Enter');
  await officer.locator('input[name=applicant-name]').waitFor();
  await officer.keyboard.type('Lê Văn Cường');
  await officer.keyboard.press('Enter');
  await officer.getByRole('checkbox').first().waitFor();
  await officer.getByTestId('intake-next').click();
  await officer.locator('[data-decision=receive]').waitFor();
  await shot(officer, '25-intake-incomplete-decision', { fullPage: false });
  await officer.getByTestId('intake-next').click();
  await officer.getByTestId('intake-result').waitFor();
  await shot(officer, '26-intake-completion-result', { fullPage: false });

  // ---- 10. Lists, filters, English, home ------------------------------------------------------
  step('lists');
  await officer.goto(`${base}/console/ho-so?view=all`);
  await officer.getByTestId('console-inbox').waitFor();
  await shot(officer, '46-inbox-all', { fullPage: false });
  await officer.goto(`${base}/console/ho-so?due=overdue`);
  await officer.getByText('Không có hồ sơ nào khớp điều kiện lọc').waitFor();
  await shot(officer, '47-inbox-filtered-empty', { fullPage: false });
  const other = await newPage(browser, { name: 'other' });
  await signIn(other, 'canbo.giaominh');
  await other.goto(`${base}/console/ho-so`);
  await other.getByText('Không có hồ sơ nào đang chờ bạn').waitFor();
  await shot(other, '48-inbox-empty', { fullPage: false });
  await leader.goto(`${base}/console`);
  await leader.getByTestId('console-home').waitFor();
  await shot(leader, '11-console-home-leader', { fullPage: false });

  const english = await newPage(browser, { name: 'english', language: 'en' });
  await signIn(english, 'canbo.giaothuy');
  await english.goto(`${base}/console/ho-so?view=all`);
  await english.getByTestId('console-inbox').waitFor();
  await shot(english, '49-inbox-en', { fullPage: false });
  await english.goto(`${base}${dossierHref}`);
  await english.getByTestId('console-dossier').waitFor();
  await shot(english, '50-dossier-en');
  await english.goto(`${base}/tra-cuu/${online}`);
  await english.getByRole('heading', { name: online }).waitFor();
  await shot(english, '68-public-en');

  // A week later, as the screen would show it (only the browser's clock moves: rows turn red or
  // amber from the appointment the server sent; the server's own overdue flag is not involved).
  const later = await newPage(browser, { name: 'later' });
  await later.clock.install({ time: new Date(Date.now() + 6 * 86_400_000) });
  await signIn(later, 'canbo.giaothuy');
  await later.goto(`${base}/console/ho-so?view=all`);
  await later.getByTestId('console-inbox').waitFor();
  await later.waitForLoadState('networkidle');
  await shot(later, '49b-inbox-a-week-later', { fullPage: false });
  await later.clock.setFixedTime(new Date(Date.now() + 5 * 86_400_000));
  await later.reload();
  await later.getByTestId('console-inbox').waitFor();
  await later.waitForLoadState('networkidle');
  await shot(later, '49c-inbox-due-soon', { fullPage: false });

  // ---- 11. Lookup errors ----------------------------------------------------------------------
  step('lookup errors');
  await citizen.goto(`${base}/tra-cuu/abc-123`);
  await citizen.getByText('không phải là mã hồ sơ').waitFor();
  await shot(citizen, '69-public-invalid-code', { fullPage: false });
  await citizen.goto(`${base}/tra-cuu/000.41.00.H40-261127-9999`);
  await citizen.getByText('Không tìm thấy hồ sơ').waitFor();
  await shot(citizen, '69b-public-unknown-code', { fullPage: false });
} finally {
  if (problems.length) console.log(`\nBrowser console:\n  ${problems.join('\n  ')}`);
  await browser.close();
}
