/**
 * The fee a dossier owes (docs/rules/payments.md), computed from the procedure version already in
 * hand — no database read at intake. At the counter the terms are fixed at once; online (and for a
 * prepared dossier) the terms quoted at submission are kept until an officer receives the dossier,
 * who fixes them, with the case the applicant chose unless the officer picks another, and with an
 * exemption if one is granted.
 */
import type { Kysely } from 'kysely';
import {
  feeBalance, feeCases, feeStandingOf, feeTermsFor, type Fee, type FeeChoice, type FeeStanding, type FeeTerms, type FilingChannel,
} from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { DossierRow } from './dossiers.repository.ts';

export interface IntakeFee {
  amount: number;
  terms: FeeTerms | null;
}

/**
 * Counter intake: a dossier received fixes its terms (the case is required when the fee depends on
 * one); one refused or sent back to complete is not received and owes nothing.
 */
export function feeAtCounter(version: { fee: Fee }, channel: FilingChannel, choice: FeeChoice, received: boolean): IntakeFee {
  if (!received) return { amount: 0, terms: null };
  const terms = feeTermsFor(version, channel, choice);
  return { amount: terms.amount, terms };
}

/**
 * Online submission or preparation: the terms quoted for the case the applicant chose, no
 * exemption (only the officer grants one, at reception). A fee by case without a choice owes
 * nothing until the officer picks the case.
 */
export function feeAtSubmission(version: { fee: Fee }, row: string | undefined): IntakeFee {
  if (row === undefined && feeCases(version.fee).length > 0) return { amount: 0, terms: null };
  const terms = feeTermsFor(version, 'online', { row });
  return { amount: terms.amount, terms };
}

/** The dossier's columns set when an officer receives it, and its fee standing afterwards. */
export interface ReceptionFee {
  projection: Pick<DossierRow, 'fee_amount' | 'fee_paid' | 'fee_terms'>;
  standing: FeeStanding;
}

/**
 * The officer receives a dossier filed online: its terms are fixed from its own version (the one
 * it was submitted under). Whatever was paid already counts against them.
 */
export async function feeAtReception(
  tx: Kysely<Database>, version: { fee: Fee }, dossier: Pick<DossierRow, 'id' | 'channel' | 'fee_terms'>, choice: FeeChoice,
): Promise<ReceptionFee> {
  const terms = feeTermsFor(version, dossier.channel as FilingChannel, { row: choice.row ?? dossier.fee_terms?.case, exemption: choice.exemption });
  const entries = await tx.selectFrom('fee_entries').select(['id', 'kind', 'amount', 'reverses']).where('dossier_id', '=', dossier.id).execute();
  const balance = feeBalance(terms.amount, entries);
  const feePaid = terms.amount > 0 && balance.settled;
  return {
    projection: { fee_amount: terms.amount, fee_paid: feePaid, fee_terms: terms },
    standing: { outstanding: balance.outstanding, payBeforeProcessing: terms.payBeforeProcessing },
  };
}

/** A dossier's fee standing from its row (national status 6, the processing rule). */
export const feeStandingOfRow = (d: Pick<DossierRow, 'fee_amount' | 'fee_paid' | 'fee_terms'>): FeeStanding =>
  feeStandingOf({ feeAmount: Number(d.fee_amount), feePaid: d.fee_paid, terms: d.fee_terms });
