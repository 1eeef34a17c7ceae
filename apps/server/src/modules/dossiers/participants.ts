/**
 * Inter-agency hand-off (một cửa liên thông): which agency holds the dossier for a participant of
 * the procedure's chain. Participant 0 is the receiving agency; the others name an agency code or a
 * level, resolved inside the receiving agency's tree (an ancestor of that level first).
 */
import type { Kysely } from 'kysely';
import { AppError } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import type { ProcedureVersionRow } from '../procedures/procedures.repository.ts';
import type { AgencyRef, ReferenceCache } from '../reference/reference.cache.ts';

export async function handlingAgencyFor(
  db: Kysely<Database>,
  refs: ReferenceCache,
  version: Pick<ProcedureVersionRow, 'interAgency'>,
  participant: number,
  receiving: AgencyRef,
  currentHandling: AgencyRef,
  targetAgencyId?: string,
): Promise<AgencyRef> {
  if (participant === 0) return receiving;
  const wanted = version.interAgency[participant];
  if (!wanted) return currentHandling;
  if (targetAgencyId) {
    const target = (await refs.agencies(db, [targetAgencyId])).get(targetAgencyId);
    if (!target || (target.code !== wanted.agency && target.level !== wanted.agency)) {
      throw new AppError('dossier.invalid_target_agency', {
        messages: { vi: `Cơ quan nhận không phù hợp (cần: ${wanted.name})`, en: `The receiving agency does not match the chain (expected: ${wanted.name})` },
        issues: [{ path: 'targetAgencyId', message: `expected an agency "${wanted.agency}"` }],
      });
    }
    return target;
  }
  const byCode = await refs.agencyByCode(db, wanted.agency);
  if (byCode) return byCode;
  const rootId = receiving.path.split('/').filter(Boolean)[0]!;
  const candidates = await db
    .selectFrom('agencies')
    .select(['id', 'path'])
    .where('level', '=', wanted.agency)
    .where((eb) => eb(eb.fn('starts_with', ['path', eb.val(`/${rootId}/`)]), '=', true))
    .execute();
  const ancestor = candidates.find((c) => receiving.path.startsWith(c.path));
  const chosen = ancestor ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (!chosen) {
    throw new AppError('dossier.target_agency_required', {
      messages: {
        vi: `Cần chọn cơ quan phối hợp (${wanted.name}) để chuyển hồ sơ liên thông`,
        en: `Choose the agency (${wanted.name}) to hand the inter-agency dossier to`,
      },
      issues: [{ path: 'targetAgencyId', message: `${candidates.length} agencies of level "${wanted.agency}" match` }],
    });
  }
  return (await refs.agencies(db, [chosen.id])).get(chosen.id)!;
}

/**
 * Where `forward` hands the dossier now, named for the dialog: the agency of the next step when it
 * is another participant's (the next agency of the chain); null when the next step stays here.
 * When the chain leaves a choice (several agencies of a level), the participant's own name.
 */
export async function forwardTargetOf(
  db: Kysely<Database>,
  refs: ReferenceCache,
  version: Pick<ProcedureVersionRow, 'interAgency' | 'workflow'>,
  stepIndex: number | null,
  receiving: AgencyRef,
  currentHandling: AgencyRef,
): Promise<{ code: string | null; name: string } | null> {
  if (stepIndex === null) return null;
  const next = version.workflow[stepIndex + 1];
  if (!next || (next.participant ?? 0) === (version.workflow[stepIndex]?.participant ?? 0)) return null;
  try {
    const agency = await handlingAgencyFor(db, refs, version, next.participant ?? 0, receiving, currentHandling);
    return { code: agency.code, name: agency.name };
  } catch (error) {
    if (error instanceof AppError && error.code === 'dossier.target_agency_required') {
      return { code: null, name: version.interAgency[next.participant ?? 0]?.name ?? '' };
    }
    throw error;
  }
}
