import { describe, expect, it } from 'vitest';
import { noticesOf, notificationTime, reasonList, type DossierAction, type DossierState } from '../../src/index.ts';

type S = Pick<DossierState, 'status' | 'result' | 'assigneeId'>;
const s = (status: DossierState['status'], result: DossierState['result'] = 'none', assigneeId: string | null = null): S => ({ status, result, assigneeId });
const ev = (action: DossierAction, actorId: string | null = 'u-leader') => ({ action, actorId });

describe('who is told of an action', () => {
  it.each([
    ['receive', s('submitted'), s('received'), 'dossier_received'],
    ['request_completion', s('submitted'), s('draft'), 'supplement_requested'],
    ['request_supplement', s('processing'), s('supplement_requested'), 'supplement_requested'],
    ['apologize', s('processing'), s('processing'), 'apology'],
    ['withdraw', s('processing'), s('withdrawn'), 'withdrawn'],
    ['refuse', s('submitted'), s('refused'), 'refused'],
    ['reject', s('processing'), s('rejected', 'attached'), 'refused'],
    ['resolve', s('processing'), s('resolved'), 'result_ready'],
    ['resolve', s('processing', 'signed'), s('resolved', 'signed'), 'result_ready'],
    ['transfer', s('received'), s('processing'), null],
    ['receive_supplement', s('supplement_requested'), s('processing'), null],
    ['return_result', s('resolved'), s('returned'), null],
  ] as const)('%s (%s → %s) tells the applicant: %s', (action, before, after, kind) => {
    expect(noticesOf(ev(action), before, after).applicant).toBe(kind);
  });

  it('tells the applicant the result is ready only once it can be handed over: when the draft is signed', () => {
    expect(noticesOf(ev('resolve'), s('processing', 'attached'), s('resolved', 'attached')).applicant).toBeNull();
    expect(noticesOf(ev('sign_result'), s('resolved', 'attached'), s('resolved', 'signed')).applicant).toBe('result_ready');
    expect(noticesOf(ev('sign_result'), s('processing', 'attached'), s('processing', 'signed')).applicant).toBeNull();
    // The refusal decision signed right after the refusal: the refusal was the message.
    expect(noticesOf(ev('sign_result'), s('rejected', 'attached'), s('rejected', 'signed')).applicant).toBeNull();
  });

  it('tells the assignee of an assignment, unless they assigned it to themselves', () => {
    expect(noticesOf(ev('assign'), s('processing'), s('processing', 'none', 'u-spec')).staff).toEqual({ kind: 'assigned', userId: 'u-spec' });
    expect(noticesOf(ev('assign', 'u-spec'), s('processing'), s('processing', 'none', 'u-spec')).staff).toBeNull();
    expect(noticesOf(ev('forward'), s('processing', 'none', 'u-spec'), s('processing', 'none', 'u-spec')).staff).toBeNull();
  });

  it('asks the applicant to pay when a dossier is received with a fee that can be paid online', () => {
    const received = [ev('receive'), s('submitted'), s('received')] as const;
    expect(noticesOf(...received, { outstanding: 20_000, payableOnline: true })).toMatchObject({ applicant: 'dossier_received', paymentDue: true });
    expect(noticesOf(...received, { outstanding: 20_000, payableOnline: false })).not.toHaveProperty('paymentDue');
    expect(noticesOf(...received, { outstanding: 0, payableOnline: true })).not.toHaveProperty('paymentDue');
    expect(noticesOf(ev('transfer'), s('received'), s('processing'), { outstanding: 20_000, payableOnline: true })).not.toHaveProperty('paymentDue');
  });

  it('writes instants as dd/MM/yyyy HH:mm in Vietnam whatever the hour in UTC', () => {
    expect(notificationTime(Date.parse('2027-02-05T23:30:00Z'))).toBe('06/02/2027 06:30');
    expect(notificationTime(Date.parse('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00');
  });

  it('numbers the reasons, one to a line, and drops empty ones', () => {
    expect(reasonList([' Thiếu tờ khai ', '', 'Ảnh mờ'])).toBe('1. Thiếu tờ khai\n2. Ảnh mờ');
  });
});
