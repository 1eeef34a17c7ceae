/**
 * The rating card handed over with the result (docs/rules/service-quality.md): where the result
 * is returned, the applicant gets a one-time rating QR code as on form 01, issued the same way
 * (its own token, only the hash kept, with who printed it). Staff who may see the dossier print
 * it once the dossier has a result and until it is rated.
 */
import { formatInstant, officialHeading, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { renderRatingCard } from '../../infra/pdf/rating-card.ts';
import { issuingBodyOf } from './dossier.forms.ts';
import { ratingInvitation } from './ratings.usecases.ts';

export async function ratingCardPdf(actor: Actor, dossierId: number, deps: Pick<Deps, 'db' | 'clock' | 'references' | 'config'>): Promise<{ pdf: Uint8Array; fileName: string }> {
  const { ctx, url } = await ratingInvitation(actor, dossierId, deps);
  const d = ctx.dossier;
  const receiving = ctx.agencies.receiving;
  const parent = receiving.parentId ? (await deps.references.agencies(deps.db, [receiving.parentId])).get(receiving.parentId) : undefined;
  const counter = d.counter_id ? await deps.db.selectFrom('counters').select('name').where('id', '=', d.counter_id).executeTakeFirst() : undefined;
  const pdf = await renderRatingCard({
    issuingBody: issuingBodyOf(officialHeading(receiving, parent)),
    counterName: counter?.name,
    dossierCode: d.code,
    applicantName: d.applicant_name,
    procedureName: ctx.version.name,
    issuedAt: formatInstant(deps.clock().getTime()),
    ratingUrl: url,
  });
  return { pdf, fileName: `phieu-danh-gia-${d.code}.pdf` };
}
