/**
 * How an agency heads its official documents (Decree 30/2020/NĐ-CP, Annex I, item II.3: "tên cơ
 * quan, tổ chức ban hành văn bản"): the issuing body in bold capitals, and above it, in regular
 * capitals, the name of its direct managing body where it has one. A People's Committee at any
 * level has none: it is headed by its own name alone, "ỦY BAN NHÂN DÂN" over its place. Each
 * returned line is a whole name: a document may break only between the lines, never inside one.
 */
import { foldVietnamese } from '../text/fold.ts';

/** What the heading needs of an agency: its full name and its level in the tree. */
export interface HeadingAgency {
  name: string;
  level: string;
}

export interface OfficialHeading {
  /** The direct managing body, one line in capitals ("UBND TỈNH NINH BÌNH"); absent for a People's Committee. */
  managing?: string;
  /** The issuing body in capitals, one line each ("ỦY BAN NHÂN DÂN", "XÃ GIAO THỦY"). */
  body: string[];
}

/** The national name and motto, top right of every official document (Decree 30/2020, Annex I, item II.1). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const COMMITTEE = 'Ủy ban nhân dân';

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');

/** "Ủy ban nhân dân xã Giao Thủy" → "xã Giao Thủy"; undefined for any other body. */
export function committeePlace(agency: { name: string }): string | undefined {
  const name = agency.name.normalize('NFC').trim();
  if (!foldVietnamese(name).startsWith(`${foldVietnamese(COMMITTEE)} `)) return undefined;
  return name.slice(COMMITTEE.length).trim();
}

/**
 * The place an agency writes before the date ("Giao Thủy, ngày … tháng … năm …"; Decree 30/2020,
 * Annex I, item II.5): the name of the locality it sits in, without its kind.
 * "Ủy ban nhân dân xã Giao Thủy" → "Giao Thủy", "Sở Tư pháp tỉnh Ninh Bình" → "Ninh Bình".
 */
export function placeName(agency: { name: string }): string {
  const m = /(?:^|\s)(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+(.+)$/iu.exec(agency.name.normalize('NFC'));
  return (m?.[1] ?? agency.name).trim();
}

/**
 * The name without the place it shares with its People's Committee, which the managing line
 * already prints: "Sở Tư pháp tỉnh Ninh Bình" under "UBND TỈNH NINH BÌNH" → "Sở Tư pháp".
 */
function withoutPlace(name: string, place: string | undefined): string {
  const n = name.normalize('NFC').trim();
  if (!place) return n;
  const suffix = ` ${place}`;
  return foldVietnamese(n).endsWith(foldVietnamese(suffix)) && n.length > suffix.length ? n.slice(0, n.length - suffix.length).trim() : n;
}

/**
 * The managing body as it heads a document of a body beneath it, on one line: a People's
 * Committee abbreviated "UBND" (the decree allows it for the managing body), any other by its full
 * name ("SỞ TƯ PHÁP TỈNH NINH BÌNH" over a unit of the department).
 */
export function managingLine(parent: HeadingAgency): string {
  const place = committeePlace(parent);
  return place ? `UBND ${upper(place)}` : upper(parent.name);
}

/**
 * The heading of a document issued by `agency` (Decree 30/2020, Annex I):
 * - a People's Committee: "ỦY BAN NHÂN DÂN" / "XÃ GIAO THỦY", never headed by its province or district;
 * - a body of a People's Committee: "UBND TỈNH NINH BÌNH" / "SỞ TƯ PHÁP", "UBND HUYỆN GIAO THỦY" / "PHÒNG TƯ PHÁP";
 * - the provincial police, a branch of the Ministry of Public Security: "BỘ CÔNG AN" / "CÔNG AN TỈNH NINH BÌNH";
 * - a body without a parent: its own name.
 */
export function officialHeading(agency: HeadingAgency, parent?: HeadingAgency): OfficialHeading {
  const place = committeePlace(agency);
  if (place) return { body: [upper(COMMITTEE), upper(place)] };
  if (agency.level === 'police' && parent?.level === 'province') return { managing: 'BỘ CÔNG AN', body: [upper(agency.name)] };
  if (!parent) return { body: [upper(agency.name)] };
  return { managing: managingLine(parent), body: [upper(withoutPlace(agency.name, committeePlace(parent)))] };
}

/**
 * The heading of a form the one-stop unit issues in its agency's name (receipts, supplement
 * requests, refusals): the agency on the managing line as it names itself in its own heading
 * ("UBND XÃ GIAO THỦY", "SỞ TƯ PHÁP"; the place is in the date line), the unit beneath without
 * the place the line above already says ("BỘ PHẬN MỘT CỬA").
 */
export function counterHeading(counterName: string, agency: HeadingAgency, parent?: HeadingAgency): OfficialHeading {
  const place = committeePlace(agency) ?? (parent ? committeePlace(parent) : undefined);
  const managing = committeePlace(agency) ? managingLine(agency) : officialHeading(agency, parent).body.join(' ');
  return { managing, body: [upper(withoutPlace(counterName, place))] };
}

/**
 * The head's title over their signature (Decree 30/2020, Annex I, item II.7): a People's
 * Committee signs collectively ("TM." for "thay mặt"), a department by its director, a district
 * office by its head.
 */
export function headTitle(agency: HeadingAgency): string {
  if (committeePlace(agency)) return 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH';
  const name = foldVietnamese(agency.name);
  if (name.startsWith('so ') || agency.level === 'police') return 'GIÁM ĐỐC';
  if (name.startsWith('phong ')) return 'TRƯỞNG PHÒNG';
  return 'THỦ TRƯỞNG CƠ QUAN';
}

/**
 * The issuing body's abbreviation in a document's symbol (Decree 30/2020, Annex I, item II.4):
 * "UBND" for a People's Committee, else the initials of its name without its place and "và":
 * "Sở Tư pháp" → "STP", "Phòng Tư pháp" → "PTP", "Sở Văn hóa, Thể thao và Du lịch" → "SVHTTDL".
 */
export function bodyAbbreviation(agency: HeadingAgency, parent?: HeadingAgency): string {
  if (committeePlace(agency)) return 'UBND';
  const name = withoutPlace(agency.name, parent ? committeePlace(parent) : undefined);
  const words = name.split(/[\s,]+/).filter((w) => w !== '' && foldVietnamese(w) !== 'va');
  return words.map((w) => upper(w.charAt(0))).join('');
}

/**
 * A document's number and symbol as printed after "Số:" (Decree 30/2020, Annex I, item II.4 and
 * Annex III): the number from 01, the kind's abbreviation ("TB" for a notice, "BC" for a report)
 * and the body's, or the body's alone for a letter without a kind of its own: "05/TB-UBND", "112/STP".
 */
export function documentNumberText(number: number, body: string, kind?: string): string {
  return `${String(number).padStart(2, '0')}/${kind ? `${kind}-` : ''}${body}`;
}
