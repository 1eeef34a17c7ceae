import { describe, expect, it } from 'vitest';
import { pendingPollDelay, pendingPollOver } from '../../src/portal/payments/polling.ts';

describe('asking again about a payment the gateway has not confirmed', () => {
  it('waits longer each time: 1, 2, 3, 5 and 8 seconds after the first five answers', () => {
    expect([1, 2, 3, 4, 5].map(pendingPollDelay)).toEqual([1_000, 2_000, 3_000, 5_000, 8_000]);
  });

  it('stops after the sixth answer and says to come back later, not before', () => {
    expect(pendingPollDelay(6)).toBe(false);
    expect([1, 2, 3, 4, 5].map(pendingPollOver)).toEqual([false, false, false, false, false]);
    expect(pendingPollOver(6)).toBe(true);
    expect(pendingPollOver(7)).toBe(true);
  });

  it('says nothing before the first answer', () => {
    expect(pendingPollDelay(0)).toBe(false);
    expect(pendingPollOver(0)).toBe(false);
  });
});
