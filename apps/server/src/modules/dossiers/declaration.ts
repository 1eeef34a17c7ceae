/**
 * The e-form declaration of a new dossier (docs/eforms.md): checked against the form of the
 * procedure version the dossier is bound to, with the fields a signed-in citizen's e-ID fills set
 * to the identity's values (never what was typed), and the text the staff's search finds it by.
 */
import {
  AppError, declarationSearchText, enforceVerified, formReference, normalizeDeclaration, validateDeclaration,
  type CitizenIdentity, type EFormAnswers, type StoredDeclaration,
} from '@motcua/domain';
import type { ProcedureVersionRow } from '../procedures/procedures.repository.ts';

export interface CheckedDeclaration {
  stored: StoredDeclaration;
  /** `id@version` of the form. */
  form: string;
  /** The answers as one text, for search. */
  text: string;
  /** The component of the procedure the form replaces, if any: received and digitized. */
  component: number | undefined;
}

/**
 * The declaration to store, or `undefined` when none was sent. Throws `declaration.invalid` with
 * the path of every bad answer (`declaration.childName`) and its message in both languages, or
 * `request.invalid` when the procedure has no e-form.
 */
export function checkDeclaration(
  version: ProcedureVersionRow,
  answers: Readonly<Record<string, unknown>> | undefined,
  identity: CitizenIdentity | null | undefined,
  today: string,
): CheckedDeclaration | undefined {
  if (answers === undefined) return undefined;
  const form = version.declaration;
  if (!form) {
    throw new AppError('request.invalid', { issues: [{ path: 'declaration', message: `procedure ${version.code} has no e-form declaration: attach the scanned form instead` }] });
  }
  const enforced = enforceVerified(form, normalizeDeclaration(form, answers), identity);
  const issues = validateDeclaration(form, enforced.answers, { today });
  if (issues.length) {
    throw new AppError('declaration.invalid', { issues: issues.map((i) => ({ ...i, path: `declaration.${i.path}` })) });
  }
  const clean = enforced.answers as EFormAnswers;
  return {
    stored: { answers: clean, verified: enforced.verified },
    form: formReference(form),
    text: declarationSearchText(form, clean),
    component: form.component,
  };
}
