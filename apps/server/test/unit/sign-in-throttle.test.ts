import { describe, expect, it } from 'vitest';
import type { LoginThrottleConfig } from '../../src/config.ts';
import { blockAfter, bucketsOf, reserve, type Bucket } from '../../src/modules/auth/sign-in.throttle.ts';

const policy: LoginThrottleConfig = {
  maxFailures: 5,
  lockMs: 15 * 60_000,
  accountSlowdownAfter: 5,
  accountMaxDelayMs: 60_000,
  addressMaxFailures: 20,
  knownAddressMs: 90 * 86_400_000,
};
const t0 = new Date('2026-03-02T02:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const empty = (scope: Bucket['scope'], key: string): Bucket => ({ scope, key, failures: 0, lastFailureAt: null, blockedUntil: null });

/** Runs `n` attempts on the buckets at `at`, as the database would, and returns them. */
function attempts(buckets: Bucket[], n: number, at: Date): Bucket[] {
  for (let i = 0; i < n; i++) {
    const r = reserve(buckets, at, policy);
    if (!r.allowed) throw new Error(`attempt ${i + 1} refused`);
    buckets = r.buckets;
  }
  return buckets;
}

describe('sign-in throttle policy', () => {
  it('names the buckets of an attempt in one order for every attempt, and only the pair at a usual address', () => {
    expect(bucketsOf('CanBo.GiaoThuy', '203.0.113.7', false)).toEqual([
      { scope: 'account', key: 'canbo.giaothuy' },
      { scope: 'address', key: '203.0.113.7' },
      { scope: 'pair', key: '["canbo.giaothuy","203.0.113.7"]' },
    ]);
    expect(bucketsOf('canbo.giaothuy', '198.51.100.20', true)).toEqual([{ scope: 'pair', key: '["canbo.giaothuy","198.51.100.20"]' }]);
  });

  it('locks a pair for fifteen minutes after its fifth failure, then forgets it', () => {
    const pair = attempts([empty('pair', 'p')], 5, t0);
    expect(reserve(pair, later(60_000), policy)).toEqual({ allowed: false, scope: 'pair', retryAfterMs: 14 * 60_000 });
    const after = reserve(pair, later(15 * 60_000), policy);
    expect(after.allowed && after.buckets[0]!.failures).toBe(1);
  });

  it('doubles the wait of an account from one second up to a minute, never more', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 11, 30, 1000].map((f) => blockAfter('account', f, policy))).toEqual([
      0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('locks an address after twenty failures across accounts', () => {
    expect(blockAfter('address', 19, policy)).toBe(0);
    expect(blockAfter('address', 20, policy)).toBe(policy.lockMs);
  });

  it('answers with the longest running block of the buckets', () => {
    const buckets = attempts([empty('account', 'a'), empty('pair', 'p')], 5, t0);
    expect(reserve(buckets, t0, policy)).toEqual({ allowed: false, scope: 'pair', retryAfterMs: policy.lockMs });
  });

  it('keeps a running wait even when it outlasts the time failures are remembered', () => {
    const long = { ...policy, lockMs: 60_000, accountMaxDelayMs: 3_600_000 };
    const account: Bucket = { scope: 'account', key: 'a', failures: 20, lastFailureAt: t0, blockedUntil: later(3_600_000) };
    expect(reserve([account], later(120_000), long)).toMatchObject({ allowed: false, scope: 'account' });
  });
});
