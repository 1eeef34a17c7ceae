/** Reading dossiers: the staff detail view, lists, and the public status page. */
import { forwardTargetOf } from './participants.ts';
import { feeDueOf } from './fee-due.ts';
import { AppError, isDossierCode, resultStatuses, type Actor, type DossierStatus } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { contextOf, loadDossierContext, notFound, type DossierContext } from './dossier.context.ts';
import { listDossiers, type DossierListFilter } from './dossiers.list.ts';
import { presentDossier, presentPublicDossier } from './dossiers.presenter.ts';
import * as repo from './dossiers.repository.ts';
import { presentRating } from './ratings.presenter.ts';
import { findRating } from './ratings.repository.ts';
import { presentResultDocument } from '../signed-documents/signed-documents.presenter.ts';
import { currentResultOf } from '../signed-documents/signed-documents.repository.ts';
import { verificationUrl } from '../signed-documents/signed-documents.usecases.ts';

/**
 * The staff view of a loaded dossier (names and file details from the reference cache and one query).
 * `created`: the dossier was created in this transaction, so no signed result can exist yet (intake
 * spares the query).
 */
export async function presentContext(
  actor: Actor, ctx: DossierContext, deps: Pick<Deps, 'db' | 'clock' | 'calendars' | 'references' | 'config'>, options: { created?: boolean } = {},
) {
  const calendars = await deps.calendars.current();
  const codes = new Map([...ctx.agencies.byId.values()].map((a) => [a.id, a.code]));
  const names = await deps.references.userNames(deps.db, ctx.events.flatMap((e) => (e.actor_id ? [e.actor_id] : [])));
  const hasFiles = (ctx.dossier.components as Array<{ fileIds?: string[] }>).some((c) => c.fileIds?.length) || ctx.events.some((e) => Array.isArray(e.data?.files));
  const files = hasFiles
    ? await deps.db
      .selectFrom('files')
      .select(['id', 'original_name', 'media_type', 'size_bytes', 'purpose', 'component_index'])
      .where('dossier_id', '=', ctx.dossier.id)
      .orderBy('created_at')
      .execute()
    : [];
  const result = options.created ? undefined : await currentResultOf(deps.db, ctx.dossier.id);
  const rating = options.created || !resultStatuses.has(ctx.dossier.status as DossierStatus) ? undefined : await findRating(deps.db, ctx.dossier.id);
  const forwardTo = ctx.dossier.status === 'processing'
    ? await forwardTargetOf(deps.db, deps.references, ctx.version, ctx.dossier.step_index, ctx.agencies.receiving, ctx.agencies.handling)
    : null;
  return presentDossier(ctx, actor, deps.clock().getTime(), calendars.forAgency(ctx.dossier.agency_id), {
    forwardTo,
    agencyCodes: codes,
    names,
    resultDocument: result ? presentResultDocument(result, verificationUrl(deps.config, result.id)) : null,
    rating: rating ? presentRating(rating) : null,
    files: files.map((f) => ({ id: f.id, name: f.original_name, mediaType: f.media_type, size: Number(f.size_bytes), purpose: f.purpose, componentIndex: f.component_index })),
  });
}

export async function dossierDetail(actor: Actor, id: number, deps: Pick<Deps, 'db' | 'clock' | 'calendars' | 'references' | 'config'>) {
  return presentContext(actor, await loadDossierContext(deps.db, deps.references, actor, id), deps);
}

/** A page of a list at the instant `now` (the request's, read once from the server clock). */
export async function dossierList(actor: Actor, now: Date, filter: DossierListFilter, deps: Pick<Deps, 'db'>) {
  return listDossiers(deps.db, actor, filter, now);
}

export const invalidCode = () =>
  new AppError('dossier.invalid_code', {
    messages: {
      vi: 'Mã hồ sơ không đúng: tối đa 64 ký tự gồm chữ cái không dấu, chữ số và . - _ / (ví dụ: 000.00.12.H40-250304-0007)',
      en: 'Not a dossier code: up to 64 letters A–Z, digits and . - _ / (e.g. 000.00.12.H40-250304-0007)',
    },
    issues: [{ path: 'code', message: 'expected 1–64 letters A–Z, digits, ".", "-", "_" or "/"' }],
  });

/** Finds a dossier by code for staff: one they may not see answers "not found". */
export async function dossierIdByCode(actor: Actor, code: string, deps: Pick<Deps, 'db' | 'references'>): Promise<number> {
  if (!isDossierCode(code)) throw invalidCode();
  const row = await repo.findDossierByCode(deps.db, code);
  if (!row) throw notFound();
  await loadDossierContext(deps.db, deps.references, actor, row.id);
  return row.id;
}

/** The public status page of a dossier, reached by its code (or the QR code on any form). */
export async function publicDossier(code: string, deps: Pick<Deps, 'db' | 'clock' | 'calendars' | 'references' | 'config'>) {
  if (!isDossierCode(code)) throw invalidCode();
  const calendars = await deps.calendars.current();
  const found = await repo.findDossierWithLogByCode(deps.db, code);
  if (!found) throw notFound();
  const ctx = await contextOf(deps.db, deps.references, found.dossier, found.events);
  // A draft is public only once an officer has asked to complete it (the code is on form 02).
  if (found.dossier.status === 'draft' && !ctx.events.some((e) => e.action === 'request_completion')) throw notFound();
  // A prepared dossier is not submitted until its applicant confirms it (its own page: /preparation),
  // and one discarded unconfirmed never was.
  if (found.dossier.status === 'awaiting_confirmation' || found.dossier.status === 'discarded') throw notFound();
  const result = await currentResultOf(deps.db, found.dossier.id);
  const feeDue = await feeDueOf(found.dossier, deps);
  return presentPublicDossier(ctx, deps.clock().getTime(), calendars.forAgency(found.dossier.agency_id), found.rated, result?.status === 'signed' ? result.id : null, feeDue);
}
