/**
 * The sandbox payment gateway inside Motcua's own server (demo mode), at `/dev-payments`, as the
 * development e-ID provider is at `/dev-idp`. It speaks the gateway side of the VNPay-compatible
 * protocol (docs/payments.md, "The sandbox gateway"):
 * - `GET  …/vnpay/paymentv2/vpcpay.html?vnp_…` the payer's page (signature, amount, expiry checked);
 * - `POST …/vnpay/paymentv2/pay` the payer's choice: IPN to the merchant, then back to `vnp_ReturnUrl`;
 * - `POST …/vnpay/merchant_webapi/api/transaction` the merchant API (querydr, refund);
 * - `GET  /dev-payments` (and `/transactions.json`) what the sandbox saw; a button replays an IPN.
 * Outside `/api/v1` and hidden from the API document: a development tool, not Motcua's API.
 */
import type { FastifyInstance } from 'fastify';
import { answerMerchantApi } from './merchant-api.ts';
import { errorPage, paymentPage, transactionsPage } from './pages.ts';
import { ipnModes, type DevPayments, type IpnMode } from './sandbox.ts';

export const paymentPagePath = '/vnpay/paymentv2/vpcpay.html';
export const merchantApiPath = '/vnpay/merchant_webapi/api/transaction';

const html = 'text/html; charset=utf-8';

export function mountDevPayments(app: FastifyInstance, sandbox: DevPayments, basePath: string): void {
  app.addHook('onClose', async () => sandbox.close());
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))));
    // Posted by the sandbox's own pages or by a merchant's server: no Motcua session is involved.
    const config = { csrfExempt: true };

    scope.get(basePath, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(html).header('cache-control', 'no-store').send(transactionsPage(sandbox.list(), basePath)));

    scope.get(`${basePath}/transactions.json`, { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ items: sandbox.list() }));

    scope.post(`${basePath}/transactions/:id/ipn`, { schema: { hide: true }, config }, async (request, reply) => {
      const attempt = await sandbox.replayIpn((request.params as { id: string }).id);
      if (!attempt) return reply.code(404).type(html).send(errorPage('91', 'Không tìm thấy giao dịch đã hoàn tất với mã này.', 'No finished transaction with this id.'));
      return reply.redirect(basePath, 303);
    });

    scope.get(`${basePath}${paymentPagePath}`, { schema: { hide: true } }, async (request, reply) => {
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const names = [...query.keys()];
      reply.type(html).header('cache-control', 'no-store');
      if (new Set(names).size !== names.length) return reply.code(400).send(errorPage('03', 'Một tham số xuất hiện hai lần.', 'A parameter appears twice.'));
      const params = Object.fromEntries(query);
      const opened = sandbox.open(params, ipnMode(params.sandbox_ipn));
      if (!opened.ok) return reply.code(400).send(errorPage(opened.code, opened.vi, opened.en));
      return reply.send(paymentPage(opened.transaction, `${basePath}/vnpay/paymentv2/pay`));
    });

    scope.post(`${basePath}/vnpay/paymentv2/pay`, { schema: { hide: true }, config }, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string>;
      const action = form.action === 'confirm' || form.action === 'fail' || form.action === 'cancel' ? form.action : undefined;
      const back = action && form.transaction ? await sandbox.complete(form.transaction, action, form.bank, ipnMode(form.sandbox_ipn)) : undefined;
      if (!back) return reply.code(400).type(html).send(errorPage('03', 'Không tìm thấy giao dịch, hoặc thiếu lựa chọn.', 'Unknown transaction or no choice made.'));
      return reply.redirect(back, 303);
    });

    scope.post(`${basePath}${merchantApiPath}`, { schema: { hide: true }, config }, async (request) => answerMerchantApi(sandbox, request.body));
  });
}

function ipnMode(value: string | undefined): IpnMode | undefined {
  return ipnModes.find((m) => m === value);
}
