/**
 * Where `@fastify/rate-limit` counts the requests of the routes that set `config.rateLimit`
 * (`RATE_LIMIT_STORE`, docs/operations.md):
 * - `database` (default): in PostgreSQL (`request_rate_limits`), shared by every server process on
 *   the database; the same code on PGlite, where there is one process anyway;
 * - `memory`: in this process only (the plugin's own store): N processes allow N times the limit;
 * - `redis`: in Redis at `REDIS_URL`, through the plugin's own Redis store.
 * All three count fixed windows that open at a key's first request.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor, RateLimitPluginOptions } from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { countRequest, deleteEndedRateLimitWindows, readRequestCount } from '../modules/rate-limits/rate-limits.repository.ts';

export interface RateLimitStoreSetup {
  /** The store's part of the plugin's options. */
  options: Pick<RateLimitPluginOptions, 'store' | 'redis' | 'nameSpace'>;
  /** Releases what the store holds (the Redis connection). */
  close(): Promise<void>;
}

/** How often a process deletes the windows that have ended (they are overwritten anyway when their key comes back). */
const deleteEndedEveryMs = 60_000;

export function rateLimitStore(config: Pick<Config, 'rateLimit'>, db: Kysely<Database>): RateLimitStoreSetup {
  switch (config.rateLimit.store) {
    case 'memory':
      return { options: {}, close: async () => {} };
    case 'redis': {
      if (!config.rateLimit.redisUrl) throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL');
      // Fail a request fast rather than hold it while Redis is away (the plugin's advice).
      const redis = new Redis(config.rateLimit.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: true });
      // A Redis that does not answer fails the limited requests (logged by the error handler as
      // 500s); its connection errors need no second report.
      redis.on('error', () => {});
      return {
        options: { redis, nameSpace: 'motcua-rate-limit-' },
        close: async () => {
          // QUIT waits for an answer that an absent server never gives.
          if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
          else redis.disconnect();
        },
      };
    }
    case 'database':
      return { options: { store: databaseRateLimitStore(db) }, close: async () => {} };
  }
}

/** The plugin's store interface over `request_rate_limits`; the plugin constructs it, then a child per route. */
export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  const housekeeping = { lastDeletedAt: -Infinity };
  const deleteEndedNowAndThen = () => {
    const t = performance.now();
    if (t - housekeeping.lastDeletedAt < deleteEndedEveryMs) return;
    housekeeping.lastDeletedAt = t;
    // Not awaited: the request never waits for it, and a failure is retried a minute later.
    deleteEndedRateLimitWindows(db).catch(() => {});
  };

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      options: FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean },
      private readonly prefix = '',
    ) {
      // The plugin's other window policies are not implemented here: refuse them rather than ignore them.
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('the database rate-limit store counts plain fixed windows: continueExceeding and exponentialBackoff are not supported');
      }
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countRequest(db, this.prefix + key, timeWindow).then(
        (count) => {
          callback(null, { current: count.hits, ttl: count.ttlMs });
          deleteEndedNowAndThen();
        },
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
      readRequestCount(db, this.prefix + key).then(
        (count) => callback(null, { current: count.hits, ttl: count.ttlMs }),
        (error: Error) => callback(error),
      );
    }

    /** One per limited route, its counts apart from the other routes' (the key is the client's address). */
    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: { method?: unknown; url?: unknown } }): FastifyRateLimitStore {
      const route = routeOptions.routeInfo;
      return new DatabaseRateLimitStore(routeOptions, `${String(route?.method ?? '')}${String(route?.url ?? '')}-`);
    }
  }
  return DatabaseRateLimitStore;
}
