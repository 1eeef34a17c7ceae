import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDueAt, workingTimeBetween, type DueInput, type Interval, type ProcessingTime } from '../../src/index.ts';
import { at, calendar } from './support.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const first = at('2023-01-01 00:00');
const last = at('2027-12-31 23:59');

const instant = fc.integer({ min: first / MINUTE, max: last / MINUTE }).map((m) => m * MINUTE);
const workingDuration: fc.Arbitrary<ProcessingTime> = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map((value) => ({ value, unit: 'working_days' as const })),
  fc.integer({ min: 1, max: 80 }).map((value) => ({ value, unit: 'working_hours' as const })),
);
const anyDuration: fc.Arbitrary<ProcessingTime> = fc.oneof(
  workingDuration,
  fc.integer({ min: 0, max: 60 }).map((value) => ({ value, unit: 'days' as const })),
  fc.constantFrom('15:00', '10:30', '16:00').map((cutoff) => ({ value: 0, unit: 'same_day' as const, cutoff })),
);
/** A pause around the receipt: from two days before to three weeks after, up to ten days long. */
const pauseNear = (receivedAt: number): fc.Arbitrary<Interval> =>
  fc.tuple(fc.integer({ min: -2 * 1440, max: 21 * 1440 }), fc.integer({ min: 0, max: 10 * 1440 })).map(([offset, length]) => ({
    from: receivedAt + offset * MINUTE,
    to: receivedAt + (offset + length) * MINUTE,
  }));
const inputWithPauses = (duration: fc.Arbitrary<ProcessingTime>) =>
  instant.chain((receivedAt) =>
    fc.record({ receivedAt: fc.constant(receivedAt), duration, pauses: fc.array(pauseNear(receivedAt), { maxLength: 3 }) }),
  );

function isPeriodEnd(t: number): boolean {
  const local = (t + 7 * 3_600_000) % DAY;
  const day = Math.floor((t + 7 * 3_600_000) / DAY);
  return calendar.isWorkingEpochDay(day) && (local === 12 * 3_600_000 || local === 17 * 3_600_000);
}

const runs = { numRuns: 400 };

describe('properties of the legal clock', () => {
  it('puts every due instant in working time or at the end of a working period', () => {
    fc.assert(fc.property(inputWithPauses(anyDuration), (input) => {
      const due = computeDueAt(calendar, input);
      return calendar.isWorkingInstant(due) || isPeriodEnd(due);
    }), runs);
  });

  it('never gives an earlier due instant for a longer duration', () => {
    fc.assert(fc.property(inputWithPauses(anyDuration.filter((d) => d.unit !== 'same_day')), fc.integer({ min: 1, max: 10 }), (input, extra) => {
      const longer = { ...input, duration: { ...input.duration, value: input.duration.value + extra } };
      return computeDueAt(calendar, longer) >= computeDueAt(calendar, input);
    }), runs);
  });

  it('never gives an earlier due instant for a later receipt', () => {
    fc.assert(fc.property(instant, anyDuration, fc.integer({ min: 1, max: 5 * 1440 }), (receivedAt, duration, minutes) => {
      const later = computeDueAt(calendar, { receivedAt: receivedAt + minutes * MINUTE, duration });
      return later >= computeDueAt(calendar, { receivedAt, duration });
    }), runs);
  });

  it('never moves the due instant earlier when a pause is added', () => {
    fc.assert(fc.property(inputWithPauses(anyDuration).chain((input) => fc.tuple(fc.constant(input), pauseNear(input.receivedAt))), ([input, pause]) => {
      const withPause: DueInput = { ...input, pauses: [...input.pauses, pause] };
      return computeDueAt(calendar, withPause) >= computeDueAt(calendar, input);
    }), runs);
  });

  it('never moves the due instant earlier when a pause ends later or starts earlier', () => {
    const arbitrary = inputWithPauses(anyDuration).filter((i) => i.pauses.length > 0);
    fc.assert(fc.property(arbitrary, fc.integer({ min: 0, max: 5 * 1440 }), fc.integer({ min: 0, max: 5 * 1440 }), (input, later, earlier) => {
      const [p, ...rest] = input.pauses;
      const extended = { ...input, pauses: [{ from: p!.from - earlier * MINUTE, to: p!.to + later * MINUTE }, ...rest] };
      return computeDueAt(calendar, extended) >= computeDueAt(calendar, input);
    }), runs);
  });

  it('elapses exactly the legal working time between the receipt and the due instant', () => {
    fc.assert(fc.property(instant, workingDuration, (receivedAt, duration) => {
      const due = computeDueAt(calendar, { receivedAt, duration });
      const expected = duration.value * (duration.unit === 'working_days' ? 8 : 1) * 3_600_000;
      expect(workingTimeBetween(calendar, receivedAt, due)).toBe(expected);
    }), runs);
  });

  it('elapses exactly the legal working time outside pauses too', () => {
    fc.assert(fc.property(inputWithPauses(workingDuration), (input) => {
      const due = computeDueAt(calendar, input);
      const expected = input.duration.value * (input.duration.unit === 'working_days' ? 8 : 1) * 3_600_000;
      expect(workingTimeBetween(calendar, input.receivedAt, due, input.pauses)).toBe(expected);
      // …and not one millisecond earlier.
      expect(workingTimeBetween(calendar, input.receivedAt, due - 1, input.pauses)).toBeLessThan(expected);
    }), runs);
  });
});
