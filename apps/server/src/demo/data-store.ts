/**
 * The demo's data store (docs/rules/data-store.md): Nguyễn Văn An (personal ID 036090001234, a
 * demo e-ID citizen) registered his marriage at the counter of xã Giao Thủy, with scans of his
 * ID card and of his marital status certificate, and got the marriage certificate as an
 * electronic result. Made through the real use cases, so his store holds what any such dossier
 * would give him, and the portal's journey "register a birth with a paper from the store" works.
 */
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { AppError, type Actor } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { findAssignments } from '../modules/auth/auth.repository.ts';
import { performAction } from '../modules/dossiers/actions.usecases.ts';
import { receiveAtCounter } from '../modules/dossiers/intake.usecases.ts';
import { storeUpload } from '../modules/files/files.usecases.ts';
import { defaultFontFiles, embedFonts } from '../infra/pdf/fonts.ts';

const applicant = {
  kind: 'citizen' as const, name: 'Nguyễn Văn An', idNumber: '036090001234', phone: '0912345678',
  address: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
};

export async function seedDemoDataStore(deps: Deps): Promise<void> {
  const officer = await staffActor(deps, 'canbo.giaothuy');
  const specialist = await staffActor(deps, 'chuyenvien.giaothuy');
  const leader = await staffActor(deps, 'lanhdao.giaothuy');
  const upload = async (actor: Actor, name: string, lines: string[]) =>
    storeUpload(deps.db, deps.storage, actor, { filename: name, stream: Readable.from([await demoPdf(lines)]) }, { maxBytes: deps.config.maxUploadBytes, now: deps.clock() });
  const declaration = await upload(officer, 'to-khai-dang-ky-ket-hon.pdf', ['TỜ KHAI ĐĂNG KÝ KẾT HÔN', 'Nguyễn Văn An – Trần Thị Bình', '(bản minh họa)']);
  const status = await upload(officer, 'giay-xac-nhan-tinh-trang-hon-nhan.pdf', ['GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN', 'Nguyễn Văn An, sinh ngày 12/04/1990', '(bản minh họa)']);
  const idCard = await upload(officer, 'can-cuoc-nguyen-van-an.pdf', ['CĂN CƯỚC', 'Số định danh cá nhân: 036090001234', 'Nguyễn Văn An', '(bản minh họa)']);
  const context = (actor: Actor) => ({ actor, actorName: actor.kind === 'staff' ? actor.username : 'demo data', at: deps.clock() });
  const dossier = await receiveAtCounter(context(officer), {
    procedureCode: '1.000894', channel: 'counter', applicant, sets: 1, resultDelivery: 'counter', decision: 'receive',
    components: [
      { index: 0, received: true, fileIds: [declaration.id] },
      { index: 1, received: true, fileIds: [status.id] },
      { index: 2, received: true, fileIds: [idCard.id] },
    ],
  }, deps);
  await performAction(context(officer), dossier.dossier.id, { action: 'transfer' }, deps);
  await performAction(context(specialist), dossier.dossier.id, { action: 'forward' }, deps);
  const certificate = await upload(leader, 'giay-chung-nhan-ket-hon.pdf', ['GIẤY CHỨNG NHẬN KẾT HÔN', 'Nguyễn Văn An – Trần Thị Bình', '(bản minh họa)']);
  await performAction(context(leader), dossier.dossier.id, { action: 'resolve', fileIds: [certificate.id] }, deps);
}

export async function staffActor(deps: Deps, username: string): Promise<Actor> {
  const user = await deps.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new AppError('internal.unexpected', { details: { demoUser: username } });
  const assignments = await findAssignments(deps.db, user.id);
  return { kind: 'staff', userId: user.id, username: user.username, assignments: assignments.map((a) => ({ role: a.role, agencyId: a.agencyId, agencyPath: a.agencyPath })) };
}

/** A one-page illustrative scan: a few lines of Vietnamese text in the forms' embedded font. */
export async function demoPdf(lines: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(pdf, await defaultFontFiles(), lines.join('\n'));
  pdf.setTitle(lines[0] ?? 'Bản minh họa');
  pdf.setLanguage('vi-VN');
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => {
    page.drawText(line.normalize('NFC'), { x: 72, y: 760 - i * 28, size: i === 0 ? 16 : 12, font: i === 0 ? fonts.bold : fonts.regular });
  });
  return Buffer.from(await pdf.save());
}
