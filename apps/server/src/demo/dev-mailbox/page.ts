/**
 * The development mailbox page (`/dev-mailbox`): everything the demo's stand-ins received, newest
 * first, in Vietnamese with English. Plain HTML and one inline style sheet (no script: the
 * server's Content-Security-Policy allows none inline), readable on a 390 px wide phone, text
 * contrast above 4.5:1, times in Việt Nam's time (dd/MM/yyyy HH:mm).
 */
import { formatInstant } from '@motcua/domain';
import { escapeHtml } from '../../infra/html.ts';
import type { MailboxEntry } from './store.ts';

export type MailboxFilter = 'all' | MailboxEntry['kind'];

const kindLabel: Record<MailboxEntry['kind'], { vi: string; en: string }> = {
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  sms: { vi: 'Tin nhắn SMS', en: 'SMS' },
  chat: { vi: 'Tin nhắn Zalo', en: 'Chat' },
};

const style = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:#f3f4f6;color:#1b1f24;font-size:16px;line-height:1.5}
header{background:#0b3d91;color:#fff;padding:14px 16px}
header p{margin:0;font-size:13px}
h1{font-size:22px;margin:2px 0 0}
main{max-width:920px;margin:0 auto;padding:16px}
.intro{margin:0 0 12px;color:#374151}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0 0 16px}
nav a{display:inline-block;padding:6px 12px;border:1px solid #0b3d91;border-radius:999px;color:#0b3d91;text-decoration:none;background:#fff}
nav a[aria-current="page"]{background:#0b3d91;color:#fff}
a:focus{outline:3px solid #ffbf47;outline-offset:2px}
ol.messages{list-style:none;padding:0;margin:0}
ol.messages>li{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:14px 16px;margin:0 0 12px;border-left:5px solid #6b7280}
ol.messages>li.email{border-left-color:#0b3d91}ol.messages>li.sms{border-left-color:#047857}ol.messages>li.chat{border-left-color:#7c3aed}
.meta{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline;margin:0 0 6px}
.badge{font-size:13px;font-weight:700;padding:1px 8px;border-radius:4px;background:#e5e7eb;color:#1b1f24}
time{font-size:14px;color:#374151}
h2{font-size:17px;margin:0 0 6px;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0 0 8px;font-size:14px}
dt{color:#4b5563}dd{margin:0;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font-size:15px;background:#f9fafb;border-radius:6px;padding:8px 10px}
.links{margin:8px 0 0;padding:0;list-style:none;font-size:14px}
.links a{color:#0b3d91;overflow-wrap:anywhere}
.empty{background:#fff;border-radius:8px;padding:20px;text-align:center;color:#374151}
footer{text-align:center;font-size:13px;color:#4b5563;padding:16px}
`;

/** `07/12/2026 14:05`, in Việt Nam's time. */
export function mailboxTime(iso: string): string {
  const local = formatInstant(new Date(iso).getTime());
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

const urlPattern = /https?:\/\/[^\s<>"')]+/g;

function linksOf(entry: MailboxEntry): string[] {
  const found = [...entry.text.matchAll(urlPattern)].map((m) => m[0].replace(/[.,;:]+$/, ''));
  if (entry.kind !== 'email' && entry.link) found.unshift(entry.link);
  return [...new Set(found)];
}

function entryHtml(entry: MailboxEntry): string {
  const label = kindLabel[entry.kind];
  const fields = entry.kind === 'email'
    ? [['Từ / From', entry.from], ['Đến / To', entry.to.join(', ')]]
    : [['Đến / To', entry.to], ['Mã thông báo / Notification', `#${entry.notificationId}`], ['Mã của cổng / Gateway id', `dev-${entry.id}`]];
  const heading = entry.kind === 'email' ? entry.subject || '(không có tiêu đề / no subject)' : `${label.vi} đến ${entry.to}`;
  const links = linksOf(entry);
  return `<li class="${entry.kind}">
  <p class="meta"><span class="badge">${label.vi} · ${label.en}</span><time datetime="${escapeHtml(entry.receivedAt)}">${mailboxTime(entry.receivedAt)}</time></p>
  <h2>${escapeHtml(heading)}</h2>
  <dl>${fields.map(([k, v]) => `<dt>${escapeHtml(k!)}</dt><dd>${escapeHtml(v!)}</dd>`).join('')}</dl>
  <p class="text">${escapeHtml(entry.text)}</p>
  ${links.length ? `<ul class="links" aria-label="Liên kết trong tin / Links in the message">${links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join('')}</ul>` : ''}
</li>`;
}

export function mailboxPage(entries: readonly MailboxEntry[], filter: MailboxFilter, basePath: string): string {
  const shown = filter === 'all' ? entries : entries.filter((e) => e.kind === filter);
  const count = (k: MailboxFilter) => (k === 'all' ? entries.length : entries.filter((e) => e.kind === k).length);
  const tabs: Array<[MailboxFilter, string]> = [['all', 'Tất cả / All'], ['email', 'Thư / E-mail'], ['sms', 'SMS'], ['chat', 'Zalo / Chat']];
  const nav = tabs.map(([k, text]) => {
    const href = k === 'all' ? basePath : `${basePath}?loai=${k}`;
    return `<li><a href="${href}"${k === filter ? ' aria-current="page"' : ''}>${text} (${count(k)})</a></li>`;
  }).join('');
  const list = shown.length
    ? `<ol class="messages">${shown.map(entryHtml).join('')}</ol>`
    : `<p class="empty">Chưa có tin nào. Thông báo của Motcua gửi qua thư, SMS hoặc Zalo sẽ hiện ở đây.<br>Nothing yet: Motcua’s notifications by e-mail, SMS or chat appear here.</p>`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hộp thư thử nghiệm — Development mailbox — Motcua</title>
<style>${style}</style>
</head>
<body>
<header><p>Motcua · Môi trường thử nghiệm / Demo environment</p><h1>Hộp thư thử nghiệm <span lang="en">(Development mailbox)</span></h1></header>
<main>
<p class="intro">Mọi thư, SMS và tin nhắn Zalo mà Motcua “gửi” trong bản thử nghiệm: không có gì rời khỏi máy này. <span lang="en">Everything the demo “sent” by e-mail, SMS and chat; nothing leaves this machine.</span> <a href="${basePath}${filter === 'all' ? '' : `?loai=${filter}`}">Tải lại / Reload</a> · <a href="${basePath}/messages.json">JSON</a></p>
<nav aria-label="Loại tin / Message kind"><ul>${nav}</ul></nav>
${list}
</main>
<footer>Chỉ có trong chế độ thử nghiệm (demo) — <span lang="en">only in demo mode</span>.</footer>
</body>
</html>`;
}
