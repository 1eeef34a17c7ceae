import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIdentities, contributionOf, parseInstant, rate, reportAppointmentOf, reportInstants, statisticsOf, type Counts, type DateRange, type DossierFacts,
} from '../../src/index.ts';

const q3: DateRange = { from: '2023-07-01', to: '2023-09-30' };
const i = parseInstant;
/** An open dossier's overdue-from instant is its appointment unless said otherwise (a clock that runs). */
const facts = (over: Partial<DossierFacts>): DossierFacts => {
  const dueAt = over.dueAt ?? i('2023-08-08T09:00:00+07:00');
  return { receivedAt: i('2023-08-01T09:00:00+07:00'), channel: 'counter', dueAt, overdueFrom: dueAt, resultAt: null, withdrawnAt: null, digitized: false, ...over };
};
const counted = (c: Counts) => Object.entries(c).filter(([, v]) => v).map(([k]) => k).sort();

describe('which dossier counts where (docs/rules/statistics.md)', () => {
  it('counts a dossier received and resolved ahead of time within the period', () => {
    expect(counted(contributionOf(facts({ resultAt: i('2023-08-03T10:00:00+07:00'), digitized: true }), q3)))
      .toEqual(['counter', 'digitized', 'received', 'receivedInPeriod', 'resolved', 'resolvedAhead']);
  });

  it('counts a result ready early in the morning of the appointment day, written in UTC, as on time', () => {
    // 23:30Z on 7 Aug is 06:30 on 8 Aug in Vietnam: the appointment day, before its instant.
    expect(contributionOf(facts({ resultAt: i('2023-08-07T23:30:00Z') }), q3)).toMatchObject({ resolvedOnTime: 1, resolvedAhead: 0 });
  });

  it('counts a result after the appointment instant as overdue, even on the same day', () => {
    expect(contributionOf(facts({ resultAt: i('2023-08-08T09:00:01+07:00') }), q3)).toMatchObject({ resolvedOverdue: 1 });
    expect(contributionOf(facts({ resultAt: i('2023-08-08T09:00:00+07:00') }), q3)).toMatchObject({ resolvedOnTime: 1 });
  });

  it('carries over a dossier received before the period and still open at its start', () => {
    const c = contributionOf(facts({ receivedAt: i('2023-06-20T09:00:00+07:00'), dueAt: i('2023-06-27T17:00:00+07:00'), resultAt: i('2023-07-03T08:00:00+07:00') }), q3);
    expect(counted(c)).toEqual(['carriedOver', 'received', 'resolved', 'resolvedOverdue']);
  });

  it('leaves out a dossier closed before the period, and one received after it', () => {
    expect(counted(contributionOf(facts({ receivedAt: i('2023-06-01T09:00:00+07:00'), resultAt: i('2023-06-30T23:59:59+07:00') }), q3))).toEqual([]);
    expect(counted(contributionOf(facts({ receivedAt: i('2023-10-01T00:00:00+07:00') }), q3))).toEqual([]);
    // 30 Sep 23:59 local is inside the period even when written as 16:59Z.
    expect(contributionOf(facts({ receivedAt: i('2023-09-30T16:59:00Z'), dueAt: i('2023-10-05T17:00:00+07:00') }), q3).receivedInPeriod).toBe(1);
  });

  it('counts a withdrawal before the result as withdrawn, and one at or after it as nothing', () => {
    expect(counted(contributionOf(facts({ withdrawnAt: i('2023-08-02T09:00:00+07:00') }), q3))).toEqual(['counter', 'received', 'receivedInPeriod', 'withdrawn']);
    const result = i('2023-08-03T09:00:00+07:00');
    expect(contributionOf(facts({ resultAt: result, withdrawnAt: result }), q3)).toMatchObject({ resolved: 1, withdrawn: 0 });
    expect(contributionOf(facts({ resultAt: result, withdrawnAt: result + 1 }), q3)).toMatchObject({ resolved: 1, withdrawn: 0 });
  });

  it('counts an open dossier as in progress, overdue only when its appointment is strictly before the end', () => {
    expect(contributionOf(facts({ dueAt: i('2023-09-30T17:00:00+07:00') }), q3)).toMatchObject({ inProgress: 1, inProgressOverdue: 1 });
    expect(contributionOf(facts({ dueAt: i('2023-10-01T00:00:00+07:00') }), q3)).toMatchObject({ inProgress: 1, inProgressOnTime: 1 });
    expect(contributionOf(facts({ dueAt: i('2023-10-02T08:00:00+07:00'), resultAt: i('2023-10-01T08:00:00+07:00') }), q3)).toMatchObject({ inProgressOnTime: 1 });
  });

  it('rounds rates to 4 decimals and gives null for an empty denominator (2.670 / 3.884 = 0.6874)', () => {
    expect(rate(2670, 3884)).toBe(0.6874);
    expect(rate(46166, 47219)).toBe(0.9777);
    expect(rate(1, 0)).toBeNull();
    expect(statisticsOf([], q3)).toMatchObject({ received: 0, digitizationRate: null, onlineRate: null, onTimeRate: null });
  });

  it('keeps the identities of the official table for any set of dossiers', () => {
    const day = 86_400_000;
    const base = i('2023-05-01T00:00:00+07:00');
    const dossier = fc.record({
      received: fc.integer({ min: 0, max: 200 * day }),
      due: fc.integer({ min: 0, max: 30 * day }),
      result: fc.option(fc.integer({ min: 0, max: 60 * day }), { nil: null }),
      withdrawn: fc.option(fc.integer({ min: 0, max: 60 * day }), { nil: null }),
      channel: fc.constantFrom('counter' as const, 'online' as const, 'postal' as const),
      digitized: fc.boolean(),
      stopped: fc.boolean(),
    }).map((r): DossierFacts => ({
      receivedAt: base + r.received, dueAt: base + r.received + r.due, channel: r.channel, digitized: r.digitized,
      overdueFrom: r.stopped ? null : base + r.received + r.due,
      resultAt: r.result === null ? null : base + r.received + r.result,
      withdrawnAt: r.withdrawn === null ? null : base + r.received + r.withdrawn,
    }));
    fc.assert(fc.property(fc.array(dossier, { maxLength: 60 }), fc.option(fc.integer({ min: 0, max: 260 * day }), { nil: undefined }), (list, made) => {
      expect(checkIdentities(statisticsOf(list, q3, made === undefined ? undefined : base + made))).toEqual([]);
    }));
  });
});

describe('the end instant: a period that is not over is reported as of now', () => {
  const q4: DateRange = { from: '2026-10-01', to: '2026-12-31' };
  const now = i('2026-12-06T14:05:00+07:00');
  const open = facts({ receivedAt: i('2026-11-28T09:00:00+07:00'), dueAt: i('2026-12-08T17:00:00+07:00') });

  it('ends at the earlier of TO+1 00:00 and the instant the report is made', () => {
    expect(reportInstants(q4, now)).toEqual({ start: i('2026-10-01T00:00:00+07:00'), end: now, asOf: now });
    const november: DateRange = { from: '2026-11-01', to: '2026-11-30' };
    expect(reportInstants(november, now)).toEqual({ start: i('2026-11-01T00:00:00+07:00'), end: i('2026-12-01T00:00:00+07:00'), asOf: null });
    // Made exactly at TO+1 00:00: the period is over.
    expect(reportInstants(november, i('2026-12-01T00:00:00+07:00')).asOf).toBeNull();
    expect(reportInstants(november).asOf).toBeNull();
    // A period that has not begun: nothing in it yet.
    expect(reportInstants({ from: '2027-01-01', to: '2027-01-31' }, now)).toEqual({ start: now, end: now, asOf: now });
  });

  it('counts nobody overdue whose appointment is still ahead, and nothing that happens after now', () => {
    expect(contributionOf(open, q4, now)).toMatchObject({ inProgress: 1, inProgressOnTime: 1, inProgressOverdue: 0 });
    // The same period once over: that appointment has passed.
    expect(contributionOf(open, q4)).toMatchObject({ inProgress: 1, inProgressOverdue: 1 });
    // An appointment at exactly now can still be met; a minute before, it cannot.
    expect(contributionOf({ ...open, dueAt: now, overdueFrom: now }, q4, now)).toMatchObject({ inProgressOnTime: 1 });
    expect(contributionOf({ ...open, dueAt: now - 60_000, overdueFrom: now - 60_000 }, q4, now)).toMatchObject({ inProgressOverdue: 1 });
    // A result after now is not counted yet, a receipt after now not at all.
    expect(contributionOf({ ...open, resultAt: now + 60_000 }, q4, now)).toMatchObject({ resolved: 0, inProgress: 1 });
    expect(counted(contributionOf({ ...open, receivedAt: now + 60_000 }, q4, now))).toEqual([]);
    // A period that has not begun: carried over as of now.
    expect(counted(contributionOf(open, { from: '2027-01-01', to: '2027-01-31' }, now))).toEqual(['carriedOver', 'inProgress', 'inProgressOnTime', 'received']);
  });

  it('counts a dossier whose clock stopped before its appointment as on time while it waits, as the inbox does', () => {
    // Waiting for a supplement since before its appointment (overdue_from is null): on time, in every period.
    const waiting = { ...open, overdueFrom: null };
    expect(contributionOf(waiting, q4, now + 30 * 86_400_000)).toMatchObject({ inProgress: 1, inProgressOnTime: 1, inProgressOverdue: 0 });
    expect(contributionOf(waiting, q4)).toMatchObject({ inProgressOnTime: 1, inProgressOverdue: 0 });
    expect(reportAppointmentOf(waiting)).toBeNull();
    // Once closed (here: withdrawn after the period), a finished period compares its appointment.
    const withdrawnLater = { ...waiting, withdrawnAt: i('2027-01-10T09:00:00+07:00') };
    expect(reportAppointmentOf(withdrawnLater)).toBe(open.dueAt);
    expect(contributionOf(withdrawnLater, q4)).toMatchObject({ inProgress: 1, inProgressOverdue: 1 });
  });
});
