/**
 * Who signs a dossier's form digitally, and with what (docs/signatures.md). The one-stop unit's
 * forms — the receipt (01) and the supplement request (02) — are signed by the officer who issued
 * them, with their own key only: the counter's forms are not the agency's documents under its
 * seal. The forms the head issues in the agency's name — the refusal (03), the apology (04), the
 * stop notice (05) — bear the head's signature and the agency's seal over its left third.
 */
import type { SignatureRole } from './results.ts';
import type { DossierFormNumber } from './actions.ts';

export const signableForms = ['01', '02', '03', '04', '05'] as const satisfies readonly DossierFormNumber[];
export type SignableForm = (typeof signableForms)[number];

export interface FormSigning {
  /** `issuer`: only the staff member whose action issued the form; `head`: a leader of the agency. */
  signer: 'issuer' | 'head';
  roles: readonly SignatureRole[];
}

export function formSigning(form: SignableForm): FormSigning {
  return form === '01' || form === '02' ? { signer: 'issuer', roles: ['person'] } : { signer: 'head', roles: ['person', 'agency'] };
}
