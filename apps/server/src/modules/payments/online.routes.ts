/**
 * Online fee payment over HTTP (docs/payments.md): the payer starts a payment (signed in, or with
 * the security code), reads an order's status; the gateways notify (IPN) and send the payer back.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, inputText, paymentOrderStatuses, paymentProviders, type PaymentProviderName } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { publicAccess, signedInCitizen } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { DossierCodeParams } from '../dossiers/dossiers.schemas.ts';
import { receiveIpn, receiveReturn } from './online.callbacks.ts';
import { orderStatus, startPayment, type PayerProof } from './online.usecases.ts';

const StartedPaymentSchema = z.object({
  paymentUrl: z.string().describe('the gateway’s payment page, signed: send the payer’s browser there'),
  reference: z.string(),
  amount: z.number().describe('whole đồng: what the dossier still owes'),
  expiresAt: z.date(),
  provider: z.enum(paymentProviders),
});

const OrderSchema = z.object({
  reference: z.string(),
  dossierCode: z.string(),
  provider: z.enum(paymentProviders),
  amount: z.number(),
  currency: z.literal('VND'),
  status: z.enum(paymentOrderStatuses),
  createdAt: z.date(),
  expiresAt: z.date(),
  paidAt: z.date().nullable(),
  receipt: z.object({ symbol: z.string(), number: z.number(), year: z.number() }).nullable().describe('the electronic receipt (biên lai điện tử) of the payment'),
  outstanding: z.number().describe('what the dossier still owes now, whole đồng'),
});

const Locale = z.enum(['vi', 'en']).default('vi');
const ReferenceParams = z.object({ reference: inputText().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'an order reference') });
/** What a gateway sends: its own fields, each checked as text (no control characters). */
const CallbackFields = z.object({}).catchall(inputText().max(2000));
const problemsOfStart = ['dossier.invalid_code', 'dossier.not_found', 'payment.unavailable', 'payment.nothing_owed', 'payment.order_pending'] as const;

/** Proof of the dossier for an order's status: the citizen's session, else the security code header. */
function proofOf(request: FastifyRequest): PayerProof {
  const session = request.citizenSession;
  if (session) return { kind: 'eid', actor: session.actor, name: session.identity.fullName };
  const given = request.headers['x-security-code'];
  const secret = Array.isArray(given) ? given[0] : given;
  if (!secret) throw new AppError('dossier.access_denied');
  return { kind: 'security_code', secret: secret.slice(0, 200) };
}

export function registerOnlinePaymentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/citizen/dossiers/:code/payments', {
    config: { access: signedInCitizen, problems: [...problemsOfStart], rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['citizen'],
      summary: 'The signed-in citizen starts the online payment of what their dossier still owes (thanh toán trực tuyến): answers the gateway address to send the browser to',
      params: DossierCodeParams,
      body: z.object({ locale: Locale }).default({ locale: 'vi' }),
      response: { 201: StartedPaymentSchema },
    },
    handler: async (request, reply) => {
      const session = request.citizenSession;
      if (!session) throw new AppError('auth.unauthenticated');
      const started = await startPayment(
        { ...auditContextOf(request), actorName: session.identity.fullName },
        { code: request.params.code, proof: { kind: 'eid', actor: session.actor, name: session.identity.fullName }, locale: request.body.locale, payerIp: request.ip },
        deps,
      );
      return reply.status(201).header('cache-control', 'no-store').send(started);
    },
  });

  r.post('/api/v1/public/dossiers/:code/payments', {
    config: { access: publicAccess, problems: [...problemsOfStart, 'dossier.access_denied'], rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'The applicant starts the online payment of what the dossier still owes, proven with the security code of the online receipt: answers the gateway address to send the browser to',
      params: DossierCodeParams,
      body: z.object({ securityCode: inputText().min(1).max(200), locale: Locale }),
      response: { 201: StartedPaymentSchema },
    },
    handler: async (request, reply) => {
      const started = await startPayment(
        { ...auditContextOf(request), actor: { kind: 'citizen', citizenId: `dossier:${request.params.code}` } },
        { code: request.params.code, proof: { kind: 'security_code', secret: request.body.securityCode }, locale: request.body.locale, payerIp: request.ip },
        deps,
      );
      return reply.status(201).header('cache-control', 'no-store').send(started);
    },
  });

  r.get('/api/v1/payments/orders/:reference', {
    config: { access: publicAccess, problems: ['payment.order_not_found', 'dossier.access_denied'], rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags: ['public'],
      summary: 'An online payment’s status as the server knows it (from the gateway’s verified notification or query), for its payer: '
        + 'the dossier’s signed-in citizen, or whoever sends its security code in the x-security-code header',
      params: ReferenceParams,
      headers: z.object({ 'x-security-code': inputText().max(200).optional() }),
      response: { 200: OrderSchema },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return orderStatus(request.params.reference, proofOf(request), deps);
    },
  });

  const ipn = (provider: PaymentProviderName) => async (params: Record<string, string>, request: FastifyRequest, reply: import('fastify').FastifyReply) => {
    const answer = await receiveIpn(deps, provider, params, request.log);
    return reply.status(answer.status).header('cache-control', 'no-store').type(answer.contentType).send(answer.body);
  };
  const callbackConfig = { access: publicAccess, csrfExempt: true, problems: ['payment.unavailable'] as const, rateLimit: { max: deps.config.paymentCallbackRateLimit, timeWindow: '1 minute' } };

  r.get('/api/v1/payments/vnpay/ipn', {
    config: { ...callbackConfig, problems: [...callbackConfig.problems] },
    schema: {
      tags: ['payments'],
      summary: 'VNPay’s server-to-server payment notification (IPN): verified (HMAC-SHA512), applied once, answered {"RspCode","Message"} '
        + '(00 Confirm Success, 01 Order not found, 02 Order already confirmed, 04 Invalid amount, 97 Invalid signature, 99 Unknown error)',
      querystring: CallbackFields,
      response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) },
    },
    handler: (request, reply) => ipn('vnpay')(request.query as Record<string, string>, request, reply),
  });

  for (const method of ['GET', 'POST'] as const) {
    r.route({
      method,
      url: '/api/v1/payments/national/ipn',
      config: { ...callbackConfig, problems: [...callbackConfig.problems] },
      schema: {
        tags: ['payments'],
        summary: 'The national payment platform’s notification: fields in the query (GET) or a JSON body (POST), SHA-256 checksum over pipe-joined fields '
          + '(docs/payments.md), answered {"code","message"} with the same codes as VNPay’s',
        ...(method === 'GET' ? { querystring: CallbackFields } : { body: CallbackFields }),
        response: { 200: z.object({ code: z.string(), message: z.string() }) },
      },
      handler: (request, reply) => ipn('national')((method === 'GET' ? request.query : request.body) as Record<string, string>, request, reply),
    });
  }

  for (const provider of paymentProviders) {
    r.get(`/api/v1/payments/${provider}/return`, {
      config: { ...callbackConfig, problems: [...callbackConfig.problems] },
      schema: {
        tags: ['payments'],
        summary: `Where the ${provider === 'vnpay' ? 'VNPay' : 'national platform'} gateway sends the payer’s browser back: verified and logged, never applied; `
          + 'a pending order is queried at the gateway once, then 303 to the portal page of the dossier (?thanh-toan=<reference>)',
        querystring: CallbackFields,
        response: { 303: z.undefined().describe('To the portal') },
      },
      handler: async (request, reply) => {
        const to = await receiveReturn(deps, provider, request.query as Record<string, string>, request.actor);
        return reply.header('cache-control', 'no-store').redirect(`${deps.config.publicBaseUrl}${to}`, 303);
      },
    });
  }
}
