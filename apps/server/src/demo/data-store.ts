/**
 * The demo's data store (docs/rules/data-store.md): Nguyễn Văn An (personal ID 036090001234, a
 * demo e-ID citizen) registered his marriage at the counter of xã Giao Thủy, with scans of his
 * ID card and of his marital status certificate, and got the marriage certificate as an
 * electronic result. Made through the real use cases, so his store holds what any such dossier
 * would give him, and the portal's journey "register a birth with a paper from the store" works.
 */
import { Readable } from 'node:stream';
import { AppError, type Actor } from '@motcua/domain';
import type { Deps } from '../deps.ts';
import { findAssignments } from '../modules/auth/auth.repository.ts';
import { performAction } from '../modules/dossiers/actions.usecases.ts';
import { receiveAtCounter } from '../modules/dossiers/intake.usecases.ts';
import { storeUpload } from '../modules/files/files.usecases.ts';

const applicant = {
  kind: 'citizen' as const, name: 'Nguyễn Văn An', idNumber: '036090001234', phone: '0912345678',
  address: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
};

export async function seedDemoDataStore(deps: Deps): Promise<void> {
  const officer = await staffActor(deps, 'canbo.giaothuy');
  const specialist = await staffActor(deps, 'chuyenvien.giaothuy');
  const leader = await staffActor(deps, 'lanhdao.giaothuy');
  const upload = (actor: Actor, name: string, lines: string[]) =>
    storeUpload(deps.db, deps.storage, actor, { filename: name, stream: Readable.from([demoPdf(lines)]) }, { maxBytes: deps.config.maxUploadBytes, now: deps.clock() });
  const declaration = await upload(officer, 'to-khai-dang-ky-ket-hon.pdf', ['TO KHAI DANG KY KET HON', 'Nguyen Van An - Tran Thi Binh', '(ban minh hoa)']);
  const status = await upload(officer, 'giay-xac-nhan-tinh-trang-hon-nhan.pdf', ['GIAY XAC NHAN TINH TRANG HON NHAN', 'Nguyen Van An, sinh ngay 12/04/1990', '(ban minh hoa)']);
  const idCard = await upload(officer, 'can-cuoc-nguyen-van-an.pdf', ['CAN CUOC', 'So dinh danh ca nhan: 036090001234', 'Nguyen Van An', '(ban minh hoa)']);
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
  const certificate = await upload(leader, 'giay-chung-nhan-ket-hon.pdf', ['GIAY CHUNG NHAN KET HON', 'Nguyen Van An - Tran Thi Binh', '(ban minh hoa)']);
  await performAction(context(leader), dossier.dossier.id, { action: 'resolve', fileIds: [certificate.id] }, deps);
}

async function staffActor(deps: Deps, username: string): Promise<Actor> {
  const user = await deps.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new AppError('internal.unexpected', { details: { demoUser: username } });
  const assignments = await findAssignments(deps.db, user.id);
  return { kind: 'staff', userId: user.id, username: user.username, assignments: assignments.map((a) => ({ role: a.role, agencyId: a.agencyId, agencyPath: a.agencyPath })) };
}

/** A one-page PDF with a few lines of ASCII text (Helvetica, no embedded font), offsets computed. */
export function demoPdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 72 ${760 - i * 28} Td (${escape(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
