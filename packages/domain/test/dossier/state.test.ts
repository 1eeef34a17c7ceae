import { describe, expect, it } from 'vitest';
import {
  actionRules, allowedActions, citizenOnlyActions, decide, dossierStatuses, formatDossierCode, initialsOf, parseDossierCode, replay,
  type DossierEvent, type DossierStatus, type WorkflowStepRef, type ActorRole, AppError,
} from '../../src/index.ts';

const workflow: WorkflowStepRef[] = [
  { role: 'officer' }, { role: 'specialist' }, { role: 'leader' }, { role: 'officer' },
];
const t0 = Date.UTC(2025, 2, 3, 2, 0); // 09:00 in Vietnam
const h = 3600_000;
const ev = (action: DossierEvent['action'], at: number, extra: Partial<DossierEvent> = {}): DossierEvent => ({ action, at, actorRole: 'officer', ...extra });
const roles = (...r: ActorRole[]) => new Set<ActorRole>(r);

describe('the dossier state machine', () => {
  it('walks a counter dossier from submission to returned result', () => {
    const log = [
      ev('submit', t0), ev('receive', t0), ev('transfer', t0 + h),
      ev('forward', t0 + 5 * h, { actorRole: 'specialist' }), ev('resolve', t0 + 24 * h, { actorRole: 'leader' }),
      ev('return_result', t0 + 30 * h),
    ];
    let state = replay([], workflow);
    const statuses: Array<DossierStatus | null> = [];
    for (const e of log) {
      const rolesHere = roles(e.actorRole);
      decide(state, e, workflow, rolesHere);
      state = replay(log.slice(0, log.indexOf(e) + 1), workflow);
      statuses.push(state.status);
    }
    expect(statuses).toEqual(['submitted', 'received', 'processing', 'processing', 'resolved', 'returned']);
    expect(state).toMatchObject({ receivedAt: t0, resultAt: t0 + 24 * h, returnedAt: t0 + 30 * h, stepIndex: 3 });
  });

  it('stops the clock while a supplement is awaited and records when it came back', () => {
    const state = replay([
      ev('submit', t0), ev('receive', t0), ev('transfer', t0 + h),
      ev('request_supplement', t0 + 2 * h, { actorRole: 'specialist', reasons: ['Thiếu giấy chứng sinh'] }),
      ev('receive_supplement', t0 + 50 * h),
    ], workflow);
    expect(state.status).toBe('processing');
    expect(state.pauses).toEqual([{ from: t0 + 2 * h, to: t0 + 50 * h, kind: 'supplement' }]);
    expect(state.lastSupplementReceivedAt).toBe(t0 + 50 * h);
  });

  describe('a supplement sent online by the applicant', () => {
    const asked = [
      ev('submit', t0), ev('receive', t0), ev('transfer', t0 + h),
      ev('request_supplement', t0 + 2 * h, { actorRole: 'specialist', reasons: ['Thiếu giấy chứng sinh'] }),
    ];
    const online = ev('submit_supplement', t0 + 20 * h, { actorRole: 'citizen' });
    const cases: Array<[string, DossierEvent[], Partial<ReturnType<typeof replay>>]> = [
      ['keeps the dossier waiting and the clock stopped', [...asked, online],
        { status: 'supplement_requested', supplementSubmittedAt: t0 + 20 * h, pauses: [{ from: t0 + 2 * h, to: null, kind: 'supplement' }] }],
      ['ends the pause only when the officer receives it', [...asked, online, ev('receive_supplement', t0 + 30 * h)],
        { status: 'processing', supplementSubmittedAt: null, lastSupplementReceivedAt: t0 + 30 * h, pauses: [{ from: t0 + 2 * h, to: t0 + 30 * h, kind: 'supplement' }] }],
      ['may be sent again before the officer receives it', [...asked, online, ev('submit_supplement', t0 + 22 * h, { actorRole: 'citizen' })],
        { status: 'supplement_requested', supplementSubmittedAt: t0 + 22 * h }],
      ['is forgotten when the applicant withdraws', [...asked, online, ev('withdraw', t0 + 25 * h, { actorRole: 'citizen' })],
        { status: 'withdrawn', supplementSubmittedAt: null, withdrawnAt: t0 + 25 * h }],
    ];
    it.each(cases)('%s', (_name, log, expected) => {
      expect(replay(log, workflow)).toMatchObject(expected);
    });

    const takers: Array<[ActorRole, boolean]> = [['citizen', true], ['officer', false], ['specialist', false], ['leader', false]];
    it.each(takers)('is taken by %s: %s', (role, allowed) => {
      const attempt = () => decide(replay(asked, workflow), { ...online, actorRole: role }, workflow, roles(role));
      if (allowed) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(AppError);
    });

    it('is never offered as a staff button, even to an actor holding every role', () => {
      const state = replay(asked, workflow);
      expect(allowedActions(state, workflow, roles('officer', 'specialist', 'leader', 'citizen'))).not.toContain('submit_supplement');
      expect(allowedActions(state, workflow, roles('officer'))).toEqual(expect.arrayContaining(['receive_supplement', 'withdraw']));
      expect(citizenOnlyActions).toEqual(['confirm', 'submit_supplement']);
    });
  });

  it('refuses every action from a status the table does not list, and allows it from the ones it does', () => {
    for (const [action, rule] of Object.entries(actionRules) as Array<[keyof typeof actionRules, (typeof actionRules)[keyof typeof actionRules]]>) {
      if (action === 'submit') continue;
      for (const status of dossierStatuses) {
        // The electronic result each action needs to be possible at all (docs/rules/results.md).
        const result = action === 'sign_result' ? 'attached' as const : action === 'return_result' ? 'signed' as const : 'none' as const;
        const state = { ...replay([], workflow), status, stepIndex: status === 'received' ? 0 : 2, receivedAt: t0, result };
        const attempt = () => decide(state, ev(action, t0, { reasons: ['r'], note: 'n', newDueAt: t0 + 99 * h, assigneeId: 'u1' }), [
          { role: 'officer' }, { role: 'specialist' }, { role: 'specialist' }, { role: 'specialist' }, { role: 'officer' },
        ], roles('officer', 'specialist', 'leader', 'citizen'));
        if ((rule.from as ReadonlyArray<DossierStatus | null>).includes(status)) {
          expect(attempt, `${action} from ${status}`).not.toThrow();
        } else {
          expect(attempt, `${action} from ${status}`).toThrow(AppError);
          try { attempt(); } catch (e) { expect((e as AppError).code).toBe('dossier.transition_not_allowed'); }
        }
      }
    }
  });

  it('refuses an action to a role the table does not name', () => {
    const state = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0)], workflow);
    expect(() => decide(state, ev('forward', t0, { actorRole: 'officer' }), workflow, roles('officer'))).toThrow(/not allowed/);
    expect(() => decide(state, ev('reject', t0, { reasons: ['x'] }), workflow, roles('specialist'))).toThrow(/not allowed/);
    expect(() => decide(state, ev('forward', t0), workflow, roles('specialist'))).not.toThrow();
  });

  it('lets only the assignee (or a leader) act on an assigned step', () => {
    const state = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0), ev('assign', t0, { assigneeId: 'u-spec-1' })], workflow);
    expect(() => decide(state, ev('forward', t0, { actorId: 'u-spec-2' }), workflow, roles('specialist'))).toThrow(/assigned/);
    expect(() => decide(state, ev('forward', t0, { actorId: 'u-spec-1' }), workflow, roles('specialist'))).not.toThrow();
  });

  it('requires reasons for a refusal and a supplement request, and a note to send back', () => {
    const submitted = replay([ev('submit', t0)], workflow);
    expect(() => decide(submitted, ev('refuse', t0, { reasons: [' '] }), workflow, roles('officer'))).toThrow(AppError);
    const processing = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0), ev('forward', t0)], workflow);
    expect(() => decide(processing, ev('send_back', t0), workflow, roles('leader'))).toThrow(AppError);
    expect(() => decide(processing, ev('send_back', t0, { note: 'Thiếu ý kiến thẩm định' }), workflow, roles('leader'))).not.toThrow();
  });

  it('allows the apology letter only once', () => {
    const state = replay([ev('submit', t0), ev('receive', t0), ev('apologize', t0 + h, { newDueAt: t0 + 99 * h, note: 'Chờ ý kiến cơ quan khác' })], workflow);
    expect(state.apology).toEqual({ at: t0 + h, newDueAt: t0 + 99 * h });
    expect(() => decide(state, ev('apologize', t0 + 2 * h, { newDueAt: t0 + 199 * h, note: 'again' }), workflow, roles('leader'))).toThrow(/only once/);
  });

  it('does not forward past the last processing step', () => {
    const state = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0), ev('forward', t0)], workflow);
    expect(state.stepIndex).toBe(2);
    expect(() => decide(state, ev('forward', t0), workflow, roles('leader'))).toThrow(/last processing step/);
    expect(allowedActions(state, workflow, roles('leader'))).toEqual(expect.arrayContaining(['resolve', 'reject', 'send_back', 'pause', 'apologize']));
    expect(allowedActions(state, workflow, roles('leader'))).not.toContain('forward');
  });

  it('moves an inter-agency dossier to the next agency when the next step is theirs', () => {
    const chain: WorkflowStepRef[] = [
      { role: 'officer' }, { role: 'specialist', participant: 0 }, { role: 'specialist', participant: 1 }, { role: 'leader', participant: 1 }, { role: 'officer' },
    ];
    const state = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0), ev('forward', t0)], chain);
    expect(state).toMatchObject({ stepIndex: 2, participant: 1 });
  });

  it('lets only the last agency of an inter-agency chain record the result; a leader earlier in the chain forwards it', () => {
    const chain: WorkflowStepRef[] = [
      { role: 'officer' }, { role: 'specialist', participant: 0 }, { role: 'leader', participant: 0 },
      { role: 'specialist', participant: 1 }, { role: 'leader', participant: 1 }, { role: 'officer' },
    ];
    const communeLeader = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0), ev('forward', t0)], chain);
    expect(communeLeader).toMatchObject({ stepIndex: 2, participant: 0 });
    expect(() => decide(communeLeader, ev('resolve', t0), chain, roles('leader'))).toThrow(/only the last agency of the chain/);
    expect(allowedActions(communeLeader, chain, roles('leader'))).not.toContain('resolve');
    expect(allowedActions(communeLeader, chain, roles('leader'))).toContain('forward');

    const lastAgency = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0), ev('forward', t0), ev('forward', t0)], chain);
    expect(lastAgency).toMatchObject({ stepIndex: 3, participant: 1 });
    // The last agency's leader may record the result from its own first step, as in a one-agency workflow.
    expect(allowedActions(lastAgency, chain, roles('leader'))).toContain('resolve');
    expect(decide(lastAgency, ev('resolve', t0), chain, roles('leader')).toStatus).toBe('resolved');
  });

  it('refuses the result mid-chain in Vietnamese and English', () => {
    const chain: WorkflowStepRef[] = [{ role: 'officer' }, { role: 'leader', participant: 0 }, { role: 'leader', participant: 1 }, { role: 'officer' }];
    const state = replay([ev('submit', t0), ev('receive', t0), ev('transfer', t0)], chain);
    try {
      decide(state, ev('resolve', t0), chain, roles('leader'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('dossier.transition_not_allowed');
      expect((error as AppError).messages.vi).toContain('hồ sơ liên thông chỉ do cơ quan cuối cùng');
      expect((error as AppError).messages.en).toContain('only the last agency');
    }
  });

  it('shows an officer the buttons for a submitted dossier', () => {
    expect(allowedActions(replay([ev('submit', t0)], workflow), workflow, roles('officer')).sort())
      .toEqual(['receive', 'record_digitization', 'refuse', 'request_completion', 'withdraw']);
  });
});

describe('dossier codes', () => {
  it('formats the code with the agency id, the receipt date and a 4-digit daily sequence', () => {
    expect(formatDossierCode('000.00.12.H40', '2025-03-04', 7)).toBe('000.00.12.H40-250304-0007');
    expect(formatDossierCode('000.00.12.H40', '2025-03-04', 12345)).toBe('000.00.12.H40-250304-12345');
  });
  it('parses valid codes and rejects anything else', () => {
    expect(parseDossierCode('000.00.12.H40-250304-0007')).toEqual({ agencyCode: '000.00.12.H40', yymmdd: '250304', sequence: 7 });
    for (const bad of ['', '../etc/passwd', '000.00.12.H40-251304-0007', '000.00.12.H40-250304-07', 'x'.repeat(300), "1' OR '1'='1"]) {
      expect(parseDossierCode(bad), bad).toBeUndefined();
    }
  });
  it('shows only initials of the applicant', () => {
    expect(initialsOf('Nguyễn Văn An')).toBe('N.V.A.');
    expect(initialsOf('  đỗ   thị  hà ')).toBe('Đ.T.H.');
  });
});

describe('assisted online filing in the state machine', () => {
  it('keeps a prepared dossier unsubmitted until its applicant confirms it, then it is submitted as any online dossier', () => {
    const prepared = [ev('prepare', t0, { actorRole: 'helper' })];
    decide(replay([], workflow), prepared[0]!, workflow, roles('helper'));
    const waiting = replay(prepared, workflow);
    expect(waiting).toMatchObject({ status: 'awaiting_confirmation', submittedAt: null, receivedAt: null });
    // Nobody on staff confirms or receives it: only the applicant confirms; staff may only discard the preparation.
    expect(allowedActions(waiting, workflow, roles('officer', 'specialist', 'leader', 'helper'))).toEqual(['discard_preparation']);
    expect(allowedActions(waiting, workflow, roles('specialist', 'leader'))).toEqual([]);
    expect(() => decide(waiting, ev('confirm', t0 + h), workflow, roles('officer'))).toThrow(AppError);
    expect(() => decide(waiting, ev('receive', t0 + h), workflow, roles('officer'))).toThrow(AppError);
    const confirmed = [...prepared, ev('confirm', t0 + h, { actorRole: 'citizen' })];
    decide(waiting, confirmed[1]!, workflow, roles('citizen'));
    expect(replay(confirmed, workflow)).toMatchObject({ status: 'submitted', submittedAt: t0 + h, receivedAt: null });
    expect(citizenOnlyActions).toContain('confirm');
  });

  it('discards a preparation nobody confirms, by its preparer’s role or the system; afterwards nothing more happens', () => {
    const prepared = [ev('prepare', t0, { actorRole: 'helper' })];
    for (const role of ['helper', 'officer', 'system'] as const) {
      decide(replay(prepared, workflow), ev('discard_preparation', t0 + h, { actorRole: role }), workflow, roles(role));
    }
    expect(() => decide(replay(prepared, workflow), ev('discard_preparation', t0 + h), workflow, roles('leader'))).toThrow(AppError);
    const discarded = replay([...prepared, ev('discard_preparation', t0 + h, { actorRole: 'system' })], workflow);
    expect(discarded).toMatchObject({ status: 'discarded', submittedAt: null, receivedAt: null });
    expect(allowedActions(discarded, workflow, roles('officer', 'specialist', 'leader', 'helper', 'citizen'))).toEqual([]);
    expect(() => decide(discarded, ev('confirm', t0 + 2 * h), workflow, roles('citizen'))).toThrow(AppError);
    // Once confirmed it is an online dossier: no longer discarded this way.
    const confirmed = replay([...prepared, ev('confirm', t0 + h, { actorRole: 'citizen' })], workflow);
    expect(() => decide(confirmed, ev('discard_preparation', t0 + 2 * h), workflow, roles('officer'))).toThrow(AppError);
  });

  it('lets only officers and community helpers prepare, and a helper nothing else', () => {
    for (const role of ['specialist', 'leader', 'manager', 'admin', 'citizen'] as const) {
      expect(() => decide(replay([], workflow), ev('prepare', t0, { actorRole: role }), workflow, roles(role))).toThrow(AppError);
    }
    const submitted = replay([ev('submit', t0)], workflow);
    expect(allowedActions(submitted, workflow, roles('helper'))).toEqual([]);
  });
});
