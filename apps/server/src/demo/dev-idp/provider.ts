/**
 * A real OpenID Connect provider (`oidc-provider`) standing in for the national e-ID (VNeID) in
 * the demo and in tests: discovery, JWKS, authorization code flow with PKCE required, refresh
 * tokens, UserInfo and RP-initiated logout, over the demo's identities (`demo/citizens.ts`).
 * docs/citizen-sign-in.md lists its claims. Its sign-in page is its own (`pages.ts`); consent is
 * given on the citizen's behalf for the clients it is configured with (they are first-party).
 *
 * `handle(req, res)` serves a request whose URL is relative to the issuer (the mount strips the
 * prefix and keeps the full URL in `req.originalUrl`, which the provider reads to build its links).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { DemoIdentity } from '../citizens.ts';
import { errorPage, loggedOutPage, loginPage, logoutPage } from './pages.ts';
import type { DevIdentityProviderSecrets } from './secrets.ts';

/** The password of every demo account at the development provider (shown on its sign-in page). */
export const devIdentityPassword = 'Vneid@2026';

export interface DevIdentityProviderOptions {
  issuer: string;
  clients: ClientMetadata[];
  accounts: readonly DemoIdentity[];
  secrets: DevIdentityProviderSecrets;
  /** Believe X-Forwarded-* headers (behind a reverse proxy), as the server does. */
  trustProxy?: boolean;
  /** Access token lifetime in seconds (default 10 minutes: refreshes happen in a demo session). */
  accessTokenTtlSeconds?: number;
}

export interface DevIdentityProvider {
  issuer: string;
  provider: Provider;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The claims of one demo identity, by the names an e-ID provider uses (docs/citizen-sign-in.md). */
export function demoIdentityClaims(account: DemoIdentity): Record<string, unknown> {
  return {
    sub: account.subject,
    name: account.fullName,
    birthdate: account.birthDate ?? undefined,
    gender: account.gender ?? undefined,
    address: account.address ? { formatted: account.address } : undefined,
    phone_number: account.phone ?? undefined,
    email: account.email ?? undefined,
    personal_id: account.personalId ?? undefined,
    eid_level: account.eidLevel,
    account_type: account.kind,
    organization_name: account.organizationName ?? undefined,
    tax_code: account.taxCode ?? undefined,
  };
}

export function createDevIdentityProvider(options: DevIdentityProviderOptions): DevIdentityProvider {
  const issuerPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const bySubject = new Map(options.accounts.map((a) => [a.subject, a]));
  const configuration: Configuration = {
    clients: options.clients,
    jwks: { keys: options.secrets.signingKeys as never },
    cookies: { keys: options.secrets.cookieKeys },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'phone', 'address', 'vneid'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate', 'gender'],
      email: ['email'],
      phone: ['phone_number'],
      address: ['address'],
      vneid: ['personal_id', 'eid_level', 'account_type', 'organization_name', 'tax_code'],
    },
    findAccount: (_ctx, sub) => {
      const account = bySubject.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => demoIdentityClaims(account) as { sub: string } };
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${issuerPath}/interaction/${interaction.uid}` },
    // The clients here are Motcua itself: consent is the citizen's sign-in, not a second screen.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Grant: 14 * 86_400,
      Session: 14 * 86_400,
      RefreshToken: 14 * 86_400,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage('Không thực hiện được yêu cầu', `${out.error}: ${out.error_description ?? ''}`);
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.trustProxy ?? false;
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, abort: boolean): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (abort) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập' }, { mergeWithLastSubmission: false });
      return;
    }
    const client = await provider.Client.find(String(details.params.client_id));
    const page = (login: string, error: string | undefined, status: number) => {
      res.statusCode = status;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(
        loginPage({
          action: `${issuerPath}/interaction/${uid}`,
          abortAction: `${issuerPath}/interaction/${uid}/abort`,
          clientName: client?.clientName ?? String(details.params.client_id),
          login,
          error,
          accounts: options.accounts,
          password: devIdentityPassword,
        }),
      );
    };
    if (req.method !== 'POST') return page('', undefined, 200);
    const form = new URLSearchParams(await readBody(req));
    const login = (form.get('login') ?? '').trim().slice(0, 20);
    const account = options.accounts.find((a) => a.login === login || (a.kind === 'citizen' && (a.personalId === login || a.phone === login)));
    if (!account || form.get('password') !== devIdentityPassword) {
      return page(login, 'Số định danh cá nhân / số điện thoại hoặc mật khẩu không đúng.', 401);
    }
    await provider.interactionFinished(req, res, { login: { accountId: account.subject, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/interaction\/([\w-]{1,64})(\/abort)?(?:\?|$)/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    try {
      await interaction(req, res, match[1]!, Boolean(match[2]) && req.method === 'POST');
    } catch {
      if (res.headersSent) return void res.end();
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(errorPage('Phiên đăng nhập đã hết hạn', 'Vui lòng quay lại dịch vụ công và đăng nhập lại.'));
    }
  }

  return { issuer: options.issuer, provider, handle };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
