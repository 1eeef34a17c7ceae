import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockDueAt, clockStoppedAtOf, closedStatuses, dueSoonMs, isDueSoonAt, isOverdueAt, openStatuses, overdueFromOf, parseInstant, replay,
  statusList, timelinessAt, type ClockRules, type DossierEvent, type TimelinessFacts, type WorkflowStepRef,
} from '../../src/index.ts';
import { calendar } from '../calendar/support.ts';

const at = (s: string) => parseInstant(s);
const h = 3_600_000;
const due = at('2026-12-10T17:00:00+07:00');
const received = at('2026-12-03T09:00:00+07:00');
const base: TimelinessFacts = { status: 'processing', receivedAt: received, resultAt: null, withdrawnAt: null, dueAt: due, clockStoppedAt: null };

describe('timeliness of a dossier at an instant (docs/rules/time.md)', () => {
  it('in progress: on time, due soon within 48 hours, overdue strictly after the appointment', () => {
    expect(timelinessAt(base, due - dueSoonMs)).toBe('in_progress_on_time');
    expect(timelinessAt(base, due - dueSoonMs + 1)).toBe('due_soon');
    expect(timelinessAt(base, due)).toBe('due_soon');
    expect(timelinessAt(base, due + 1)).toBe('in_progress_overdue');
    expect(isOverdueAt(base, due + 1)).toBe(true);
    expect(isDueSoonAt(base, due - h)).toBe(true);
    expect(overdueFromOf(base)).toBe(due);
  });

  it('the issue\'s case: withdrawn before the appointment and looked at after it is closed, never overdue', () => {
    const withdrawn: TimelinessFacts = { ...base, status: 'withdrawn', withdrawnAt: due - 2 * 24 * h };
    expect(timelinessAt(withdrawn, due + 30 * 24 * h)).toBe('closed');
    expect(isOverdueAt(withdrawn, due + 30 * 24 * h)).toBe(false);
    expect(overdueFromOf(withdrawn)).toBeNull();
  });

  it('a result is classified by local calendar days: ahead, on time (the same day, not after), overdue', () => {
    expect(timelinessAt({ ...base, status: 'resolved', resultAt: at('2026-12-09T16:00:00+07:00') }, due + 99 * h)).toBe('resolved_ahead');
    // 08:00 in Vietnam on the appointment's day, written in UTC: on time.
    expect(timelinessAt({ ...base, status: 'returned', resultAt: at('2026-12-10T01:00:00Z') }, due + 99 * h)).toBe('resolved_on_time');
    expect(timelinessAt({ ...base, status: 'rejected', resultAt: due }, due + h)).toBe('resolved_on_time');
    expect(timelinessAt({ ...base, status: 'resolved', resultAt: due + 1 }, due + h)).toBe('resolved_overdue');
    // A late result is its class, not "overdue" in the inbox's sense.
    expect(isOverdueAt({ ...base, status: 'resolved', resultAt: due + 1 }, due + h)).toBe(false);
    // Imported history: withdrawn after its result stays resolved.
    expect(timelinessAt({ ...base, status: 'withdrawn', resultAt: due - h, withdrawnAt: due }, due + h)).toBe('resolved_on_time');
  });

  it('not received, and refused at intake', () => {
    expect(timelinessAt({ ...base, status: 'submitted', receivedAt: null, dueAt: null }, due)).toBe('not_received');
    expect(timelinessAt({ ...base, status: 'draft', receivedAt: null, dueAt: null }, due)).toBe('not_received');
    expect(timelinessAt({ ...base, status: 'refused', receivedAt: null, dueAt: null }, due)).toBe('closed');
    expect(timelinessAt({ ...base, status: 'withdrawn', receivedAt: null, dueAt: null, withdrawnAt: due - h }, due)).toBe('closed');
  });

  it('a clock stopped before the appointment is not overdue while it waits; stopped after it, it stays overdue', () => {
    const before: TimelinessFacts = { ...base, status: 'supplement_requested', clockStoppedAt: due - h };
    expect(overdueFromOf(before)).toBeNull();
    expect(timelinessAt(before, due + 10 * 24 * h)).toBe('in_progress_on_time');
    const after: TimelinessFacts = { ...base, status: 'paused', clockStoppedAt: due + h };
    expect(overdueFromOf(after)).toBe(due);
    expect(timelinessAt(after, due + 2 * h)).toBe('in_progress_overdue');
    // Stopped exactly at the appointment: no time was left, so the stop moves nothing.
    expect(overdueFromOf({ ...after, clockStoppedAt: due })).toBe(due);
  });

  it('agrees with the clock: a running stop begun before the appointment keeps the appointment ahead (clockDueAt up to asOf)', () => {
    const workflow: WorkflowStepRef[] = [{ role: 'officer' }, { role: 'specialist' }, { role: 'leader' }, { role: 'officer' }];
    const rules: ClockRules = { processingTime: { value: 3, unit: 'working_days' }, restartAfterSupplement: false, lateReceiptWindowMinutes: null };
    const start = at('2026-03-02T09:00:00+07:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 * 24 }), fc.integer({ min: 1, max: 30 * 24 }), fc.boolean(),
        (stopAfterHours, lookAfterHours, supplement) => {
          const stopAt = start + stopAfterHours * h;
          const ev = (action: DossierEvent['action'], t: number): DossierEvent => ({ action, at: t, actorRole: 'leader' });
          const log = [ev('submit', start), ev('receive', start), ev('transfer', start + 1), ev(supplement ? 'request_supplement' : 'pause', stopAt)];
          const state = replay(log, workflow);
          const stored = clockDueAt(calendar, rules, state, stopAt)!;
          const facts: TimelinessFacts = {
            status: state.status!, receivedAt: state.receivedAt, resultAt: null, withdrawnAt: null, dueAt: stored, clockStoppedAt: clockStoppedAtOf(state),
          };
          const asOf = stopAt + lookAfterHours * h;
          const clockSays = clockDueAt(calendar, rules, state, asOf)! < asOf;
          expect(isOverdueAt(facts, asOf)).toBe(clockSays);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('status groups are defined once and listed in the table order', () => {
    expect(statusList(closedStatuses)).toEqual(['resolved', 'rejected', 'returned', 'refused', 'withdrawn', 'discarded']);
    expect(statusList(openStatuses)).toEqual(['submitted', 'received', 'processing', 'supplement_requested', 'paused', 'resolved', 'rejected']);
  });
});
