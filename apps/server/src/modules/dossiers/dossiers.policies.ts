/**
 * Who may see and act on a dossier. Staff see the dossiers of the agencies they are assigned to
 * (and their subtrees): the receiving agency, and every agency that handled it along an
 * inter-agency chain. Counter actions are taken at the receiving agency's one-stop counter;
 * workflow steps at the agency that holds the dossier now.
 */
import { dossierReaderRoles, hasRoleOver, preparerRoles, rolesOver, type Actor, type ActorRole, type DossierAction } from '@motcua/domain';

export interface DossierAgencies {
  receivingPath: string;
  handlingPath: string;
  /** Every agency the dossier passed through (inter-agency), including the two above. */
  involvedPaths: readonly string[];
}

/**
 * Staff of the agencies involved see a dossier; a community helper sees only the dossiers they
 * prepared (assisted filing), whatever their agency.
 */
export const canViewDossier = (actor: Actor, agencies: DossierAgencies, preparedBy?: string | null): boolean =>
  agencies.involvedPaths.some((path) => hasRoleOver(actor, dossierReaderRoles, path)) || isPreparer(actor, preparedBy);

/** True when `actor` is the staff member who prepared the dossier. */
export const isPreparer = (actor: Actor, preparedBy: string | null | undefined): boolean =>
  actor.kind === 'staff' && preparedBy != null && preparedBy === actor.userId;

/** Officers and community helpers prepare online dossiers for applicants at agencies inside their subtree. */
export const canPrepareAt = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, preparerRoles, agency.path);

/**
 * Who may send a prepared dossier's applicant a new one-time code: the one who prepared it, or an
 * officer of the receiving agency.
 */
export const canResendCode = (actor: Actor, agencies: DossierAgencies, preparedBy: string | null): boolean =>
  isPreparer(actor, preparedBy) || hasRoleOver(actor, ['officer'], agencies.receivingPath);

/** Actions of the one-stop counter of the receiving agency (Decree 118/2025 art. 17, 21, 22). */
const counterActions: ReadonlySet<DossierAction> = new Set([
  'receive', 'refuse', 'request_completion', 'receive_supplement', 'return_result', 'withdraw', 'record_digitization', 'apologize',
]);

/**
 * The roles the actor holds where `action` is taken: the receiving agency or the handling one.
 * A prepared dossier is discarded only by whoever prepared it (`preparedBy`; none given: nobody).
 */
export function rolesForAction(actor: Actor, action: DossierAction, agencies: DossierAgencies, preparedBy?: string | null): Set<ActorRole> {
  if (actor.kind !== 'staff') return new Set();
  if (action === 'discard_preparation' && !isPreparer(actor, preparedBy)) return new Set();
  const path = counterActions.has(action) ? agencies.receivingPath : agencies.handlingPath;
  const roles = rolesOver(actor.assignments, path);
  // A leader of the handling agency may also apologise for the delay at that agency.
  if (action === 'apologize') for (const r of rolesOver(actor.assignments, agencies.handlingPath)) roles.add(r);
  return roles;
}

/**
 * The agency an action is recorded under in the audit trail: the actor's own agency, the one of
 * their assignments through which they act (the deepest that covers where the action is taken),
 * so a provincial police officer's step in an inter-agency chain is the police's, not the
 * receiving commune's. Anyone else (the applicant, the system) acts at the receiving agency.
 */
export function auditAgencyOf(actor: Actor, action: DossierAction, agencies: DossierAgencies & { receivingId: string }): string {
  if (actor.kind !== 'staff') return agencies.receivingId;
  const where = counterActions.has(action) ? agencies.receivingPath : agencies.handlingPath;
  const covering = (path: string) => actor.assignments.filter((a) => path.startsWith(a.agencyPath));
  const through = covering(where).length ? covering(where) : covering(agencies.receivingPath).concat(covering(agencies.handlingPath));
  const own = through.sort((a, b) => b.agencyPath.length - a.agencyPath.length)[0];
  return own?.agencyId ?? agencies.receivingId;
}

/** Officers receive dossiers at the counters of agencies inside their subtree. */
export const canReceiveAt = (actor: Actor, agency: { path: string }): boolean => hasRoleOver(actor, ['officer'], agency.path);

/**
 * What makes a dossier a signed-in citizen's ("Hồ sơ của tôi", docs/rules/citizen-identity.md): its applicant is their
 * identity (the personal ID number the e-ID vouches for; for a business account also the
 * company's tax code, which an organization applicant carries as its ID number), or they
 * submitted it online while signed in. So a dossier received at the counter for the same personal
 * ID number is theirs as soon as they sign in. This is the only statement of the rule:
 * `isCitizensDossier` applies it to one row and `citizensDossierKeys` gives the repository the
 * values its list query matches (my-dossiers.repository.ts).
 */
export interface CitizensDossierKeys {
  /** The account: matches `dossiers.submitter_citizen_id`. */
  citizenId: string;
  /** Matches `dossiers.applicant_id_number`. */
  applicantIdNumbers: string[];
}

/** The keys of a signed-in citizen's dossiers; none for anyone else (a security-code holder included). */
export function citizensDossierKeys(actor: Actor): CitizensDossierKeys | undefined {
  if (actor.kind !== 'citizen' || !actor.account) return undefined;
  const { personalId, taxCode, kind } = actor.account;
  const applicantIdNumbers = [personalId, kind === 'business' ? taxCode : null].filter((v): v is string => Boolean(v));
  return { citizenId: actor.citizenId, applicantIdNumbers };
}

export function isCitizensDossier(actor: Actor, dossier: { applicant_id_number: string | null; submitter_citizen_id: string | null }): boolean {
  const keys = citizensDossierKeys(actor);
  if (!keys) return false;
  return dossier.submitter_citizen_id === keys.citizenId
    || (dossier.applicant_id_number !== null && keys.applicantIdNumbers.includes(dossier.applicant_id_number));
}

/**
 * The files of their dossier the applicant may download ("Hồ sơ của tôi", docs/my-dossiers.md):
 * what they or the counter filed (components, supplements) and the electronic result. Files the
 * staff attach to their own workflow steps (`attachment`: drafts, internal notes) stay internal.
 */
export const applicantFilePurposes: ReadonlySet<string> = new Set(['component', 'supplement', 'result']);
