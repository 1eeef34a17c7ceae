/**
 * Who may write a dossier's fee ledger (docs/rules/payments.md): staff of the receiving agency in
 * the role the domain gives each kind of entry (`feeEntryRecorders`: officers take and give back
 * money and correct their mistakes, a leader grants a waiver). Who may read the account is the
 * dossier's read rule (staff who see the dossier) or, for the applicant, "Hồ sơ của tôi".
 */
import { feeEntryKinds, feeEntryRecorders, hasRoleOver, type Actor, type FeeEntryKind } from '@motcua/domain';

export const canRecordFeeEntry = (actor: Actor, kind: FeeEntryKind, receivingPath: string): boolean =>
  hasRoleOver(actor, feeEntryRecorders[kind], receivingPath);

/** The kinds of entry the actor may record on a dossier received at `receivingPath` (the console's buttons). */
export const recordableFeeEntries = (actor: Actor, receivingPath: string): FeeEntryKind[] =>
  feeEntryKinds.filter((kind) => canRecordFeeEntry(actor, kind, receivingPath));
