import { describe, expect, it } from 'vitest';
import {
  allowedActions, decide, downloadReturnsResult, replay, returnRefusalReason, statusAfterSignature, AppError,
  type ActorRole, type DossierEvent, type WorkflowStepRef,
} from '../../src/index.ts';

const workflow: WorkflowStepRef[] = [{ role: 'officer' }, { role: 'specialist' }, { role: 'leader' }, { role: 'officer' }];
const t0 = Date.UTC(2026, 11, 7, 2, 0);
const ev = (action: DossierEvent['action'], extra: Partial<DossierEvent> = {}): DossierEvent => ({ action, at: t0, actorRole: 'officer', ...extra });
const roles = (...r: ActorRole[]) => new Set<ActorRole>(r);
const processing = [ev('submit'), ev('receive'), ev('transfer')];

describe('results as signed documents', () => {
  it('signs the competent person first, then the agency, each once', () => {
    expect(statusAfterSignature('unsigned', 'person')).toBe('signed_by_person');
    expect(statusAfterSignature('signed_by_person', 'agency')).toBe('signed');
    expect(statusAfterSignature('unsigned', 'agency')).toBeNull();
    expect(statusAfterSignature('signed_by_person', 'person')).toBeNull();
    expect(statusAfterSignature('signed', 'agency')).toBeNull();
  });

  it('follows the electronic result on the log: attached, then signed', () => {
    expect(replay(processing, workflow).result).toBe('none');
    expect(replay([...processing, ev('attach_result', { actorRole: 'specialist' })], workflow).result).toBe('attached');
    expect(replay([...processing, ev('attach_result'), ev('resolve'), ev('sign_result', { actorRole: 'leader' })], workflow).result).toBe('signed');
    // A refusal decision is the result document of a rejected dossier.
    expect(replay([...processing, ev('reject', { reasons: ['r'] })], workflow).result).toBe('attached');
  });

  it('offers the leader the signature only once something unsigned is attached', () => {
    const before = replay(processing, workflow);
    expect(allowedActions(before, workflow, roles('leader'))).not.toContain('sign_result');
    const attached = replay([...processing, ev('attach_result')], workflow);
    expect(allowedActions(attached, workflow, roles('leader'))).toContain('sign_result');
    expect(allowedActions(attached, workflow, roles('specialist'))).not.toContain('sign_result');
    const signed = replay([...processing, ev('attach_result'), ev('sign_result')], workflow);
    expect(() => decide(signed, ev('attach_result'), workflow, roles('specialist'))).toThrow(AppError);
  });

  it('returns nothing while the electronic result is unsigned, and lets only the applicant’s download be a download', () => {
    const unsigned = replay([...processing, ev('attach_result'), ev('resolve')], workflow);
    expect(() => decide(unsigned, ev('return_result'), workflow, roles('officer'))).toThrow(/not signed/);
    const signed = replay([...processing, ev('attach_result'), ev('resolve'), ev('sign_result')], workflow);
    expect(() => decide(signed, ev('return_result', { delivery: 'post' }), workflow, roles('officer'))).not.toThrow();
    expect(() => decide(signed, ev('return_result', { delivery: 'download' }), workflow, roles('officer'))).toThrow(AppError);
    expect(() => decide(signed, ev('return_result', { actorRole: 'citizen', delivery: 'download' }), workflow, roles('citizen'))).not.toThrow();
    // A paper result (nothing electronic attached) is handed over, never downloaded.
    const paper = replay([...processing, ev('resolve')], workflow);
    expect(() => decide(paper, ev('return_result'), workflow, roles('officer'))).not.toThrow();
    expect(() => decide(paper, ev('return_result', { actorRole: 'system' }), workflow, roles('system'))).toThrow(/no signed electronic result/);
    expect(returnRefusalReason('none', 'counter')).toBeNull();
  });

  it('makes the first download the return only for an online result that is signed and not yet returned', () => {
    expect(downloadReturnsResult({ status: 'resolved', resultDelivery: 'online' }, 'signed')).toBe(true);
    expect(downloadReturnsResult({ status: 'rejected', resultDelivery: 'online' }, 'signed')).toBe(true);
    expect(downloadReturnsResult({ status: 'returned', resultDelivery: 'online' }, 'signed')).toBe(false);
    expect(downloadReturnsResult({ status: 'resolved', resultDelivery: 'counter' }, 'signed')).toBe(false);
    expect(downloadReturnsResult({ status: 'resolved', resultDelivery: 'online' }, 'attached')).toBe(false);
  });
});
