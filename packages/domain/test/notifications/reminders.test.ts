import { describe, expect, it } from 'vitest';
import { dueTomorrowWindow, escalationAt, isDueTomorrow, isEscalationDue, isOverdue, reminderKey } from '../../src/index.ts';
import { calendar } from '../calendar/support.ts';

/** Local Vietnam time. */
const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('due tomorrow', () => {
  it('reminds on Friday of a dossier due on Monday, and sends nothing on Saturday or Sunday', () => {
    // Friday 4 Dec 2026, Monday 7 Dec 2026.
    expect(isDueTomorrow(calendar, vn('2026-12-07T17:00'), vn('2026-12-04T07:30'))).toBe(true);
    expect(isDueTomorrow(calendar, vn('2026-12-07T08:00'), vn('2026-12-04T07:30'))).toBe(true);
    expect(isDueTomorrow(calendar, vn('2026-12-07T17:00'), vn('2026-12-05T07:30'))).toBe(false);
    expect(isDueTomorrow(calendar, vn('2026-12-07T17:00'), vn('2026-12-06T07:30'))).toBe(false);
    expect(dueTomorrowWindow(calendar, '2026-12-05')).toBeUndefined();
    // Due Tuesday: Monday's reminder, not Friday's.
    expect(isDueTomorrow(calendar, vn('2026-12-08T17:00'), vn('2026-12-04T07:30'))).toBe(false);
    expect(isDueTomorrow(calendar, vn('2026-12-08T17:00'), vn('2026-12-07T07:30'))).toBe(true);
  });

  it('reminds of a dossier due today only on the day before, never on the day itself', () => {
    expect(isDueTomorrow(calendar, vn('2026-12-07T17:00'), vn('2026-12-07T07:30'))).toBe(false);
  });

  it('covers the whole next working day, midnight to midnight, whatever the hour of the run', () => {
    expect(dueTomorrowWindow(calendar, '2026-12-04')).toEqual({
      from: vn('2026-12-05T00:00'), to: vn('2026-12-08T00:00'), nextWorkingDay: '2026-12-07',
    });
    expect(isDueTomorrow(calendar, vn('2026-12-07T23:59'), vn('2026-12-04T23:50'))).toBe(true);
  });

  it('across Tết 2027 reminds on the last working day before the holiday of a dossier due on the first day after', () => {
    // Tết 2027: days off Fri 5 Feb and Mon 8 – Thu 11 Feb (with the weekend); back on Fri 12 Feb.
    expect(dueTomorrowWindow(calendar, '2027-02-04')?.nextWorkingDay).toBe('2027-02-12');
    expect(isDueTomorrow(calendar, vn('2027-02-12T10:00'), vn('2027-02-04T07:30'))).toBe(true);
    for (const day of ['2027-02-05', '2027-02-08', '2027-02-11']) {
      expect(isDueTomorrow(calendar, vn('2027-02-12T10:00'), vn(`${day}T07:30`)), day).toBe(false);
    }
    // Tết 2026 by its official schedule: 14 – 22 Feb off, back on Monday 23 Feb.
    expect(dueTomorrowWindow(calendar, '2026-02-13')?.nextWorkingDay).toBe('2026-02-23');
  });
});

describe('overdue and escalation', () => {
  it('is overdue once the due instant has passed, not at it', () => {
    expect(isOverdue(vn('2026-12-04T17:00'), vn('2026-12-04T17:00'))).toBe(false);
    expect(isOverdue(vn('2026-12-04T17:00'), vn('2026-12-04T17:01'))).toBe(true);
    expect(isOverdue(null, vn('2026-12-04T17:01'))).toBe(false);
  });

  it('escalates one working day after the dossier became overdue: Friday 17:00 → Monday 17:00, over the weekend', () => {
    const overdueFrom = vn('2026-12-04T17:00');
    expect(escalationAt(calendar, overdueFrom)).toBe(vn('2026-12-07T17:00'));
    expect(isEscalationDue(calendar, overdueFrom, vn('2026-12-07T08:00'))).toBe(false);
    expect(isEscalationDue(calendar, overdueFrom, vn('2026-12-07T16:59'))).toBe(false);
    expect(isEscalationDue(calendar, overdueFrom, vn('2026-12-07T17:00'))).toBe(true);
  });

  it('escalates mid-morning overdue dossiers the next working day at the same hour', () => {
    expect(escalationAt(calendar, vn('2026-12-08T10:00'))).toBe(vn('2026-12-09T10:00'));
  });

  it('does not count Tết 2027: overdue Thursday 4 Feb at 09:00, escalated Friday 12 Feb at 09:00', () => {
    const overdueFrom = vn('2027-02-04T09:00');
    expect(escalationAt(calendar, overdueFrom)).toBe(vn('2027-02-12T09:00'));
    expect(isEscalationDue(calendar, overdueFrom, vn('2027-02-11T16:00'))).toBe(false);
    expect(isEscalationDue(calendar, overdueFrom, vn('2027-02-12T09:00'))).toBe(true);
  });

  it('keys a reminder by kind, dossier, person and day', () => {
    expect(reminderKey('due_tomorrow', 42, 'u-1', '2026-12-04')).toBe('due_tomorrow:42:u-1:2026-12-04');
  });
});
