import { describe, expect, it } from 'vitest';
import { applicantAsks, type ApplicantAskFacts } from '../../src/index.ts';

const base: ApplicantAskFacts = { status: 'processing', supplementPending: false, feeAmount: 0, feePaid: false, rated: false };

describe('what a dossier asks of its applicant', () => {
  it.each<[string, Partial<ApplicantAskFacts>, string[]]>([
    ['nothing while it is processed without a fee', {}, []],
    ['the supplement while a request is open and not answered online', { status: 'supplement_requested', supplementPending: true }, ['supplement']],
    ['nothing more once the supplement was sent online', { status: 'supplement_requested', supplementPending: false }, []],
    ['the payment of an unpaid fee while the dossier is live', { feeAmount: 50_000 }, ['payment']],
    ['no payment once the fee is paid', { feeAmount: 50_000, feePaid: true }, []],
    ['no payment on a withdrawn dossier', { status: 'withdrawn', feeAmount: 50_000 }, []],
    ['a rating once there is a result', { status: 'resolved' }, ['rating']],
    ['a payment and a rating when the result waits for its fee', { status: 'resolved', feeAmount: 50_000 }, ['payment', 'rating']],
    ['no rating twice', { status: 'returned', rated: true }, []],
    ['the confirmation of a dossier prepared for them, and no fee before it is submitted', { status: 'awaiting_confirmation', feeAmount: 50_000 }, ['confirmation']],
  ])('asks %s', (_name, facts, asks) => {
    expect(applicantAsks({ ...base, ...facts })).toEqual(asks);
  });
});
