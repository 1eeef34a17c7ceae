/**
 * The development identity provider's pages, in Vietnamese, looking like what they stand for: the
 * national e-ID's sign-in screen. Plain HTML and one inline style sheet (no script: the server's
 * Content-Security-Policy allows none inline), readable from a 390 px wide phone, every field
 * labelled, text contrast above 4.5:1.
 */
import { escapeHtml } from '../../infra/html.ts';
import type { DemoIdentity } from '../citizens.ts';

const style = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:#f4f1ec;color:#1c1c1c;font-size:16px;line-height:1.5}
header{background:#a50e1e;color:#fff;padding:12px 16px;display:flex;align-items:center;gap:12px}
.emblem{width:40px;height:40px;border-radius:50%;background:#ffd100;color:#a50e1e;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:22px;flex:none}
header .org{font-size:12px;text-transform:uppercase;letter-spacing:.04em;margin:0}
header .brand{font-size:20px;font-weight:700;margin:0}
main{max-width:440px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:20px}
h1{font-size:20px;margin:0 0 4px;color:#7a0a16}
.client{margin:0 0 16px;color:#444}
label{display:block;font-weight:600;margin:12px 0 4px}
input{width:100%;font-size:16px;padding:10px 12px;border:1px solid #767676;border-radius:6px}
input:focus{outline:3px solid #ffbf47;outline-offset:1px;border-color:#1c1c1c}
.hint{font-size:14px;color:#4a4a4a;margin:4px 0 0}
button{width:100%;margin-top:20px;padding:12px;font-size:17px;font-weight:700;border:0;border-radius:6px;background:#a50e1e;color:#fff;cursor:pointer}
button:focus{outline:3px solid #ffbf47;outline-offset:2px}
button.secondary{background:#fff;color:#7a0a16;border:1px solid #7a0a16;margin-top:10px}
.error{background:#fde8e8;border-left:4px solid #a50e1e;padding:10px 12px;margin:0 0 12px;color:#5c0710}
.test{margin-top:16px;background:#fff8e1;border:1px dashed #8a6d00;border-radius:8px;padding:12px 14px;font-size:14px}
.test h2{font-size:15px;margin:0 0 6px;color:#5c4600}
.test table{border-collapse:collapse;width:100%}
.test td,.test th{text-align:left;padding:3px 4px;border-top:1px solid #eadca6;vertical-align:top}
.test code{font-size:14px;background:#fff;padding:0 3px}
footer{text-align:center;font-size:13px;color:#4a4a4a;padding:16px}
`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — VNeID (thử nghiệm)</title>
<style>${style}</style>
</head>
<body>
<header>
  <div class="emblem" aria-hidden="true">★</div>
  <div><p class="org">Bộ Công an · Hệ thống định danh và xác thực điện tử</p><p class="brand">VNeID</p></div>
</header>
<main>${body}</main>
<footer>Môi trường thử nghiệm của Motcua — không phải hệ thống VNeID thật.</footer>
</body>
</html>`;
}

export interface LoginPageInput {
  action: string;
  abortAction: string;
  clientName: string;
  login: string;
  error: string | undefined;
  accounts: readonly DemoIdentity[];
  password: string;
}

export function loginPage(input: LoginPageInput): string {
  const error = input.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(input.error)}</p>` : '';
  const described = input.error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const rows = input.accounts
    .map((a) => `<tr><td><code>${escapeHtml(a.login)}</code></td><td>${escapeHtml(a.kind === 'business' ? `${a.organizationName} (${a.fullName})` : a.fullName)}</td><td>${a.eidLevel}</td></tr>`)
    .join('');
  return layout(
    'Đăng nhập',
    `<div class="card">
  <h1>Đăng nhập bằng tài khoản định danh điện tử VNeID</h1>
  <p class="client">${escapeHtml(input.clientName)} yêu cầu xác thực danh tính của bạn.</p>
  ${error}
  <form method="post" action="${escapeHtml(input.action)}" autocomplete="off" novalidate>
    <label for="login">Số định danh cá nhân hoặc số điện thoại</label>
    <input id="login" name="login" inputmode="numeric" autocomplete="username" required maxlength="20" value="${escapeHtml(input.login)}"${described} autofocus>
    <p class="hint">Tài khoản tổ chức: nhập mã số doanh nghiệp.</p>
    <label for="password">Mật khẩu</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="100"${described}>
    <button type="submit">Đăng nhập</button>
  </form>
  <form method="post" action="${escapeHtml(input.abortAction)}">
    <button type="submit" class="secondary">Hủy, quay lại dịch vụ công</button>
  </form>
</div>
<section class="test" aria-labelledby="test-title">
  <h2 id="test-title">Môi trường thử nghiệm</h2>
  <p>Mật khẩu của mọi tài khoản thử nghiệm: <code>${escapeHtml(input.password)}</code></p>
  <table>
    <thead><tr><th scope="col">Đăng nhập</th><th scope="col">Chủ tài khoản</th><th scope="col">Mức</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`,
  );
}

export function errorPage(title: string, detail: string): string {
  return layout(title, `<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></div>`);
}

/** The provider's sign-out confirmation; `form` is the provider's hidden form (its CSRF token). */
export function logoutPage(form: string): string {
  return layout(
    'Đăng xuất',
    `<div class="card">
  <h1>Đăng xuất khỏi VNeID?</h1>
  <p>Bạn đã đăng xuất khỏi dịch vụ công. Bạn có muốn đăng xuất luôn khỏi tài khoản định danh điện tử trên trình duyệt này?</p>
  ${form}
  <button type="submit" form="op.logoutForm" value="yes" name="logout" autofocus>Đăng xuất khỏi VNeID</button>
  <button type="submit" form="op.logoutForm" class="secondary">Giữ đăng nhập VNeID</button>
</div>`,
  );
}

export function loggedOutPage(): string {
  return layout('Đã đăng xuất', '<div class="card"><h1>Bạn đã đăng xuất</h1><p>Có thể đóng trang này.</p></div>');
}
