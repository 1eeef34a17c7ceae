/**
 * The only reader of process.env. Parsed once at start-up; a bad value stops the process with the
 * full list of problems, not the first one.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_BASE_URL: z.url().optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    LOGIN_ACCOUNT_SLOWDOWN_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
    LOGIN_KNOWN_ADDRESS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    DEMO_DATA: booleanFromEnv.optional(),
    TRUST_PROXY: booleanFromEnv.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PUBLIC_LOOKUP_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
    MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(10),
    PREPARATION_DISCARD_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    SERVER_IDLE_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
    SERVER_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(60).max(24 * 3600).optional(),
    WEB_DIST_DIR: z.string().optional(),
    MOTCUA_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    TSA_URL: z.url().optional(),
    SIGNING_KEY_PASSPHRASE: z.string().min(12, 'at least 12 characters').max(500).optional(),
    SIGNING_TRUST_ROOTS: z.string().min(1).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
    MAIL_FROM: z.string().min(3).max(300).optional(),
    SMS_WEBHOOK_URL: z.url().optional(),
    SMS_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').max(500).optional(),
    CHAT_WEBHOOK_URL: z.url().optional(),
    CHAT_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').max(500).optional(),
    DEV_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
    JOBS: z.enum(['inline', 'off']).default('inline'),
    RATE_LIMIT_STORE: z.enum(['database', 'memory', 'redis']).default('database'),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
    PAYMENT_PROVIDER: z.enum(['vnpay', 'national']).default('vnpay'),
    PAYMENT_ORDER_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(15),
    PAYMENT_CALLBACK_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(3000),
    VNPAY_TMN_CODE: z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'letters and digits, at most 16').optional(),
    VNPAY_HASH_SECRET: z.string().min(16, 'at least 16 characters').max(500).optional(),
    VNPAY_PAYMENT_URL: z.url().optional(),
    VNPAY_API_URL: z.url().optional(),
    NATIONAL_PAYMENT_URL: z.url().optional(),
    NATIONAL_PAYMENT_API_URL: z.url().optional(),
    NATIONAL_PAYMENT_MERCHANT: z.string().min(1).max(64).optional(),
    NATIONAL_PAYMENT_SECRET: z.string().min(16, 'at least 16 characters').max(500).optional(),
  })
  // A shifted clock is for trying the product at a chosen hour (tests, demonstrations): a
  // production server keeps the real time, whatever its environment says.
  .refine((e) => !(e.NODE_ENV === 'production' && e.MOTCUA_CLOCK_START), {
    path: ['MOTCUA_CLOCK_START'],
    message: 'refused in production: the server keeps the real time',
  })
  // The e-ID provider is configured whole or not at all: half a configuration would silently fall
  // back to the development provider.
  .superRefine((e, ctx) => {
    const given = oidcVariables.filter((k) => e[k] !== undefined);
    if (given.length > 0 && given.length < oidcVariables.length) {
      for (const k of oidcVariables.filter((v) => e[v] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [k], message: `required with ${given.join(', ')}: set all of ${oidcVariables.join(', ')} or none` });
      }
    }
    // A webhook channel is configured whole: an unsigned payload would be refused by the gateway.
    for (const [url, secret] of [['SMS_WEBHOOK_URL', 'SMS_WEBHOOK_SECRET'], ['CHAT_WEBHOOK_URL', 'CHAT_WEBHOOK_SECRET']] as const) {
      if ((e[url] === undefined) !== (e[secret] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [e[url] === undefined ? url : secret], message: `required with ${e[url] === undefined ? secret : url}` });
      }
    }
    // A gateway is configured whole: a payment signed with half a configuration would be refused.
    for (const group of [vnpayVariables, nationalPaymentVariables]) {
      const given = group.filter((k) => e[k] !== undefined);
      if (given.length > 0 && given.length < group.length) {
        for (const k of group.filter((v) => e[v] === undefined)) ctx.addIssue({ code: 'custom', path: [k], message: `required with ${given.join(', ')}` });
      }
    }
    if (e.RATE_LIMIT_STORE === 'redis' && !e.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'required with RATE_LIMIT_STORE=redis' });
    }
    if (e.NODE_ENV === 'production' && e.OIDC_ISSUER?.startsWith('http://')) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be https:// in production' });
    }
    // Demo data in production creates development keys: they are not kept under a passphrase
    // everybody can read in this file.
    if (e.NODE_ENV === 'production' && e.DEMO_DATA && !e.SIGNING_KEY_PASSPHRASE) {
      ctx.addIssue({ code: 'custom', path: ['SIGNING_KEY_PASSPHRASE'], message: 'required in production to keep signing keys (PKCS#12) encrypted' });
    }
  });

const oidcVariables = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const vnpayVariables = ['VNPAY_TMN_CODE', 'VNPAY_HASH_SECRET', 'VNPAY_PAYMENT_URL', 'VNPAY_API_URL'] as const;
const nationalPaymentVariables = ['NATIONAL_PAYMENT_URL', 'NATIONAL_PAYMENT_API_URL', 'NATIONAL_PAYMENT_MERCHANT', 'NATIONAL_PAYMENT_SECRET'] as const;

/** The mount path of the bundled development identity provider (`demo/dev-idp/`). */
export const devIdentityProviderPath = '/dev-idp';
/** The mount path of the bundled development time-stamp authority (`demo/dev-tsa/`). */
export const devTimestampAuthorityPath = '/dev-tsa';
/** The mount path of the bundled development SMS and chat gateway (`demo/dev-gateway/`). */
export const devGatewayPath = '/dev-gateway';
/** The webhook secret of the development gateway (a demo value, not a secret). */
export const devGatewaySecret = 'motcua-dev-gateway-secret-NOT-FOR-PRODUCTION';
/** The mount path of the bundled sandbox payment gateway (`demo/dev-payments/`), VNPay-compatible. */
export const devPaymentsPath = '/dev-payments';
/** The merchant code and hash secret of Motcua at the sandbox gateway (demo values, not secrets). */
export const devPaymentsMerchant = { tmnCode: 'MOTCUA01', hashSecret: 'motcua-sandbox-hash-secret-NOT-FOR-PRODUCTION' } as const;
/**
 * The passphrase of stored PKCS#12 keys outside production when none is configured: development
 * keys only, and the development root CA says so in its name.
 */
export const developmentKeyPassphrase = 'motcua-development-keys-NOT-FOR-PRODUCTION';
/** The client Motcua is registered as at the development provider (a demo value, not a secret). */
export const devIdentityProviderClient = { id: 'motcua-portal', secret: 'motcua-dev-idp-client-secret' } as const;

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** A PostgreSQL server, or undefined for the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  publicBaseUrl: string;
  sessionTtlMs: number;
  login: LoginThrottleConfig;
  demoData: boolean;
  trustProxy: boolean;
  logLevel: string;
  webDistDir: string;
  maxUploadBytes: number;
  /** Days after which the maintenance sweep discards a prepared dossier nobody confirmed (docs/rules/assisted-filing.md). */
  preparationDiscardDays: number;
  /** Timeouts of the listening server (see `http/app.ts`). */
  server: { idleTimeoutMs: number; requestTimeoutMs: number };
  /** Public dossier lookups allowed per minute and IP address. */
  publicLookupRateLimit: number;
  /** Gateway notifications (IPN) and returns allowed per minute and IP address: a gateway sends many from few addresses. */
  paymentCallbackRateLimit: number;
  /**
   * The instant the server's clock starts at (it then advances in real time), to run the product
   * at a chosen hour; undefined: the real time. Never set in production.
   */
  clockStart: Date | undefined;
  /**
   * Citizens' sign-in with the national e-ID over OpenID Connect (docs/citizen-sign-in.md): the
   * configured provider (`OIDC_*`), else, with demo data, the bundled development provider at
   * `<publicBaseUrl>/dev-idp`; undefined: citizens cannot sign in.
   */
  citizenSignIn: CitizenSignInConfig | undefined;
  /** Signing keys, trust anchors and the time-stamp authority (docs/signing-keys.md). */
  signing: SigningConfig;
  /** Where notifications go (docs/jobs.md, docs/notifications-channels.md); a channel left undefined is not used. */
  notifications: NotificationsConfig;
  /** Whether this server process also runs the job queue's workers (`JOBS=inline`), or leaves them to `motcua worker` (`off`). */
  jobs: { inProcess: boolean };
  /** Where request rate limits are counted: `database` (shared by every process), `memory` (this process), `redis`. */
  rateLimit: { store: 'database' | 'memory' | 'redis'; redisUrl: string | undefined };
  /** Online fee payment (docs/payments.md); undefined: fees are paid at the counter only. */
  payments: PaymentsConfig | undefined;
}

export interface PaymentsConfig {
  /** The gateway new online payments go to (`PAYMENT_PROVIDER`); orders already started keep theirs. */
  provider: 'vnpay' | 'national';
  /** How long a payer has at the gateway before an order is expired. */
  orderTtlMs: number;
  /** `VNPAY_*`, else with demo data the bundled sandbox gateway. */
  vnpay: VnpayConfig | undefined;
  /** `NATIONAL_PAYMENT_*`; no sandbox is bundled for it. */
  national: { paymentUrl: string; apiUrl: string; merchant: string; secret: string } | undefined;
}

export interface VnpayConfig {
  tmnCode: string;
  hashSecret: string;
  /** The gateway's payment page, where the payer's browser is sent. */
  paymentUrl: string;
  /** The gateway's merchant API (querydr, refund), called by the server. */
  apiUrl: string;
  /** The bundled sandbox gateway (`demo/dev-payments/`), served by this server. */
  devSandbox: boolean;
}

export interface WebhookChannelConfig {
  url: string;
  /** Signs each payload (HMAC-SHA256); the gateway signs its delivery receipts with it too. */
  secret: string;
  /** The bundled development gateway (`demo/dev-gateway/`), served by this server. */
  devGateway: boolean;
}

export interface NotificationsConfig {
  /** `SMTP_URL`, else with demo data the bundled mail catcher on `DEV_SMTP_PORT`. */
  email: { smtpUrl: string; from: string; devCatcherPort: number | undefined } | undefined;
  sms: WebhookChannelConfig | undefined;
  chat: WebhookChannelConfig | undefined;
}

export interface SigningConfig {
  /**
   * Encrypts the PKCS#12 keys kept in the database (never stored there). Undefined in production
   * without `SIGNING_KEY_PASSPHRASE`: PKCS#12 keys are refused there, remote keys still work.
   */
  keyPassphrase: string | undefined;
  /**
   * With demo data: setup (or the first signature) creates a development root CA, a time-stamping
   * certificate and keys for agencies and leaders that have none. Never otherwise.
   */
  developmentKeys: boolean;
  /** PEM files of further trusted root certificates (`SIGNING_TRUST_ROOTS`). */
  trustRootFiles: string[];
  /**
   * The RFC 3161 time-stamp authority that makes signatures PAdES B-T: `TSA_URL`, else with demo
   * data the bundled development authority at `<publicBaseUrl>/dev-tsa`; undefined: B-B only.
   */
  timestamp: { url: string; devAuthority: boolean } | undefined;
}

export interface CitizenSignInConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The bundled development provider, mounted by this server (`demo/dev-idp/`). */
  devProvider: boolean;
}

/** Sign-in throttling (see `modules/auth/sign-in.throttle.ts`). */
export interface LoginThrottleConfig {
  /** Failures of one account from one address before that pair is locked for `lockMs`. */
  maxFailures: number;
  /** How long a pair or an address stays locked; failures older than this are forgotten. */
  lockMs: number;
  /** Failures of one account across its unknown addresses before each further check waits. */
  accountSlowdownAfter: number;
  /** The wait doubles from one second up to this. */
  accountMaxDelayMs: number;
  /** Failures from one address across accounts (not counting those known there) before it is locked. */
  addressMaxFailures: number;
  /** How long an address an account signed in from stays one of its usual addresses. */
  knownAddressMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super('Invalid configuration:\n' + problems.map((p) => '  - ' + p).join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = ConfigSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message} (got ${JSON.stringify(relevant[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const demoData = e.DEMO_DATA ?? e.NODE_ENV !== 'production';
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicBaseUrl,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      accountSlowdownAfter: e.LOGIN_ACCOUNT_SLOWDOWN_AFTER,
      accountMaxDelayMs: e.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
      addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
      knownAddressMs: e.LOGIN_KNOWN_ADDRESS_DAYS * 86_400_000,
    },
    demoData,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    publicLookupRateLimit: e.PUBLIC_LOOKUP_RATE_LIMIT,
    paymentCallbackRateLimit: e.PAYMENT_CALLBACK_RATE_LIMIT,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    preparationDiscardDays: e.PREPARATION_DISCARD_DAYS,
    server: {
      idleTimeoutMs: Math.round(e.SERVER_IDLE_TIMEOUT_SECONDS * 1000),
      // The largest upload at 32 KB/s (a weak mobile uplink), and never under a minute.
      requestTimeoutMs: (e.SERVER_REQUEST_TIMEOUT_SECONDS ?? Math.max(60, Math.ceil((e.MAX_UPLOAD_MB * 1024) / 32))) * 1000,
    },
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    clockStart: e.MOTCUA_CLOCK_START === undefined ? undefined : new Date(e.MOTCUA_CLOCK_START),
    citizenSignIn: citizenSignInConfig(e, demoData, publicBaseUrl),
    signing: {
      keyPassphrase: e.SIGNING_KEY_PASSPHRASE ?? (e.NODE_ENV === 'production' ? undefined : developmentKeyPassphrase),
      developmentKeys: demoData,
      // A path list as PATH is written (':' on Unix), commas also accepted.
      trustRootFiles: (e.SIGNING_TRUST_ROOTS ?? '').split(new RegExp(`[,${path.delimiter}]`)).map((p) => p.trim()).filter(Boolean).map((p) => path.resolve(p)),
      timestamp: e.TSA_URL
        ? { url: e.TSA_URL, devAuthority: false }
        : demoData ? { url: publicBaseUrl + devTimestampAuthorityPath, devAuthority: true } : undefined,
    },
    notifications: {
      email: e.SMTP_URL
        ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? 'Motcua <no-reply@motcua.local>', devCatcherPort: undefined }
        : demoData ? { smtpUrl: `smtp://127.0.0.1:${e.DEV_SMTP_PORT}`, from: e.MAIL_FROM ?? 'Một cửa điện tử <no-reply@motcua.local>', devCatcherPort: e.DEV_SMTP_PORT } : undefined,
      sms: webhookChannel(e.SMS_WEBHOOK_URL, e.SMS_WEBHOOK_SECRET, demoData, e.PORT, 'sms'),
      chat: webhookChannel(e.CHAT_WEBHOOK_URL, e.CHAT_WEBHOOK_SECRET, demoData, e.PORT, 'chat'),
    },
    jobs: { inProcess: e.JOBS === 'inline' },
    rateLimit: { store: e.RATE_LIMIT_STORE, redisUrl: e.REDIS_URL },
    payments: paymentsConfig(e, demoData, publicBaseUrl),
  };
}

/**
 * The configured gateways; with demo data and no VNPay configured, the bundled sandbox: the payer's
 * browser goes to its page under the public address, the server calls its API on the loopback
 * address (completed by `withListeningPort` when PORT=0).
 */
function paymentsConfig(e: z.infer<typeof ConfigSchema>, demoData: boolean, publicBaseUrl: string): PaymentsConfig | undefined {
  const vnpay: VnpayConfig | undefined =
    e.VNPAY_TMN_CODE && e.VNPAY_HASH_SECRET && e.VNPAY_PAYMENT_URL && e.VNPAY_API_URL
      ? { tmnCode: e.VNPAY_TMN_CODE, hashSecret: e.VNPAY_HASH_SECRET, paymentUrl: e.VNPAY_PAYMENT_URL, apiUrl: e.VNPAY_API_URL, devSandbox: false }
      : demoData
        ? {
            ...devPaymentsMerchant,
            paymentUrl: `${publicBaseUrl}${devPaymentsPath}/vnpay/paymentv2/vpcpay.html`,
            apiUrl: `http://127.0.0.1:${e.PORT}${devPaymentsPath}/vnpay/merchant_webapi/api/transaction`,
            devSandbox: true,
          }
        : undefined;
  const national =
    e.NATIONAL_PAYMENT_URL && e.NATIONAL_PAYMENT_API_URL && e.NATIONAL_PAYMENT_MERCHANT && e.NATIONAL_PAYMENT_SECRET
      ? { paymentUrl: e.NATIONAL_PAYMENT_URL, apiUrl: e.NATIONAL_PAYMENT_API_URL, merchant: e.NATIONAL_PAYMENT_MERCHANT, secret: e.NATIONAL_PAYMENT_SECRET }
      : undefined;
  if (!vnpay && !national) return undefined;
  const provider = e.PAYMENT_PROVIDER === 'national' && national ? 'national' : vnpay ? 'vnpay' : 'national';
  return { provider, orderTtlMs: e.PAYMENT_ORDER_MINUTES * 60_000, vnpay, national };
}

/**
 * A configured gateway, else with demo data the bundled one on this server (reached on the
 * loopback address: the public address may not route back to the server itself). With PORT=0 the
 * address is completed once the server listens (`withListeningPort`).
 */
function webhookChannel(url: string | undefined, secret: string | undefined, demoData: boolean, port: number, channel: 'sms' | 'chat'): WebhookChannelConfig | undefined {
  if (url && secret) return { url, secret, devGateway: false };
  if (!demoData) return undefined;
  return { url: `http://127.0.0.1:${port}${devGatewayPath}/${channel}`, secret: devGatewaySecret, devGateway: true };
}

/**
 * Completes the development gateway's address with the port the server listens on (with PORT=0,
 * known only then). Changes `config` in place: the webhook adapters read the address at each send.
 */
export function withListeningPort(config: Config, port: number): void {
  const vnpay = config.payments?.vnpay;
  if (vnpay?.devSandbox) {
    const api = new URL(vnpay.apiUrl);
    api.port = String(port);
    vnpay.apiUrl = api.toString();
  }
  for (const channel of [config.notifications.sms, config.notifications.chat]) {
    if (!channel?.devGateway) continue;
    const url = new URL(channel.url);
    url.port = String(port);
    channel.url = url.toString();
  }
}

/** The development mail catcher listens on `port` (DEV_SMTP_PORT=0: any free one): e-mail goes there. */
export function withMailCatcherPort(config: Config, port: number): void {
  const email = config.notifications.email;
  if (email?.devCatcherPort === undefined) return;
  email.devCatcherPort = port;
  email.smtpUrl = `smtp://127.0.0.1:${port}`;
}

function citizenSignInConfig(e: z.infer<typeof ConfigSchema>, demoData: boolean, publicBaseUrl: string): CitizenSignInConfig | undefined {
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    return { issuer: e.OIDC_ISSUER.replace(/\/$/, ''), clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, devProvider: false };
  }
  if (!demoData) return undefined;
  return {
    issuer: publicBaseUrl + devIdentityProviderPath,
    clientId: devIdentityProviderClient.id,
    clientSecret: devIdentityProviderClient.secret,
    devProvider: true,
  };
}
