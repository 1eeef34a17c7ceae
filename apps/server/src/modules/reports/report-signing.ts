/**
 * The statistics report signed digitally (docs/signatures.md): the PDF of one agency's report,
 * stored as a signed document of kind `report` with its verification QR, signed in its signature
 * slot by the leader or manager who issues it (their own key; a report sent up the hierarchy is
 * the signer's, not sealed). A report of no single agency has no issuer and cannot be signed.
 */
import { AppError, hasRoleOver, type Actor } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/audit.repository.ts';
import { signNewDocument } from '../signed-documents/signed-documents.usecases.ts';
import { signingServices } from '../signed-documents/signing.port.ts';
import { renderReportPdfDocument, reportIssuer } from './report-files.ts';
import { reportScope } from './reports.policies.ts';
import { statisticsReport, type ReportRequest } from './reports.usecases.ts';

const signerRoles = ['leader', 'manager'] as const;

async function agencyOf(deps: Pick<Deps, 'db'>, code: string | undefined) {
  if (!code) return undefined;
  return deps.db.selectFrom('agencies').select(['id', 'path', 'name']).where('code', '=', code).executeTakeFirst();
}

/** Whether the caller may sign the report of agency `code` (none: a report of no single agency). */
export async function maySignReport(actor: Actor, code: string | undefined, deps: Pick<Deps, 'db'>): Promise<boolean> {
  const agency = await agencyOf(deps, code);
  return Boolean(agency && hasRoleOver(actor, [...signerRoles], agency.path));
}

export async function signStatisticsReport(context: AuditContext, request: ReportRequest, deps: Deps): Promise<{ pdf: Uint8Array; fileName: string; id: string }> {
  const actor = context.actor;
  if (!request.agencyCode) throw new AppError('request.invalid', { issues: [{ path: 'agency', message: 'a signed report is one agency’s: give its code' }] });
  // Out of the caller's scope: not found, as for the unsigned report.
  const report = await statisticsReport(deps.db, reportScope(actor), request, deps.clock().getTime());
  const agency = await agencyOf(deps, request.agencyCode);
  if (!agency) throw new AppError('agency.not_found');
  if (!hasRoleOver(actor, [...signerRoles], agency.path)) throw new AppError('auth.forbidden');
  const { pdf, signatureSlot } = await renderReportPdfDocument(report, await reportIssuer(deps.db, report));
  const fileName = `bao-cao-${report.period.from}-${report.period.to}-ky-so.pdf`;
  const signed = await signNewDocument(
    context,
    {
      kind: 'report', agencyId: agency.id, title: `Báo cáo tình hình giải quyết thủ tục hành chính ${report.period.from} – ${report.period.to}, ${agency.name}`,
      fileName, pdf, signatureSlot: signatureSlot ?? null, createdBy: actor.kind === 'staff' ? actor.userId : null, at: deps.clock(),
    },
    ['person'],
    { db: deps.db, storage: deps.storage, config: deps.config, references: deps.references, signing: signingServices(deps) },
  );
  return { pdf: signed.pdf, fileName, id: signed.document.id };
}
