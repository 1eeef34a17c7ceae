/**
 * Signed documents in the demo (docs/rules/results.md, docs/rules/document-office.md), made through
 * the real use cases: Nguyễn Văn An's marital status certificate at xã Giao Thủy, resolved with a
 * generated result notice that the leader signed with his key and the commune's seal (so "Hồ sơ
 * của tôi" offers a signed result and /xac-thuc/<id> shows a valid document), and a few documents
 * in the commune's document office: two incoming (one routed to a unit), two outgoing issued.
 */
import { Readable } from 'node:stream';
import type { Actor } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { performAction } from '../modules/dossiers/actions.usecases.ts';
import { receiveAtCounter } from '../modules/dossiers/intake.usecases.ts';
import { actOnDocument, createOutgoingDraft, registerIncoming } from '../modules/document-office/document-office.usecases.ts';
import { unitsOfAgency } from '../modules/document-office/document-office.repository.ts';
import { storeUpload } from '../modules/files/files.usecases.ts';
import { demoPdf, staffActor } from './data-store.ts';

const commune = '000.41.00.H40';

export async function seedDemoSignedDocuments(deps: Deps): Promise<void> {
  const officer = await staffActor(deps, 'canbo.giaothuy');
  const specialist = await staffActor(deps, 'chuyenvien.giaothuy');
  const leader = await staffActor(deps, 'lanhdao.giaothuy');
  const context = (actor: Actor) => ({ actor, actorName: actor.kind === 'staff' ? actor.username : 'demo data', at: deps.clock() });
  await signedResult(deps, context, { officer, specialist, leader });
  await officeDocuments(deps, context, { officer, specialist, leader });
}

type Contexts = (actor: Actor) => { actor: Actor; actorName: string; at: Date };
interface Staff { officer: Actor; specialist: Actor; leader: Actor }

async function signedResult(deps: Deps, context: Contexts, { officer, specialist, leader }: Staff) {
  const received = await receiveAtCounter(context(officer), {
    procedureCode: 'DEMO.005', channel: 'counter', sets: 1, resultDelivery: 'online', decision: 'receive',
    applicant: {
      kind: 'citizen', name: 'Nguyễn Văn An', idNumber: '036090001234', phone: '0912345678',
      address: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    },
    components: [{ index: 0, received: true }],
  }, deps);
  const id = received.dossier.id;
  await performAction(context(officer), id, { action: 'transfer' }, deps);
  await performAction(context(specialist), id, {
    action: 'attach_result',
    generateResult: {
      outcome: 'Xác nhận ông Nguyễn Văn An, sinh ngày 12/04/1990, hiện chưa đăng ký kết hôn với ai.',
      details: ['Giấy xác nhận có giá trị 06 tháng kể từ ngày cấp.', 'Mục đích sử dụng: đăng ký kết hôn.'],
      signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Đỗ Văn Hùng',
    },
  }, deps);
  await performAction(context(specialist), id, { action: 'forward' }, deps);
  await performAction(context(leader), id, { action: 'resolve' }, deps);
  await performAction(context(leader), id, { action: 'sign_result' }, deps);
}

async function officeDocuments(deps: Deps, context: Contexts, { officer, specialist, leader }: Staff) {
  const agency = await deps.db.selectFrom('agencies').select('id').where('code', '=', commune).executeTakeFirstOrThrow();
  const units = new Map((await unitsOfAgency(deps.db, agency.id)).map((u) => [u.code, u.id]));
  const upload = async (actor: Actor, name: string, lines: string[]) =>
    (await storeUpload(deps.db, deps.storage, actor, { filename: name, stream: Readable.from([await demoPdf(lines)]) }, { maxBytes: deps.config.maxUploadBytes, now: deps.clock() })).id;

  await registerIncoming(context(officer), {
    agencyId: agency.id, type: 'cong_van', issuingBody: 'Sở Tư pháp tỉnh Ninh Bình', originalNumber: '215/STP-HCTP',
    summary: 'V/v triển khai cấp bản sao trích lục hộ tịch điện tử',
    fileId: await upload(officer, 'cv-215-stp.pdf', ['SỞ TƯ PHÁP TỈNH NINH BÌNH', 'Số: 215/STP-HCTP', 'V/v triển khai cấp bản sao trích lục hộ tịch điện tử', '(bản minh họa)']),
    ...(units.get('TPHT') ? { route: { unitId: units.get('TPHT')!, note: 'Tư pháp - Hộ tịch chủ trì, báo cáo kết quả' } } : {}),
  }, deps);
  await registerIncoming(context(officer), {
    agencyId: agency.id, type: 'giay_moi', issuingBody: 'Ủy ban nhân dân tỉnh Ninh Bình', originalNumber: '88/GM-UBND',
    summary: 'Mời dự hội nghị tổng kết công tác cải cách hành chính',
    fileId: await upload(officer, 'gm-88-ubnd.pdf', ['ỦY BAN NHÂN DÂN TỈNH NINH BÌNH', 'Số: 88/GM-UBND', 'Giấy mời dự hội nghị tổng kết công tác cải cách hành chính', '(bản minh họa)']),
  }, deps);

  const outgoing = [
    { type: 'thong_bao' as const, summary: 'Thông báo lịch tiếp công dân tháng này', recipients: 'Các thôn, xóm; Bộ phận Một cửa', unit: 'VPTK',
      lines: ['ỦY BAN NHÂN DÂN XÃ GIAO THỦY', 'THÔNG BÁO', 'Lịch tiếp công dân tháng này', '(bản minh họa)'] },
    { type: 'cong_van' as const, summary: 'V/v báo cáo kết quả đăng ký hộ tịch trực tuyến', recipients: 'Sở Tư pháp tỉnh Ninh Bình', unit: 'TPHT',
      lines: ['ỦY BAN NHÂN DÂN XÃ GIAO THỦY', 'V/v báo cáo kết quả đăng ký hộ tịch trực tuyến', 'Kính gửi: Sở Tư pháp tỉnh Ninh Bình', '(bản minh họa)'] },
  ];
  for (const o of outgoing) {
    const id = await createOutgoingDraft(context(specialist), {
      agencyId: agency.id, type: o.type, summary: o.summary, recipients: o.recipients, draftingUnitId: units.get(o.unit),
      fileId: await upload(specialist, `du-thao-${o.unit.toLowerCase()}.pdf`, o.lines),
    }, deps);
    await actOnDocument(context(leader), id, { action: 'approve' }, deps);
    await actOnDocument(context(leader), id, { action: 'sign' }, deps);
    await actOnDocument(context(officer), id, { action: 'issue' }, deps);
  }
}
