import { describe, expect, it } from 'vitest';
import { createSessionCache, type CachedSession } from '../../src/modules/auth/session.cache.ts';

const session = (id: string, expiresAt: string): CachedSession => ({
  id, user_id: 'u-1', csrf_token: 'c', last_seen_at: new Date('2026-12-07T01:00:00Z'), expires_at: new Date(expiresAt),
  username: 'canbo.giaothuy', full_name: 'Phạm Thị Thu', disabled: false, assignments: [],
});

describe('the staff session cache', () => {
  it('answers a kept session until its expiry by the request clock, then forgets it', () => {
    const cache = createSessionCache({ now: () => 0 });
    cache.put(session('s1', '2026-12-07T09:00:00Z'), cache.generation);
    expect(cache.get('s1', new Date('2026-12-07T08:59:59Z'))?.id).toBe('s1');
    expect(cache.get('s1', new Date('2026-12-07T09:00:00Z'))).toBeUndefined();
    // Forgotten: a later (earlier-clocked) request reads the database again.
    expect(cache.get('s1', new Date('2026-12-07T08:00:00Z'))).toBeUndefined();
  });

  it('keeps nothing longer than its time to live, should a change notice be missed', () => {
    let t = 0;
    const cache = createSessionCache({ ttlMs: 1_000, now: () => t });
    cache.put(session('s1', '2026-12-08T00:00:00Z'), cache.generation);
    t = 999;
    expect(cache.get('s1', new Date('2026-12-07T01:00:00Z'))).toBeDefined();
    t = 1_000;
    expect(cache.get('s1', new Date('2026-12-07T01:00:00Z'))).toBeUndefined();
  });

  it('does not keep a read that a sign-out or an access change overtook', () => {
    const cache = createSessionCache({ now: () => 0 });
    const before = cache.generation;
    cache.forget('s2'); // the session ended while it was being read
    cache.put(session('s1', '2026-12-08T00:00:00Z'), before);
    expect(cache.get('s1', new Date('2026-12-07T01:00:00Z'))).toBeUndefined();
    cache.put(session('s1', '2026-12-08T00:00:00Z'), cache.generation);
    expect(cache.get('s1', new Date('2026-12-07T01:00:00Z'))).toBeDefined();
    cache.invalidate();
    expect(cache.get('s1', new Date('2026-12-07T01:00:00Z'))).toBeUndefined();
  });

  it('holds at most `max` sessions, the oldest out first', () => {
    const cache = createSessionCache({ max: 2, now: () => 0 });
    for (const id of ['a', 'b', 'c']) cache.put(session(id, '2026-12-08T00:00:00Z'), cache.generation);
    const now = new Date('2026-12-07T01:00:00Z');
    expect([cache.get('a', now), cache.get('b', now), cache.get('c', now)].map((s) => s?.id)).toEqual([undefined, 'b', 'c']);
  });
});
