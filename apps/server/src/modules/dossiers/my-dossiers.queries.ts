/**
 * "Hồ sơ của tôi" (docs/my-dossiers.md): the signed-in citizen's dossiers, one of them in full,
 * and their actions on it without the security code. Whose dossier it is: dossiers.policies.ts
 * (`citizensDossierKeys`, `isCitizensDossier`); a dossier that is not theirs is "not found".
 */
import { feeDueOf } from './fee-due.ts';
import { AppError, isDossierCode, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { actAsApplicant, type ApplicantActionInput } from './applicant-actions.usecases.ts';
import { contextOf, notFound } from './dossier.context.ts';
import { declarationPdfOf, receiptPdfOf } from './dossier.forms.ts';
import { applicantFilePurposes, citizensDossierKeys, isCitizensDossier } from './dossiers.policies.ts';
import { invalidCode } from './dossiers.queries.ts';
import * as repo from './dossiers.repository.ts';
import * as mine from './my-dossiers.repository.ts';
import { presentMyDossier, presentMyDossierItem } from './my-dossiers.presenter.ts';
import { rateDossier, type RatingInput } from './ratings.usecases.ts';

type ReadDeps = Pick<Deps, 'db' | 'clock' | 'calendars' | 'references' | 'config'>;

/** The signed-in citizen (with their name for the log), or 401 when the actor is anyone else. */
function citizenOf(actor: Actor) {
  const keys = citizensDossierKeys(actor);
  if (!keys) throw new AppError('auth.unauthenticated');
  return keys;
}

/** A page position as the API shows it: `<epoch ms>.<id>`. */
const cursorOf = (row: repo.DossierRow) => (row.submitted_at ? `${row.submitted_at.getTime()}.${row.id}` : null);
function positionOf(cursor: string | undefined): mine.PagePosition | undefined {
  if (!cursor) return undefined;
  const [ms, id] = cursor.split('.').map(Number);
  return { submittedAt: new Date(ms!), id: id! };
}

export async function listMyDossiers(actor: Actor, query: { limit: number; cursor?: string | undefined }, deps: Pick<Deps, 'db' | 'clock' | 'references'>) {
  const keys = citizenOf(actor);
  const now = deps.clock().getTime();
  const rows = await mine.citizensDossiers(deps.db, keys, { limit: query.limit + 1, after: positionOf(query.cursor) });
  const page = rows.slice(0, query.limit);
  const logs = await mine.eventsOfDossiers(deps.db, page.map((r) => r.id));
  const items = [];
  for (const { rated, ...row } of page) {
    const ctx = await contextOf(deps.db, deps.references, row, logs.get(row.id));
    items.push(presentMyDossierItem(ctx, now, rated));
  }
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? cursorOf(last) : null };
}

export async function myDossier(actor: Actor, code: string, deps: ReadDeps) {
  if (!isDossierCode(code)) throw invalidCode();
  citizenOf(actor);
  const found = await repo.findDossierWithLogByCode(deps.db, code);
  if (!found || !isCitizensDossier(actor, found.dossier)) throw notFound();
  const calendars = await deps.calendars.current();
  const ctx = await contextOf(deps.db, deps.references, found.dossier, found.events);
  const files = await mine.filesOfDossier(deps.db, found.dossier.id, [...applicantFilePurposes]);
  return presentMyDossier(ctx, deps.clock().getTime(), calendars.forAgency(found.dossier.agency_id), found.rated, files.map((f) => ({
    id: f.id, name: f.original_name, mediaType: f.media_type, size: Number(f.size_bytes), purpose: f.purpose, componentIndex: f.component_index,
  })), await feeDueOf(found.dossier, deps));
}

/** The signed-in citizen's dossier with its context, or "not found" (also when it is someone else's). */
export async function myDossierContext(actor: Actor, code: string, deps: Pick<Deps, 'db' | 'references'>) {
  if (!isDossierCode(code)) throw invalidCode();
  citizenOf(actor);
  const found = await repo.findDossierWithLogByCode(deps.db, code);
  if (!found || !isCitizensDossier(actor, found.dossier)) throw notFound();
  return contextOf(deps.db, deps.references, found.dossier, found.events);
}

/**
 * A file of the signed-in citizen's dossier, to download: "not found" unless the dossier is theirs
 * and the file is one of its files they may see (`applicantFilePurposes`).
 */
export async function myDossierFile(actor: Actor, code: string, fileId: string, deps: Pick<Deps, 'db' | 'references'>) {
  const ctx = await myDossierContext(actor, code, deps);
  const file = await mine.fileOfDossier(deps.db, ctx.dossier.id, fileId);
  if (!file || !applicantFilePurposes.has(file.purpose)) throw new AppError('file.not_found');
  return file;
}

/** The e-form declaration of the signed-in citizen's dossier as PDF (the same rendering as the staff's). */
export async function myDeclarationPdf(actor: Actor, code: string, deps: Pick<Deps, 'db' | 'references'>) {
  return declarationPdfOf(await myDossierContext(actor, code, deps));
}

/** The receipt (form 01) of the signed-in citizen's dossier as PDF, once it was received. */
export async function myReceiptPdf(actor: Actor, code: string, deps: Pick<Deps, 'db' | 'references' | 'config'>) {
  return receiptPdfOf(await myDossierContext(actor, code, deps), deps);
}

/** Supplement or withdrawal by the signed-in citizen: their e-ID is the proof (no security code). */
export async function actOnMyDossier(context: AuditContext & { actorName: string }, code: string, input: Omit<ApplicantActionInput, 'proof'>, deps: Deps) {
  citizenOf(context.actor);
  await actAsApplicant(context, code, { ...input, proof: { kind: 'eid', actor: context.actor, name: context.actorName } }, deps);
  return myDossier(context.actor, code, deps);
}

/** The signed-in citizen rates their dossier (proof `eid`). */
export async function rateMyDossier(
  context: AuditContext & { actorName: string }, code: string, input: Pick<RatingInput, 'score' | 'criteria' | 'comment'>, deps: Pick<Deps, 'db' | 'clock' | 'references' | 'config' | 'outbox'>,
) {
  citizenOf(context.actor);
  return rateDossier(context, code, { ...input, citizen: { actor: context.actor, name: context.actorName } }, deps);
}
