#!/usr/bin/env node
// Screenshots and axe-core of the development mailbox (/dev-mailbox), not part of the test suite:
// it hands the demo's stand-ins one e-mail (SMTP to the mail catcher), one SMS and one chat message
// (signed POSTs to the development gateway), then shoots the page at 1366×768 and 390×844.
//   MOTCUA_URL=http://localhost:3412 DEV_SMTP_PORT=2612 SHOTS_DIR=/tmp/shots-mailbox node e2e/screens/dev-mailbox.mjs
// Needs a server in demo mode (npm run dev) with its mail catcher on DEV_SMTP_PORT.
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';

process.env.SHOTS_DIR ??= '/tmp/shots-mailbox';
const { axe, base, desktop, launch, mobile, newPage, problems, shot } = await import('./lib.mjs');
// The development gateway's secret (apps/server/src/config.ts): a demo value, not a secret.
const secret = 'motcua-dev-gateway-secret-NOT-FOR-PRODUCTION';

async function toGateway(channel, id, to, text, link) {
  const body = JSON.stringify({ id, channel, to, text, link, locale: 'vi', sentAt: new Date().toISOString() });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const res = await fetch(`${base}/dev-gateway/${channel}`, {
    method: 'POST', body,
    headers: { 'content-type': 'application/json', 'x-motcua-timestamp': timestamp, 'x-motcua-signature': signature, 'idempotency-key': `notification-${id}` },
  });
  console.log(`  ${channel}: ${res.status} ${await res.text()}`);
}

const code = '000.00.12.H40-261207-0003';
const link = `${base}/tra-cuu/${code}`;
const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(process.env.DEV_SMTP_PORT ?? 2525), secure: false, ignoreTLS: true });
await transport.sendMail({
  from: 'Một cửa điện tử <no-reply@motcua.local>', to: 'an.nguyen@example.vn',
  subject: `Hồ sơ ${code} đã được tiếp nhận`,
  text: `Kính gửi Ông Nguyễn Văn An,\n\nUBND xã Giao Thủy đã tiếp nhận hồ sơ ${code} (Đăng ký kết hôn). Ngày hẹn trả kết quả: 10/12/2026.\n\nTra cứu hồ sơ: ${link}\n`,
});
transport.close();
await toGateway('sms', 900001, '+84912345678', `Ho so ${code} da duoc tiep nhan, hen tra 10/12/2026. Tra cuu: ${link}`, link);
await toGateway('chat', 900002, 'zalo-8472615', `Hồ sơ ${code} (Đăng ký kết hôn) cần bổ sung: bản sao giấy xác nhận tình trạng hôn nhân.`, link);

const browser = await launch();
for (const [viewport, suffix] of [[desktop, '1366'], [mobile, '390']]) {
  const page = await newPage(browser, { viewport, name: `mailbox-${suffix}` });
  await page.goto(`${base}/dev-mailbox`);
  await shot(page, `dev-mailbox-${suffix}`);
  await axe(page, `dev-mailbox-${suffix}`);
  await page.close();
}
await browser.close();
if (problems.length) console.log(problems.join('\n'));
