/**
 * The sandbox gateway's pages: the payer's payment page, its error page, and the list of
 * transactions at `/dev-payments`. Plain HTML with one inline style sheet and no script (the
 * server's Content-Security-Policy allows none inline), Vietnamese with English, usable on a
 * 390 px phone, every control labelled. Every page says it is a sandbox: no bank is involved.
 */
import { escapeHtml } from '../../infra/html.ts';
import { sandboxBanks, sandboxTestCard } from './banks.ts';
import { parseVnpDate, transactionStatuses } from './protocol.ts';
import { responseLabel, type IpnMode, type SandboxTransaction } from './sandbox.ts';

const style = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:#eef2f7;color:#1b1f24;font-size:16px;line-height:1.5}
.sandbox{background:#7c2d12;color:#fff;padding:8px 16px;font-size:14px;text-align:center;font-weight:600}
header{background:#fff;border-bottom:3px solid #005baa;padding:12px 16px}
header p{margin:0;color:#374151;font-size:14px}
h1{font-size:22px;margin:2px 0 0;color:#00427a}
main{max-width:760px;margin:0 auto;padding:16px}
section,.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:16px;margin:0 0 16px}
h2{font-size:18px;margin:0 0 10px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}
dt{color:#4b5563}dd{margin:0;overflow-wrap:anywhere}
.amount{font-size:26px;font-weight:700;color:#00427a}
fieldset{border:0;padding:0;margin:0}
legend{font-weight:700;font-size:18px;margin:0 0 10px;padding:0}
.banks{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px}
.banks label{display:flex;align-items:center;gap:8px;border:1px solid #9ca3af;border-radius:8px;padding:10px 12px;cursor:pointer;min-height:48px;background:#fff}
.banks input{width:20px;height:20px;margin:0;accent-color:#005baa}
.banks code{font-size:13px;color:#4b5563}
.card-note{margin:12px 0 0;font-size:14px;background:#f3f4f6;border-radius:8px;padding:8px 12px}
.actions{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0 0}
button{font:inherit;font-weight:600;border-radius:8px;padding:12px 20px;min-height:48px;cursor:pointer;border:2px solid transparent}
.pay{background:#005baa;color:#fff;flex:1 1 200px}
.fail{background:#fff;color:#9a1c1c;border-color:#9a1c1c}
.cancel{background:#fff;color:#1b1f24;border-color:#6b7280}
button:focus,a:focus,input:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:2px}
details{margin:16px 0 0;border-top:1px dashed #9ca3af;padding:12px 0 0}
summary{cursor:pointer;font-weight:600;color:#7c2d12}
.ipn label{display:block;margin:6px 0}
.hint{font-size:14px;color:#4b5563;margin:6px 0 0}
.error{border-left:6px solid #9a1c1c}
a{color:#00427a}
ol.transactions{list-style:none;padding:0;margin:0}
.meta{display:flex;flex-wrap:wrap;justify-content:space-between;gap:4px 12px;margin:0 0 8px;font-size:17px}
.amount-small{font-weight:700;color:#00427a}
.transactions dl{font-size:14px}
.status-00{color:#065f46;font-weight:700}.status-01{color:#92400e;font-weight:700}.status-02{color:#9a1c1c;font-weight:700}.status-06{color:#1e3a8a;font-weight:700}
.ipn-log{margin:0;padding-left:18px}
.inline{margin:10px 0 0}
.inline button{padding:4px 10px;min-height:32px;font-size:14px;background:#fff;color:#00427a;border-color:#00427a}
.empty{text-align:center;color:#374151}
footer{text-align:center;font-size:13px;color:#4b5563;padding:16px}
@media (max-width:600px){dl{grid-template-columns:1fr}dd{margin:0 0 6px}}
`;

const sandboxBanner = 'MÔI TRƯỜNG THỬ NGHIỆM (sandbox): không phải ngân hàng thật, không có tiền nào được chuyển · Sandbox gateway: not a real bank, no money moves';

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Cổng thanh toán thử nghiệm (sandbox)</title>
<style>${style}</style>
</head>
<body>
<p class="sandbox" role="note">${sandboxBanner}</p>
<header><p>Cổng thanh toán thử nghiệm · <span lang="en">Sandbox payment gateway</span> (VNPay-compatible)</p><h1>${escapeHtml(title)}</h1></header>
<main>
${body}
</main>
<footer>Chỉ có trong chế độ thử nghiệm (demo) — <span lang="en">only in demo mode</span>.</footer>
</body>
</html>`;
}

/** 50000 → "50.000 VND" (as gateways print it). */
export function gatewayAmount(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} VND`;
}

/** `yyyyMMddHHmmss` (GMT+7) → `dd/MM/yyyy HH:mm:ss`. */
export function gatewayTime(text: string | null): string {
  if (!text || !parseVnpDate(text)) return '';
  return `${text.slice(6, 8)}/${text.slice(4, 6)}/${text.slice(0, 4)} ${text.slice(8, 10)}:${text.slice(10, 12)}:${text.slice(12, 14)}`;
}

export function paymentPage(t: SandboxTransaction, formAction: string): string {
  const chosen = t.requestedBankCode ?? sandboxBanks[0]!.code;
  const banks = sandboxBanks.map((b) => `<label><input type="radio" name="bank" value="${b.code}"${b.code === chosen ? ' checked' : ''}> <span>${escapeHtml(b.name)} <code>${b.code}</code></span></label>`).join('\n');
  const ipnChoice = (mode: IpnMode, vi: string, en: string) =>
    `<label><input type="radio" name="sandbox_ipn" value="${mode}"${t.ipnMode === mode ? ' checked' : ''}> ${vi} <span lang="en">(${en})</span></label>`;
  return layout('Thanh toán trực tuyến', `
<section aria-labelledby="order">
<h2 id="order">Thông tin đơn hàng <span lang="en">(Order)</span></h2>
<dl>
<dt>Đơn vị chấp nhận thanh toán <span lang="en">(Merchant)</span></dt><dd>${escapeHtml(t.merchantName)} <code>${escapeHtml(t.tmnCode)}</code></dd>
<dt>Nội dung <span lang="en">(Order info)</span></dt><dd>${escapeHtml(t.orderInfo)}</dd>
<dt>Mã tham chiếu <span lang="en">(Reference)</span></dt><dd><code>${escapeHtml(t.txnRef)}</code></dd>
<dt>Số tiền <span lang="en">(Amount)</span></dt><dd class="amount" data-testid="sandbox-amount">${gatewayAmount(t.amount)}</dd>
<dt>Hết hạn lúc <span lang="en">(Expires)</span></dt><dd>${gatewayTime(t.expireDate)} (GMT+7)</dd>
</dl>
</section>
<form class="card" method="post" action="${escapeHtml(formAction)}">
<input type="hidden" name="transaction" value="${escapeHtml(t.id)}">
<fieldset>
<legend>Chọn ngân hàng <span lang="en">(Choose a bank)</span></legend>
<div class="banks">
${banks}
</div>
</fieldset>
<p class="card-note">Thẻ thử nghiệm <span lang="en">(test card)</span>: ${sandboxTestCard.number} · ${sandboxTestCard.holder} · ${sandboxTestCard.issued} · OTP ${sandboxTestCard.otp}. Không cần nhập: bấm “Thanh toán”. <span lang="en">Nothing to type: press “Thanh toán”.</span></p>
<div class="actions">
<button class="pay" type="submit" name="action" value="confirm">Thanh toán <span lang="en">(Pay)</span></button>
<button class="fail" type="submit" name="action" value="fail">Giao dịch thất bại <span lang="en">(Bank declines)</span></button>
<button class="cancel" type="submit" name="action" value="cancel">Hủy <span lang="en">(Cancel)</span></button>
</div>
<details${t.ipnMode === 'send' ? '' : ' open'}>
<summary>Điều khiển thử nghiệm <span lang="en">(Sandbox controls)</span></summary>
<fieldset class="ipn">
<legend>Thông báo IPN cho đơn vị <span lang="en">(IPN to the merchant)</span></legend>
${ipnChoice('send', 'Gửi bình thường', 'send, retry if not confirmed')}
${ipnChoice('drop', 'Làm mất IPN', 'lost IPN: never sent')}
${ipnChoice('twice', 'Gửi hai lần', 'send, then replay once')}
</fieldset>
<p class="hint">Cũng chọn được bằng tham số <code>&amp;sandbox_ipn=drop</code> hoặc <code>twice</code> trên địa chỉ trang này.</p>
</details>
</form>`);
}

export function errorPage(code: string, vi: string, en: string): string {
  return layout('Giao dịch không hợp lệ', `
<section class="error" role="alert">
<h2>Mã lỗi <span lang="en">(Error)</span> ${escapeHtml(code)}</h2>
<p>${escapeHtml(vi)}</p>
<p lang="en">${escapeHtml(en)}</p>
<p class="hint">Hãy quay lại trang của đơn vị và bắt đầu thanh toán lại. <span lang="en">Go back to the merchant’s site and start again.</span></p>
</section>`);
}

function ipnLog(t: SandboxTransaction): string {
  if (t.status === '01') return 'chưa gửi <span lang="en">(not yet)</span>';
  if (!t.ipn.length) return t.ipnMode === 'drop' ? 'Đã làm mất <span lang="en">(dropped)</span>' : 'Đang gửi <span lang="en">(sending)</span>';
  const line = (a: SandboxTransaction['ipn'][number]) => {
    const answer = [a.httpStatus === null ? '' : `HTTP ${a.httpStatus}`, a.rspCode ? `RspCode ${a.rspCode}` : '', a.message ? `“${a.message}”` : '', a.error ?? ''].filter(Boolean).join(' · ');
    return `<li>${a.accepted ? '✓' : '✗'} ${a.replay ? 'gửi lại · ' : ''}${escapeHtml(answer)}</li>`;
  };
  return `<ol class="ipn-log">${t.ipn.map(line).join('')}</ol>`;
}

export function transactionsPage(transactions: readonly SandboxTransaction[], basePath: string): string {
  const items = transactions.map((t) => {
    const status = transactionStatuses[t.status];
    const response = responseLabel(t.responseCode);
    const replay = t.status === '01' ? '' : `<form class="inline" method="post" action="${basePath}/transactions/${encodeURIComponent(t.id)}/ipn"><button type="submit">Gửi lại IPN <span lang="en">(replay)</span></button></form>`;
    return `<li class="card">
<p class="meta"><span class="status-${t.status}">${status.vi} <span lang="en">(${status.en})</span></span><span class="amount-small">${gatewayAmount(t.amount)}</span></p>
<dl>
<dt>Mã tham chiếu <span lang="en">(vnp_TxnRef)</span></dt><dd><code>${escapeHtml(t.txnRef)}</code></dd>
<dt>Nội dung</dt><dd>${escapeHtml(t.orderInfo)}</dd>
<dt>Kết quả <span lang="en">(vnp_ResponseCode)</span></dt><dd>${t.responseCode ? `${t.responseCode} · ` : ''}${escapeHtml(response.vi)}</dd>
<dt>Mã giao dịch <span lang="en">(vnp_TransactionNo)</span></dt><dd>${t.transactionNo}${t.bankCode ? ` · ${escapeHtml(t.bankCode)}` : ''}${t.bankTranNo ? ` · ${escapeHtml(t.bankTranNo)}` : ''}</dd>
<dt>Thời gian</dt><dd>${gatewayTime(t.payDate ?? t.createDate)}</dd>
<dt>IPN</dt><dd>${ipnLog(t)}</dd>
</dl>
${replay}
</li>`;
  }).join('\n');
  const list = transactions.length
    ? `<ol class="transactions" aria-label="Giao dịch, mới nhất trước / Transactions, newest first">\n${items}\n</ol>`
    : `<p class="card empty">Chưa có giao dịch nào. <span lang="en">No transaction yet: pay a fee online from the portal.</span></p>`;
  return layout('Giao dịch của cổng thử nghiệm', `
<p>Các giao dịch cổng thanh toán thử nghiệm đã nhận (giữ trong bộ nhớ, mất khi khởi động lại). <span lang="en">What the sandbox gateway saw, kept in memory.</span> <a href="${basePath}">Tải lại / Reload</a> · <a href="${basePath}/transactions.json">JSON</a></p>
${list}`);
}
