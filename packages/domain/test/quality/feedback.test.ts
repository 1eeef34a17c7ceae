import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AppError, addWorkingTime, allowedFeedbackActions, computeDueAt, decideFeedbackAction, feedbackActions, feedbackAnswerWorkingDays,
  feedbackDueAt, feedbackFigures, feedbackOnTimeShare, feedbackStatuses, feedbackTimeliness, feedbackTransitions, formatInstant,
  generateFeedbackCode, isFeedbackCode, isFeedbackOverdue, normalizeFeedbackCode, pausesOfLog, separateProcedures, workingTimeBetween,
  type FeedbackFigureFacts, type FeedbackStatus, type StaffRole,
} from '../../src/index.ts';
import { at, calendar } from '../calendar/support.ts';

const iso = (t: number) => formatInstant(t);
const roles = (...r: StaffRole[]) => new Set(r);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

describe('the due instant of a feedback: 10 working days on the agency’s legal clock', () => {
  it('is 10 working days after a receipt, written out: Mon 2 Feb 2026 08:00 → Fri 13 Feb 2026 17:00', () => {
    // 2, 3, 4, 5, 6, 9, 10, 11, 12, 13 February 2026: ten working days, the last one the Friday before Tết.
    expect(iso(feedbackDueAt(calendar, at('2026-02-02 08:00')))).toBe('2026-02-13T17:00:00+07:00');
  });

  it('is the rule of the dossiers’ appointment with 10 working days (one legal clock, no twin)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 10, 1) }), (received) => {
      expect(feedbackDueAt(calendar, received)).toBe(computeDueAt(calendar, { receivedAt: received, duration: { value: feedbackAnswerWorkingDays, unit: 'working_days' } }));
    }), { numRuns: 200 });
  });

  it('starts counting at the next working period when received out of hours (Fri 15 Aug 2025 17:30 → Fri 29 Aug 2025 17:00)', () => {
    // Mon 18 … Fri 22, Mon 25 … Fri 29 August 2025: ten working days from Monday 08:00.
    expect(iso(feedbackDueAt(calendar, at('2025-08-15 17:30')))).toBe('2025-08-29T17:00:00+07:00');
  });

  it('skips National Day inside the ten days (Mon 25 Aug 2025 → Tue 9 Sep 2025, not Fri 5 Sep)', () => {
    // 25–29 Aug (5), 1 and 2 Sep off, 3, 4, 5 (8), 8, 9 Sep (10).
    expect(iso(feedbackDueAt(calendar, at('2025-08-25 08:00')))).toBe('2025-09-09T17:00:00+07:00');
  });

  it('skips Tết inside the ten days (Mon 9 Feb 2026 → Fri 27 Feb 2026)', () => {
    // 9–13 Feb (5), Tết 14–22 Feb, 23–27 Feb (10) … the 10th is Fri 27 Feb.
    expect(iso(feedbackDueAt(calendar, at('2026-02-09 08:00')))).toBe('2026-02-27T17:00:00+07:00');
  });

  it('pushes the due instant by the working time of a pause (written out: 3 working days)', () => {
    // Received Mon 2 Mar 2026 08:00: due Fri 13 Mar 17:00. Waiting for the sender from Wed 4 Mar
    // 10:00 to Mon 9 Mar 10:00: Wed 6 h + Thu 8 h + Fri 8 h + Mon 2 h = 24 h = 3 working days.
    const received = at('2026-03-02 08:00');
    const pause = { from: at('2026-03-04 10:00'), to: at('2026-03-09 10:00') };
    expect(iso(feedbackDueAt(calendar, received))).toBe('2026-03-13T17:00:00+07:00');
    expect(workingTimeBetween(calendar, pause.from, pause.to)).toBe(24 * 3_600_000);
    expect(iso(feedbackDueAt(calendar, received, [pause]))).toBe('2026-03-18T17:00:00+07:00');
  });

  it('moves the due instant by exactly the paused working time, for any pause before it (property)', () => {
    const received = at('2026-03-02 08:00');
    const due = feedbackDueAt(calendar, received);
    fc.assert(fc.property(fc.integer({ min: received, max: due - 1 }), fc.integer({ min: 1, max: 30 * 86_400_000 }), (from, length) => {
      const pause = { from, to: from + length };
      const moved = feedbackDueAt(calendar, received, [pause]);
      const paused = workingTimeBetween(calendar, pause.from, pause.to);
      expect(moved).toBe(paused === 0 ? due : addWorkingTime(calendar, due, paused));
    }), { numRuns: 200 });
  });

  it('moves nothing for a pause asked once the feedback is overdue, or before it was received', () => {
    const received = at('2026-03-02 08:00');
    const due = feedbackDueAt(calendar, received);
    expect(feedbackDueAt(calendar, received, [{ from: at('2026-03-16 09:00'), to: at('2026-03-20 09:00') }])).toBe(due);
    expect(feedbackDueAt(calendar, received, [{ from: at('2026-02-20 09:00'), to: at('2026-03-02 08:00') }])).toBe(due);
    // Asked at the due instant itself: no working time was left to push.
    expect(feedbackDueAt(calendar, received, [{ from: due, to: at('2026-03-20 09:00') }])).toBe(due);
  });

  it('counts an open pause up to the instant asked about, and refuses one without it', () => {
    const received = at('2026-03-02 08:00');
    const open = [{ from: at('2026-03-04 10:00'), to: null }];
    expect(iso(feedbackDueAt(calendar, received, open, at('2026-03-09 10:00')))).toBe('2026-03-18T17:00:00+07:00');
    expect(codeOf(() => feedbackDueAt(calendar, received, open))).toBe('calendar.invalid_pause');
  });

  it('reads the pauses from the log: ask_sender opens one, resume closes it', () => {
    const log = [
      { action: 'receive', at: 1 }, { action: 'assign', at: 2 }, { action: 'ask_sender', at: 3 }, { action: 'resume', at: 5 },
      { action: 'ask_sender', at: 8 }, { action: 'answer', at: 9 },
    ];
    expect(pausesOfLog(log)).toEqual([{ from: 3, to: 5 }, { from: 8, to: null }]);
    expect(pausesOfLog([{ action: 'resume', at: 1 }])).toEqual([]);
  });
});

describe('on time and late', () => {
  // Received Mon 2 Feb 2026 08:00; the 10th working day is Fri 13 Feb, the last before Tết
  // (14–22 Feb 2026); the 11th is Mon 23 Feb.
  const due = feedbackDueAt(calendar, at('2026-02-02 08:00'));

  it('is on time on the 10th working day, up to the due instant', () => {
    expect(feedbackTimeliness(at('2026-02-13 16:00'), due)).toBe('on_time');
    expect(feedbackTimeliness(due, due)).toBe('on_time');
    expect(feedbackTimeliness(at('2026-02-05 09:00'), due)).toBe('on_time');
  });

  it('is late on the 11th working day after the holiday, though it is the next working day', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(feedbackTimeliness(at('2026-02-23 08:30'), due)).toBe('late');
    expect(feedbackTimeliness(due + 1000, due)).toBe('late');
  });

  it('is late on the 11th working day after National Day 2025 (10th: Fri 29 Aug; 11th: Wed 3 Sep)', () => {
    const nationalDay = feedbackDueAt(calendar, at('2025-08-15 17:30'));
    expect(feedbackTimeliness(at('2025-08-29 16:59'), nationalDay)).toBe('on_time');
    expect(feedbackTimeliness(at('2025-09-03 08:00'), nationalDay)).toBe('late');
  });
});

describe('overdue while open', () => {
  const dueAt = at('2026-03-13 17:00');

  it('is overdue once the due instant has passed, not at it', () => {
    expect(isFeedbackOverdue({ status: 'assigned', dueAt, waitingSince: null }, dueAt)).toBe(false);
    expect(isFeedbackOverdue({ status: 'assigned', dueAt, waitingSince: null }, dueAt + 1)).toBe(true);
    expect(isFeedbackOverdue({ status: 'received', dueAt, waitingSince: null }, at('2026-03-16 08:00'))).toBe(true);
  });

  it('stops while waiting for the sender, unless it was already overdue when the wait began', () => {
    expect(isFeedbackOverdue({ status: 'waiting_sender', dueAt, waitingSince: at('2026-03-10 09:00') }, at('2026-03-30 09:00'))).toBe(false);
    expect(isFeedbackOverdue({ status: 'waiting_sender', dueAt, waitingSince: at('2026-03-16 09:00') }, at('2026-03-30 09:00'))).toBe(true);
    // A wait that began after the instant asked about does not count then.
    expect(isFeedbackOverdue({ dueAt, waitingSince: at('2026-03-20 09:00') }, at('2026-03-16 09:00'))).toBe(true);
  });

  it('is never overdue once answered or refused', () => {
    expect(isFeedbackOverdue({ status: 'answered', dueAt, waitingSince: null }, at('2026-04-01 09:00'))).toBe(false);
    expect(isFeedbackOverdue({ status: 'refused', dueAt, waitingSince: null }, at('2026-04-01 09:00'))).toBe(false);
  });
});

describe('who takes which step', () => {
  const facts = (status: FeedbackStatus, more: { publishConsent?: boolean; published?: boolean } = {}) => ({ status, publishConsent: false, published: false, ...more });
  const all = roles('officer', 'specialist', 'leader', 'manager');

  it('follows received → assigned → waiting_sender ↔ assigned → answered, and refused', () => {
    expect(decideFeedbackAction(facts('received'), 'assign', roles('officer'))).toEqual({ action: 'assign', from: 'received', to: 'assigned' });
    expect(decideFeedbackAction(facts('assigned'), 'assign', roles('leader')).to).toBe('assigned');
    expect(decideFeedbackAction(facts('assigned'), 'ask_sender', roles('specialist')).to).toBe('waiting_sender');
    expect(decideFeedbackAction(facts('waiting_sender'), 'resume', roles('specialist')).to).toBe('assigned');
    expect(decideFeedbackAction(facts('assigned'), 'answer', roles('specialist')).to).toBe('answered');
    for (const status of ['received', 'assigned', 'waiting_sender'] as const) expect(decideFeedbackAction(facts(status), 'refuse', roles('officer')).to).toBe('refused');
  });

  it('refuses every other step by the status, whatever the roles', () => {
    const allowed = new Set(feedbackStatuses.flatMap((s) => feedbackActions.filter((a) => feedbackTransitions[a].from.includes(s)).map((a) => `${s}/${a}`)));
    expect([...allowed].sort()).toEqual([
      'answered/publish', 'assigned/answer', 'assigned/ask_sender', 'assigned/assign', 'assigned/refuse',
      'received/assign', 'received/refuse', 'waiting_sender/refuse', 'waiting_sender/resume',
    ]);
    for (const status of feedbackStatuses) {
      for (const action of feedbackActions) {
        if (allowed.has(`${status}/${action}`)) continue;
        expect(codeOf(() => decideFeedbackAction(facts(status, { publishConsent: true }), action, all)), `${status}/${action}`).toBe('feedback.transition_not_allowed');
      }
    }
  });

  it('lets no one answer straight from received, and only specialists and leaders answer', () => {
    expect(codeOf(() => decideFeedbackAction(facts('received'), 'answer', all))).toBe('feedback.transition_not_allowed');
    expect(codeOf(() => decideFeedbackAction(facts('assigned'), 'answer', roles('officer', 'manager')))).toBe('auth.forbidden');
    expect(codeOf(() => decideFeedbackAction(facts('received'), 'assign', roles('specialist')))).toBe('auth.forbidden');
    expect(codeOf(() => decideFeedbackAction(facts('received'), 'refuse', roles('manager')))).toBe('auth.forbidden');
  });

  it('publishes an answer once, and only with the sender’s consent', () => {
    expect(codeOf(() => decideFeedbackAction(facts('answered'), 'publish', all))).toBe('feedback.publish_not_allowed');
    expect(codeOf(() => decideFeedbackAction(facts('answered', { publishConsent: true, published: true }), 'publish', all))).toBe('feedback.publish_not_allowed');
    expect(decideFeedbackAction(facts('answered', { publishConsent: true }), 'publish', roles('officer'))).toEqual({ action: 'publish', from: 'answered', to: 'answered' });
  });

  it('offers as buttons exactly the steps the decision allows', () => {
    for (const status of feedbackStatuses) {
      for (const consent of [false, true]) {
        for (const r of [roles('officer'), roles('specialist'), roles('leader'), roles('manager'), roles('helper'), all]) {
          const f = facts(status, { publishConsent: consent });
          const offered = allowedFeedbackActions(f, r);
          const decided = feedbackActions.filter((a) => codeOf(() => decideFeedbackAction(f, a, r)) === undefined);
          expect(offered).toEqual(decided);
        }
      }
    }
  });

  it('points complaints and denunciations to their own laws', () => {
    expect(separateProcedures.complaint.guidance.vi).toContain('Luật Khiếu nại');
    expect(separateProcedures.denunciation.guidance.vi).toContain('Luật Tố cáo');
    expect(separateProcedures.complaint.guidance.en).toContain('Law on Complaints');
  });
});

describe('codes', () => {
  it('are PAKN-<yymmdd>-<6 symbols>, read in any case and with spaces', () => {
    let i = 0;
    // Indices 0, 7, 14, 21, 28, 5 of 23456789ABCDEFGHJKMNPQRSTVWXYZ.
    const code = generateFeedbackCode('2026-02-07', () => (i++ * 7) % 30);
    expect(code).toBe('PAKN-260207-29GQY7');
    expect(isFeedbackCode(code)).toBe(true);
    expect(isFeedbackCode(normalizeFeedbackCode(' pakn-260207-29gqy7 '))).toBe(true);
    expect(isFeedbackCode('PAKN-260207-29GPX0')).toBe(false);
    expect(isFeedbackCode('000.00.12.H40-261207-0007')).toBe(false);
    expect(() => generateFeedbackCode('2026-02-07', () => 30)).toThrow(RangeError);
  });
});

describe('figures per unit and period', () => {
  // February 2026: [1 Feb 00:00, 1 Mar 00:00) in Vietnam.
  const window = { start: at('2026-02-01 00:00'), end: at('2026-03-01 00:00') };
  const item = (receivedAt: number, more: Partial<FeedbackFigureFacts> = {}): FeedbackFigureFacts => ({
    receivedAt, dueAt: feedbackDueAt(calendar, receivedAt), waitingSince: null, answeredAt: null, refusedAt: null, ...more,
  });

  it('counts received, answered on time and late, refused, pending and overdue, written out', () => {
    const items = [
      item(at('2026-02-02 08:00'), { answeredAt: at('2026-02-13 16:00') }), // on time (10th working day)
      item(at('2026-02-02 08:00'), { answeredAt: at('2026-02-23 08:30') }), // late (11th working day, after Tết)
      // Received Tue 20 Jan 09:00, due Tue 3 Feb 09:00 (7 h + 9 days + 1 h); answered an hour late, in February.
      item(at('2026-01-20 09:00'), { answeredAt: at('2026-02-03 10:00') }),
      item(at('2026-02-10 09:00'), { refusedAt: at('2026-02-10 10:00') }), // a complaint, refused
      item(at('2026-02-20 09:00')), // received during Tết: counted from Mon 23 Feb 08:00, due Fri 6 Mar 17:00, not overdue on 1 Mar
      item(at('2026-01-05 09:00')), // open since January: overdue
      item(at('2026-01-26 09:00'), { waitingSince: at('2026-01-28 09:00') }), // waiting since before its due: not overdue
      item(at('2026-02-25 09:00'), { answeredAt: at('2026-03-02 09:00') }), // answered after the period: pending at its end
      item(at('2026-03-02 09:00')), // received after the period: nothing
    ];
    expect(feedbackFigures(items, window)).toEqual({ received: 5, answeredOnTime: 1, answeredLate: 2, refused: 1, pending: 4, pendingOverdue: 1 });
    expect(iso(items[2]!.dueAt)).toBe('2026-02-03T09:00:00+07:00');
    expect(iso(items[4]!.dueAt)).toBe('2026-03-06T17:00:00+07:00');
    expect(feedbackOnTimeShare({ answeredOnTime: 1, answeredLate: 2 })).toBe(0.3333);
    expect(feedbackOnTimeShare({ answeredOnTime: 0, answeredLate: 0 })).toBeNull();
  });
});
