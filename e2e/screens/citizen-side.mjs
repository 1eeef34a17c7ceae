#!/usr/bin/env node
// Screenshots and axe-core of the citizen's side (not part of the test suite): the portal header
// signed out and signed in (menu open), the bundled e-ID provider's sign-in page, "Hồ sơ của tôi"
// (list, a dossier asking for a supplement, one to rate), "Kho dữ liệu của tôi", the online
// submission of a birth registration with the e-form prefilled and the stored-document picker, the
// confirmation page of assisted filing (signed out, with the one-time code, and signed in), and in
// the console the assisted filing page and the counter intake's e-form step. Each at 1366×768 and
// 390×844.
//   MOTCUA_URL=http://localhost:3320 SHOTS_DIR=/tmp/shots-citizen node e2e/screens/citizen-side.mjs
// Then the PDFs, rendered with pdftoppm -r 80: the declaration of each demo e-form (counter intake),
// form 01 of a dossier a signed-in citizen filed online, and a document of their data store.
// Needs a server with a demo database serving a current build of apps/web. Each run prepares an
// assisted dossier, receives five at the counter and one online (through the API).
/* global window */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const citizenId = '036090001234';
process.env.SHOTS_DIR ??= '/tmp/shots-citizen';
const { axe, base, desktop, launch, mobile, newPage, outDir, problems, shot, signIn } = await import('./lib.mjs');

/** A filled declaration for each demo e-form, by procedure (bundles/demo/eforms.json). */
const declarations = {
  '1.001193': {
    declarantName: 'Nguyễn Văn An', declarantPersonalId: citizenId, declarantAddress: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    declarantPhone: '0912345678', relationship: 'Cha', childName: 'Nguyễn Minh Khang', childBirthDate: '2026-11-20', childSex: 'male',
    childEthnicity: 'Kinh', childNationality: 'Việt Nam', childBirthplace: 'Trung tâm Y tế huyện Giao Thủy, tỉnh Ninh Bình', childHometown: 'Giao Thủy, Ninh Bình',
    motherName: 'Trần Thị Bình', motherBirthYear: 1992, motherEthnicity: 'Kinh', motherNationality: 'Việt Nam', motherPersonalId: '036192005678',
    motherResidence: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    fatherName: 'Nguyễn Văn An', fatherBirthYear: 1990, fatherEthnicity: 'Kinh', fatherNationality: 'Việt Nam', fatherPersonalId: citizenId,
    fatherResidence: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình', copies: 2,
  },
  '1.000894': {
    brideName: 'Trần Thị Bình', brideBirthDate: '1992-05-14', brideEthnicity: 'Kinh', brideNationality: 'Việt Nam', bridePersonalId: '036192005678',
    brideResidence: 'Xã Giao Thủy, tỉnh Ninh Bình', brideMarriageNumber: 1,
    groomName: 'Nguyễn Văn An', groomBirthDate: '1990-04-12', groomEthnicity: 'Kinh', groomNationality: 'Việt Nam', groomPersonalId: citizenId,
    groomResidence: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình', groomMarriageNumber: 1,
    contactName: 'Nguyễn Văn An', contactPhone: '0912345678', contactEmail: 'an.nguyen@example.vn', copies: 2,
  },
  '1.000656': {
    declarantName: 'Nguyễn Văn An', declarantPersonalId: citizenId, declarantAddress: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    relationship: 'Con', deceasedName: 'Nguyễn Văn Bảo', deceasedBirthDate: '1941-02-03', deceasedSex: 'male', deceasedEthnicity: 'Kinh',
    deceasedNationality: 'Việt Nam', deceasedResidence: 'Xã Giao Thủy, tỉnh Ninh Bình', deathTime: '14:30', deathDate: '2026-11-28',
    deathPlace: 'Tại nhà riêng, xã Giao Thủy, tỉnh Ninh Bình', deathCause: 'Tuổi cao', deathNotice: 'Giấy báo tử số 12/GBT',
    deathNoticeDate: '2026-11-29', deathNoticeIssuer: 'Trạm Y tế xã Giao Thủy', copies: 1,
  },
  'DEMO.015': {
    fullName: 'Nguyễn Văn An', birthDate: '1990-04-12', gender: 'male', personalId: citizenId, phone: '0912345678', email: 'an.nguyen@example.vn',
    householdHead: 'Nguyễn Văn Bảo', relationToHead: 'Con đẻ', headPersonalId: '036041000123',
    request: 'Đăng ký thường trú vào hộ gia đình ông Nguyễn Văn Bảo tại số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    members: 'Trần Thị Bình, sinh năm 1992, vợ, số định danh 036192005678\nNguyễn Minh Khang, sinh năm 2026, con',
  },
  '2.000815': {
    requesterName: 'Nguyễn Văn An', requesterPersonalId: citizenId, requesterPhone: '0912345678',
    requesterAddress: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    documentName: 'Bằng tốt nghiệp đại học', documentNumber: 'QH-2012-123456', documentDate: '2012-06-30', documentIssuer: 'Trường Đại học Bách khoa Hà Nội',
    pages: 1, copies: 3, purpose: 'Nộp hồ sơ xin việc',
  },
};
const eidPassword = 'Vneid@2026';
const sizes = [desktop, mobile];
/** `PARTS=pages` or `PARTS=pdfs` to do one half only. */
const parts = new Set((process.env.PARTS ?? 'pages,pdfs').split(','));
const pages = parts.has('pages');

const browser = await launch();
const findings = [];
const lesser = [];
/** Shoots the page at one size, from its top, and runs axe on it as it is. */
const look = async (page, name, viewport, options) => {
  await page.setViewportSize(viewport);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  const full = `${name}-${viewport.width}`;
  await shot(page, full, options);
  findings.push(...(await axe(page, full, { lesser })).map((v) => `${full}: ${v.id}`));
};
/** Loads `path` at each size, waits for `ready`, and looks at it. */
const visit = async (page, path, name, ready, options) => {
  for (const viewport of sizes) {
    await page.setViewportSize(viewport);
    await page.goto(`${base}${path}`);
    await ready(page);
    await look(page, name, viewport, options);
  }
};
/** JSON from the API with the page's cookies; staff writes echo the CSRF token. */
const api = async (page, method, path, body) => {
  const request = page.context().request;
  const headers = { accept: 'application/json' };
  if (method !== 'GET') {
    const csrf = await (await request.get(`${base}/api/v1/auth/csrf`)).json();
    headers['x-csrf-token'] = csrf.csrfToken;
    headers['idempotency-key'] = crypto.randomUUID();
  }
  const res = await request.fetch(`${base}/api/v1${path}`, { method, headers, data: body });
  const json = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(json)}`);
  return json;
};

/** A blank A4 page as a well-formed PDF (it ends up in the citizen's data store once received). */
const samplePdf = (() => {
  const objects = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>'];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj${body}endobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
})();
/** A small PDF uploaded as staff (POST /files), for the components of a prepared dossier. */
const uploadPdf = async (page, name) => {
  const request = page.context().request;
  const csrf = await (await request.get(`${base}/api/v1/auth/csrf`)).json();
  const res = await request.post(`${base}/api/v1/files`, {
    headers: { 'x-csrf-token': csrf.csrfToken },
    multipart: { file: { name, mimeType: 'application/pdf', buffer: Buffer.from(samplePdf) } },
  });
  if (!res.ok()) throw new Error(`upload ${name}: ${res.status()} ${await res.text()}`);
  return (await res.json()).id;
};

try {
  const citizen = await newPage(browser, { name: 'citizen' });
  if (pages) {
    // ---- The portal header, signed out, and the e-ID provider's sign-in page --------------------
    await visit(citizen, '/', '10-portal-signed-out', (p) => p.getByRole('link', { name: /Đăng nhập VNeID/ }).waitFor(), { fullPage: false });
    await visit(citizen, '/ho-so-cua-toi', '11-my-dossiers-signed-out', (p) => p.getByRole('heading', { level: 1 }).waitFor());
  }

  await citizen.setViewportSize(desktop);
  await citizen.goto(`${base}/`);
  await citizen.getByRole('link', { name: /Đăng nhập VNeID/ }).click();
  await citizen.locator('input#login').waitFor();
  if (pages) for (const viewport of sizes) await look(citizen, '20-dev-idp-sign-in', viewport);
  await citizen.locator('input#login').fill(citizenId);
  await citizen.locator('input#password').fill(eidPassword);
  await citizen.locator('button[type=submit]').first().click();
  await citizen.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));

  const officer = await newPage(browser, { name: 'officer' });
  await signIn(officer, 'canbo.giaothuy');

  if (pages) {
    // ---- Signed in: the header with its menu open ---------------------------------------------
    for (const viewport of sizes) {
      await citizen.setViewportSize(viewport);
      await citizen.goto(`${base}/`);
      const account = citizen.getByRole('button', { name: /Nguyễn Văn An/ });
      await account.waitFor();
      await account.click();
      await citizen.getByRole('menu').waitFor();
      await look(citizen, '30-portal-signed-in-menu', viewport, { fullPage: false });
      await citizen.keyboard.press('Escape');
    }

    // ---- "Hồ sơ của tôi": the list, one asking for a supplement, one to rate --------------------
    await visit(citizen, '/ho-so-cua-toi', '40-my-dossiers', (p) => p.getByTestId('my-dossiers').locator('li').first().waitFor());
    // Found through the API: each run adds dossiers of this citizen, which push older ones off the first page.
    const mine = (await api(citizen, 'GET', '/citizen/dossiers?limit=100')).items;
    const codeWith = async (ask) => mine.find((d) => d.asks.includes(ask))?.code;
    const supplement = await codeWith('supplement');
    const rating = await codeWith('rating');
    console.log(`  supplement asked of ${supplement}, rating asked of ${rating}`);
    await visit(citizen, `/ho-so-cua-toi/${encodeURIComponent(supplement)}`, '41-my-dossier-supplement', (p) => p.getByRole('heading', { level: 1 }).waitFor());
    await visit(citizen, `/ho-so-cua-toi/${encodeURIComponent(rating)}`, '42-my-dossier-rating', (p) => p.getByRole('heading', { level: 1 }).waitFor());

    // ---- "Kho dữ liệu của tôi" --------------------------------------------------------------------
    await visit(citizen, '/kho-du-lieu', '50-data-store', (p) => p.locator('article').first().waitFor());

    // ---- Online submission of a birth registration: e-form prefilled, stored-document picker ------
    await visit(citizen, '/nop-ho-so/1.001193', '60-submit-birth', async (p) => {
      await p.getByTestId('eform').waitFor();
      await p.locator('[data-field=declarantName][data-verified]').waitFor();
      await p.getByRole('group', { name: /giấy tờ|kho/i }).first().waitFor({ timeout: 5_000 }).catch(() => console.log('  (no stored-document picker on the page)'));
    });

    // ---- Assisted filing: prepared by the officer, confirmed by the applicant -------------------
    const prepared = await api(officer, 'POST', '/dossiers/assisted', {
      procedureCode: '1.001193',
      applicant: { kind: 'citizen', name: 'Nguyễn Văn An', idNumber: citizenId, phone: '0912345678' },
      components: [
        { index: 0, fileIds: [await uploadPdf(officer, 'to-khai-khai-sinh.pdf')] },
        { index: 1, fileIds: [await uploadPdf(officer, 'giay-chung-sinh.pdf')] },
      ],
      resultDelivery: 'counter',
    });
    console.log(`  prepared ${prepared.code} (code ${prepared.codeSent.devCode ?? 'not shown'})`);
    const confirmPath = `/xac-nhan/${encodeURIComponent(prepared.code)}`;
    // In "Hồ sơ của tôi" it waits for the citizen's confirmation, with the way to give it.
    await visit(citizen, `/ho-so-cua-toi/${encodeURIComponent(prepared.code)}`, '43-my-dossier-to-confirm',
      (p) => p.getByRole('link', { name: 'Kiểm tra và xác nhận nộp' }).waitFor());
    const stranger = await newPage(browser, { name: 'stranger' });
    await visit(stranger, confirmPath, '70-confirm-with-code', (p) => p.getByText(/mã xác nhận/i).first().waitFor());
    await visit(citizen, confirmPath, '71-confirm-signed-in', (p) => p.getByRole('button', { name: /Nguyễn Văn An/ }).last().waitFor());
    await citizen.getByRole('button', { name: /Xác nhận với tài khoản VNeID/ }).click();
    await citizen.getByTestId('confirmation-done').waitFor();
    for (const viewport of sizes) await look(citizen, '72-confirm-done', viewport);

    // ---- Console: assisted filing and the counter intake's e-form step --------------------------
    await visit(officer, '/console/nop-ho', '80-console-assisted', (p) => p.getByTestId('console-intake').waitFor());
    for (const viewport of sizes) {
      await officer.setViewportSize(viewport);
      await officer.goto(`${base}/console/tiep-nhan`);
      await officer.getByTestId('console-intake').waitFor();
      await officer.keyboard.type('khai sinh');
      await officer.getByRole('option').first().waitFor();
      await officer.keyboard.press('Enter');
      await officer.locator('input[name=applicant-name]').waitFor();
      await officer.locator('input[name=applicant-name]').fill('Nguyễn Văn An');
      await officer.locator('input[name=applicant-id]').fill(citizenId);
      await officer.locator('input[name=applicant-phone]').fill('0912 345 678');
      await officer.getByTestId('intake-next').click();
      await officer.getByTestId('intake-eform-toggle').check();
      await officer.getByTestId('eform').waitFor();
      await look(officer, '81-console-intake-eform', viewport);
    }
  }

  // ---- PDFs: the five demo e-forms' declarations, the receipt of a signed-in citizen's dossier --
  if (parts.has('pdfs')) {
    const pdfs = [];
    const savePdf = async (page, path, name) => {
      const res = await page.context().request.get(`${base}/api/v1${path}`);
      if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
      const file = `${outDir}/${name}.pdf`;
      fs.writeFileSync(file, await res.body());
      pdfs.push(file);
    };
    let agencyCode;
    for (const [procedureCode, answers] of Object.entries(declarations)) {
      const procedure = await api(officer, 'GET', `/public/procedures/${procedureCode}`);
      const dossier = await api(officer, 'POST', '/dossiers', {
        procedureCode,
        applicant: { kind: 'citizen', name: 'Nguyễn Văn An', idNumber: citizenId, phone: '0912345678' },
        components: procedure.components.map((_, index) => ({ index, received: true })),
        declaration: answers,
      });
      agencyCode = dossier.agency.code;
      await savePdf(officer, `/dossiers/${dossier.id}/declaration.pdf`, `90-declaration-${procedureCode}`);
    }
    const me = await api(citizen, 'GET', '/auth/citizen/me');
    const scan = await citizen.context().request.post(`${base}/api/v1/public/files`, {
      headers: { 'x-csrf-token': me.csrfToken },
      multipart: { file: { name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf) } },
    });
    const scanned = await scan.json();
    if (!scan.ok()) throw new Error(`public upload: ${scan.status()} ${JSON.stringify(scanned)}`);
    const online = await citizen.context().request.post(`${base}/api/v1/public/dossiers`, {
      headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': crypto.randomUUID(), accept: 'application/json' },
      data: {
        procedureCode: '1.001193',
        agencyCode: agencyCode,
        applicant: { kind: 'citizen', name: 'Nguyễn Văn An', idNumber: citizenId, phone: '0912345678' },
        components: [{ index: 1, fileIds: [scanned.id] }],
        uploadTokens: { [scanned.id]: scanned.uploadToken },
        declaration: declarations['1.001193'],
        resultDelivery: 'online',
      },
    });
    const submitted = await online.json();
    if (!online.ok()) throw new Error(`online submission: ${online.status()} ${JSON.stringify(submitted)}`);
    console.log(`  submitted ${submitted.code} online, security code ${submitted.accessSecret}`);
    const found = await api(officer, 'GET', `/dossiers?view=all&q=${encodeURIComponent(submitted.code)}`);
    const onlineId = found.items.find((d) => d.code === submitted.code).id;
    await api(officer, 'POST', `/dossiers/${onlineId}/actions`, { action: 'receive' });
    await savePdf(officer, `/dossiers/${onlineId}/forms/01`, '91-receipt-online');
    const stored = await api(citizen, 'GET', '/citizen/documents');
    const certificate = stored.items.find((d) => d.origin === 'result') ?? stored.items[0];
    await savePdf(citizen, `/citizen/documents/${certificate.id}/file`, '92-stored-document');
    for (const file of pdfs) {
      execFileSync('pdftoppm', ['-r', '80', '-png', file, file.replace(/\.pdf$/, '')]);
      console.log(`  rendered ${file}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`\n${problems.length} console problems${problems.length ? `:\n${problems.join('\n')}` : ''}`);
console.log(`${findings.length} critical or serious axe findings${findings.length ? `:\n${findings.join('\n')}` : ''}`);
console.log(`${lesser.length} moderate or minor axe findings${lesser.length ? `:\n${lesser.map((v) => `${v.page}: ${v.impact} ${v.id}`).join('\n')}` : ''}`);
process.exit(findings.length || problems.length ? 1 : 0);
