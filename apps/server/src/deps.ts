/**
 * What use cases receive: explicit dependencies, wired once by `buildDeps` (called from main.ts,
 * the CLI and the tests, so that all three run the same wiring).
 */
import { createSessionCache, type SessionCache } from './modules/auth/session.cache.ts';
import type { Kysely } from 'kysely';
import type { CustomFetch } from 'openid-client';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import { localFileStorage, type FileStorage } from './infra/storage.ts';
import { createCalendarProvider, type CalendarProvider } from './modules/calendar/calendar.provider.ts';
import { createReferenceCache, type ReferenceCache } from './modules/reference/reference.cache.ts';
import { createCitizenOidc, type CitizenOidc } from './modules/citizens/citizen-oidc.ts';
import { createTemplateCache, type TemplateCache } from './modules/notifications/templates.ts';
import { createOutboxSignal, type OutboxSignal } from './modules/notifications/outbox.signal.ts';
import { paymentProvidersOf, type PaymentProviders } from './infra/payments/providers.ts';

/** The current instant. Injected so that tests can fix time; the domain never reads the clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that reads `start` now and then advances in real time (`MOTCUA_CLOCK_START`). */
export function clockStartingAt(start: Date, wall: Clock = systemClock): Clock {
  const offset = start.getTime() - wall().getTime();
  return () => new Date(wall().getTime() + offset);
}

/** The clock the configuration asks for: the real time unless a start instant is configured. */
export function configuredClock(config: Pick<Config, 'clockStart'>): Clock {
  return config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
}

export interface Deps {
  config: Config;
  db: Kysely<Database>;
  clock: Clock;
  calendars: CalendarProvider;
  storage: FileStorage;
  references: ReferenceCache;
  /** Staff sessions read on every request, kept in the process (modules/auth/session.cache.ts). */
  sessions: SessionCache;
  /** The e-ID provider's OpenID Connect client (discovers the provider on first use); undefined: none configured. */
  citizenOidc: CitizenOidc | undefined;
  /** The wording of notifications: administrators' versions cached, else the defaults. */
  templates: TemplateCache;
  /** Wakes this process's notification dispatcher after a commit that enqueued messages. */
  outbox: OutboxSignal;
  /** The adapters of the configured payment gateways (none: fees are paid at the counter only). */
  paymentProviders: PaymentProviders;
}

export function buildDeps(
  config: Config,
  db: Kysely<Database>,
  clock: Clock = systemClock,
  /** How the e-ID client reaches its provider, when not by plain HTTP (the bundled development provider). */
  options: { citizenOidcFetch?: CustomFetch | undefined } = {},
): Deps {
  return {
    config,
    db,
    clock,
    calendars: createCalendarProvider(db),
    storage: localFileStorage(config.dataDir),
    references: createReferenceCache(),
    sessions: createSessionCache(),
    citizenOidc: config.citizenSignIn ? createCitizenOidc(config.citizenSignIn, { fetch: options.citizenOidcFetch }) : undefined,
    templates: createTemplateCache(),
    outbox: createOutboxSignal(),
    paymentProviders: paymentProvidersOf(config.payments),
  };
}
