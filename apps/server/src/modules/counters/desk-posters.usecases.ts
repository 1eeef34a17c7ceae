/**
 * The QR posters of a one-stop counter (docs/qr-posters.md): one for the counter (its agency's
 * procedures, rating, feedback) and one per procedure its agency handles (the procedure's page and
 * online submission). A counter belongs to one agency: the posters speak for that agency, and its
 * officers, leaders and managers (or those above) print them. Printing writes nothing.
 */
import {
  AppError, agencyCatalogueLink, isNationalProcedureCode, agencyFeedbackLink, counterHeading, formatAmount, formatInstant, formatProcessingTime,
  localDateOf, myDossiersLink, officialHeading, procedurePageLink, submissionLink, type Actor,
} from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { renderCounterPoster } from '../../infra/pdf/posters/counter-poster.ts';
import { renderProcedurePoster, type ProcedurePosterDocument } from '../../infra/pdf/posters/procedure-poster.ts';
import { issuingBodyOf } from '../dossiers/dossier.forms.ts';
import { versionForIntake } from '../dossiers/intake.usecases.ts';
import { canReadTrackingBook } from '../dossiers/tracking-book.ts';
import { presentFee } from '../procedures/fee.presenter.ts';
import type { ProcedureVersionRow } from '../procedures/procedures.repository.ts';

type PosterDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'references'>;


async function counterOf(actor: Actor, counterId: string, deps: PosterDeps) {
  const row = await deps.db
    .selectFrom('counters as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['c.id', 'c.code', 'c.name', 'c.address', 'a.id as agency_id', 'a.address as agency_address', 'a.path'])
    .where('c.id', '=', counterId)
    .executeTakeFirst();
  const agency = row ? (await deps.references.agencies(deps.db, [row.agency_id])).get(row.agency_id) : undefined;
  // Who prints the counter's tracking book prints its posters; another agency's counter is "not found".
  if (!row || !agency || !canReadTrackingBook(actor, row)) {
    throw new AppError('counter.not_found', { messages: { vi: 'Không tìm thấy bộ phận một cửa', en: 'Counter not found' } });
  }
  const parent = agency.parentId ? (await deps.references.agencies(deps.db, [agency.parentId])).get(agency.parentId) : undefined;
  return { ...row, address: row.address ?? row.agency_address ?? undefined, agency, parent };
}

/** The counter's poster: QR codes to its agency's procedures, to rating, to feedback. */
export async function counterPoster(actor: Actor, counterId: string, deps: PosterDeps): Promise<{ pdf: Uint8Array; fileName: string }> {
  const counter = await counterOf(actor, counterId, deps);
  const base = deps.config.publicBaseUrl;
  const agencyName = counter.agency.name;
  const pdf = await renderCounterPoster({
    issuingBody: issuingBodyOf(counterHeading(counter.name, counter.agency, counter.parent)),
    counterName: counter.name,
    address: counter.address,
    issuedAt: formatInstant(deps.clock().getTime()),
    codes: [
      {
        url: agencyCatalogueLink(base, counter.agency.code), label: 'Thủ tục hành chính tại đây', labelEn: 'Procedures handled here',
        hint: `Các thủ tục của ${agencyName}: thành phần hồ sơ, thời hạn giải quyết, phí, lệ phí; nộp hồ sơ trực tuyến.`,
        hintEn: 'What to bring, time limits and fees of each procedure; submit online.',
      },
      {
        url: myDossiersLink(base), label: 'Đánh giá mức độ hài lòng', labelEn: 'Rate our service',
        hint: 'Đăng nhập bằng tài khoản định danh điện tử (VNeID), mở "Hồ sơ của tôi" và đánh giá hồ sơ đã có kết quả. '
          + 'Hoặc quét mã "Đánh giá hài lòng" in trên giấy tiếp nhận hồ sơ.',
        hintEn: 'Sign in with VNeID, open "My dossiers" and rate a dossier with its result; or scan the rating code on your receipt.',
      },
      {
        url: agencyFeedbackLink(base, counter.agency.code), label: 'Phản ánh, kiến nghị', labelEn: 'Feedback and petitions',
        hint: `Gửi phản ánh, kiến nghị về thủ tục hành chính và việc phục vụ tới ${agencyName}; tra cứu trả lời.`,
        hintEn: 'Send feedback or a petition about procedures and service; look up the answer.',
      },
    ],
  });
  return { pdf, fileName: `ap-phich-qr-${counter.agency.code}-${counter.code}.pdf` };
}

/** The poster of a procedure in force that the counter's agency handles (400 `procedure.not_implemented_here` otherwise). */
export async function procedurePoster(actor: Actor, counterId: string, procedureCode: string, deps: PosterDeps): Promise<{ pdf: Uint8Array; fileName: string }> {
  const counter = await counterOf(actor, counterId, deps);
  const now = deps.clock().getTime();
  const version = await versionForIntake(deps.db, deps.references, procedureCode, counter.agency, localDateOf(now));
  const base = deps.config.publicBaseUrl;
  const pdf = await renderProcedurePoster({
    issuingBody: issuingBodyOf(officialHeading(counter.agency, counter.parent)),
    counterName: counter.name,
    counterAddress: counter.address,
    procedureName: version.name,
    ...(isNationalProcedureCode(version.code) ? { procedureCode: version.code } : {}),
    field: version.field,
    legalTime: formatProcessingTime(version.processingTime),
    fee: feeLines(version),
    // Every procedure in force is offered online on the portal, fully or partly (its page says which).
    online: { fully: version.fullyOnline, url: submissionLink(base, version.code) },
    pageUrl: procedurePageLink(base, version.code),
    issuedAt: formatInstant(now),
  });
  return { pdf, fileName: `ap-phich-qr-${counter.agency.code}-${version.code}.pdf` };
}

/** At most this many lines of fees: a longer schedule is on the procedure's page. */
const MAX_FEE_LINES = 5;

/** The fee presenter's words, a line per amount: the total, each item, or each case of a table. */
export function feeLines(version: Pick<ProcedureVersionRow, 'fee'>): ProcedurePosterDocument['fee'] {
  const fee = presentFee(version.fee);
  const amount = (counter: number, online: number | null) =>
    `${formatAmount(counter).vi}${online !== null && online < counter ? ` (nộp trực tuyến: ${formatAmount(online).vi})` : ''}`;
  const lines = fee.kind === 'free' ? [fee.text.vi]
    : fee.kind === 'table' ? fee.table.map((row) => `${row.label}: ${amount(row.amount, row.onlineAmount)}`)
      : fee.items.length > 1 ? fee.items.map((item) => `${item.label}: ${item.text.vi}`)
        : [fee.text.vi];
  const exemptions = fee.exemptions.map((e) => `${e.text.vi}: ${e.label}`);
  const all = [...lines, ...exemptions];
  const shown = all.length > MAX_FEE_LINES ? [...all.slice(0, MAX_FEE_LINES - 1), 'Các trường hợp khác: xem trang thủ tục (mã QR bên dưới)'] : all;
  const en = fee.kind === 'free' ? 'Free of charge' : fee.kind === 'table' || lines.length > 1 ? 'By case: see the procedure’s page' : fee.text.en;
  return { lines: shown, en };
}
