/**
 * Sign-in throttling. Every attempt falls in up to three buckets:
 * - the pair (name typed, address): locked for `lockMs` after `maxFailures` failures. This is the
 *   lock: it stops a guesser without touching the owner elsewhere;
 * - the account, across the addresses it never signed in from: after `accountSlowdownAfter`
 *   failures each further check waits 1 s, 2 s, 4 s … up to `accountMaxDelayMs`. Never a lock:
 *   a botnet gets about one guess a minute, the owner at a new address waits at most that long,
 *   and at a usual address (one the account signed in from before) the owner is not concerned;
 * - the address, across the accounts not known there: locked for `lockMs` after
 *   `addressMaxFailures` failures (credential stuffing from one address).
 *
 * Why parallel attempts cannot get more checks than that: an attempt is reserved before its
 * password is checked, in a transaction that locks its bucket rows (INSERT … ON CONFLICT DO
 * NOTHING, then SELECT … FOR UPDATE, both in one global order so two attempts never deadlock) and
 * counts it as a failure at once. Parallel attempts queue on the row locks and each sees the ones
 * before it. A successful sign-in afterwards clears its pair and hands the account and address
 * their attempt back; an attempt cut short by a crash stays counted, which is the safe side. The
 * same SQL runs on PGlite (one connection, transactions in turn) and on PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { LoginThrottleConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import * as repo from './auth.repository.ts';

export type ThrottleScope = 'pair' | 'account' | 'address';

export interface BucketKey {
  scope: ThrottleScope;
  key: string;
}

export interface Bucket extends BucketKey {
  failures: number;
  lastFailureAt: Date | null;
  blockedUntil: Date | null;
}

export type Reservation =
  | { allowed: true; buckets: Bucket[] }
  | { allowed: false; scope: ThrottleScope; retryAfterMs: number };

/**
 * The buckets of an attempt, in the order their rows are locked. At a usual address only the
 * pair counts: the owner is never slowed down there, nor locked out by strangers sharing it.
 */
export function bucketsOf(username: string, address: string, usualAddress: boolean): BucketKey[] {
  const name = username.toLowerCase();
  const keys: BucketKey[] = [{ scope: 'pair', key: JSON.stringify([name, address]) }];
  if (!usualAddress) keys.push({ scope: 'account', key: name }, { scope: 'address', key: address });
  return keys.sort((a, b) => (a.scope === b.scope ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.scope < b.scope ? -1 : 1));
}

/** Pure: whether an attempt may go ahead and, if so, its buckets with the attempt counted. */
export function reserve(buckets: readonly Bucket[], now: Date, policy: LoginThrottleConfig): Reservation {
  const t = now.getTime();
  // Failures are forgotten `lockMs` after the last one, once no block is running.
  const forgotten = (b: Bucket) => (!b.lastFailureAt || t - b.lastFailureAt.getTime() >= policy.lockMs) && !(b.blockedUntil && b.blockedUntil.getTime() > t);
  const current = buckets.map((b) => (forgotten(b) ? { ...b, failures: 0, lastFailureAt: null, blockedUntil: null } : b));
  const blocked = current
    .filter((b) => b.blockedUntil && b.blockedUntil.getTime() > t)
    .map((b) => ({ scope: b.scope, retryAfterMs: b.blockedUntil!.getTime() - t }))
    .sort((a, b) => b.retryAfterMs - a.retryAfterMs)[0];
  if (blocked) return { allowed: false, ...blocked };
  return {
    allowed: true,
    buckets: current.map((b) => {
      const failures = b.failures + 1;
      const blockedFor = blockAfter(b.scope, failures, policy);
      return { ...b, failures, lastFailureAt: now, blockedUntil: blockedFor > 0 ? new Date(t + blockedFor) : null };
    }),
  };
}

/** How long a bucket refuses attempts after its `failures`-th failure (0: not at all). */
export function blockAfter(scope: ThrottleScope, failures: number, policy: LoginThrottleConfig): number {
  switch (scope) {
    case 'pair':
      return failures >= policy.maxFailures ? policy.lockMs : 0;
    case 'address':
      return failures >= policy.addressMaxFailures ? policy.lockMs : 0;
    case 'account': {
      const over = failures - policy.accountSlowdownAfter;
      return over < 0 ? 0 : Math.min(1000 * 2 ** Math.min(over, 30), policy.accountMaxDelayMs);
    }
  }
}

/**
 * Reserves an attempt in the database before its password is checked (see above). Runs its own
 * transaction: the row locks are held only while counting, never during the password check.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  attempt: { username: string; address: string; usualAddress: boolean },
  now: Date,
  policy: LoginThrottleConfig,
): Promise<Reservation> {
  return db.transaction().execute(async (tx) => {
    const buckets = await repo.lockThrottleBuckets(tx, bucketsOf(attempt.username, attempt.address, attempt.usualAddress));
    const reservation = reserve(buckets, now, policy);
    if (reservation.allowed) await repo.saveThrottleBuckets(tx, reservation.buckets);
    return reservation;
  });
}

/**
 * After a successful sign-in, in its transaction: the pair is cleared, the others get their
 * attempt back. Row by row in the order of the reservation, so that it never waits for a row
 * another attempt holds while holding one that attempt waits for.
 */
export async function settleSuccess(tx: Kysely<Database>, buckets: readonly BucketKey[]): Promise<void> {
  for (const b of buckets) {
    if (b.scope === 'pair') await repo.deleteThrottleBuckets(tx, [b]);
    else await repo.releaseThrottleBuckets(tx, [b]);
  }
}
