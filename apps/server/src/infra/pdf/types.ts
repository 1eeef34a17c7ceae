/**
 * The data of the regulated one-stop forms (Circular 03/2025/TT-VPCP, Annex I; docs/rules/dossier-lifecycle.md).
 * Instants are ISO 8601 strings with an offset and are printed in Vietnam time; plain dates are
 * `YYYY-MM-DD`. Every text is printed as given (Vietnamese), after Unicode NFC normalisation.
 */
import type { ComponentKind } from '@motcua/domain';
import type { PageRect } from '../signing/types.ts';

export type FormNumber = '01' | '02' | '03' | '04' | '05' | '06' | '07';

/** The header every form shares: issuing body, number, place and date, dossier code and QR. */
export interface FormHeader {
  /**
   * The heading (Decree 30/2020, Annex I; `officialHeading` in the domain): the direct managing
   * body ("UBND TỈNH NINH BÌNH"), absent for a People's Committee, and the issuing body, whose
   * lines "\n" separates ("ỦY BAN NHÂN DÂN\nXÃ GIAO THỦY"). A line is never broken inside: a name
   * too long for the column is set smaller.
   */
  issuingBody: { parentName?: string; name: string };
  /**
   * The number and symbol printed after "Số: " ("12/TNHS", "05/TB-UBND"): the receipt's number,
   * or one taken from the agency's register; a dotted blank when missing.
   */
  number?: string;
  /**
   * The symbol without the number ("BC-UBND"), for a document numbered by the clerk when it is
   * registered: printed after a dotted blank, "Số: ……/BC-UBND", where "number" is missing.
   */
  symbol?: string;
  /** "Giao Thủy", printed "Giao Thủy, ngày 04 tháng 3 năm 2025". */
  place: string;
  /** ISO instant of issue. */
  issuedAt: string;
  /** "000.41.00.H40-250304-0007", printed on every form. */
  dossierCode: string;
  /** The public status page; encoded in the QR code and printed small under it. */
  statusUrl: string;
  /** Signature block: title ("NGƯỜI TIẾP NHẬN HỒ SƠ") and the signer's name if known. */
  signer?: { title: string; name?: string };
}

/** The applicant as the forms name them (a person or an organisation). */
export interface Applicant {
  name: string;
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

export interface ReceivedComponent {
  name: string;
  kind: ComponentKind;
  count: number;
  note?: string;
}

export type ResultDelivery = 'counter' | 'post' | 'online';

/** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptForm extends FormHeader {
  form: '01';
  applicant: Applicant;
  procedureName: string;
  /** "Bộ phận Một cửa UBND xã Giao Thủy": the counter that received the dossier, if named. */
  counterName?: string;
  components: ReceivedComponent[];
  /** Number of sets (bộ). */
  sets: number;
  /** "05 ngày làm việc". */
  legalTime: string;
  receivedAt: string;
  appointmentAt: string;
  resultDelivery: ResultDelivery;
  /** Where the result goes when it is not the counter: the postal address or the data store. */
  deliveryAddress?: string;
  trackingBook: { volume?: string; line?: string };
  fee?: ReceiptFee;
  /** "Liên 1: Lưu" / "Liên 2: Giao người nộp hồ sơ": which copy this is, if printed in two. */
  copyLabel?: string;
  /**
   * The one-time rating address (with its token) for the applicant: a second QR code, labelled,
   * below the signatures (docs/rules/service-quality.md). Absent on a dossier already rated.
   */
  ratingUrl?: string;
}

/** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestForm extends FormHeader {
  form: '02';
  applicant: Applicant;
  procedureName: string;
  counterName?: string;
  /** What to add or correct, printed as a numbered list. */
  items: string[];
  reason?: string;
  /** Who helps the applicant while completing the dossier. */
  contact: { name: string; phone?: string };
  requestedAt: string;
}

/** Mẫu số 03: Phiếu từ chối tiếp nhận, giải quyết hồ sơ. */
export interface RefusalForm extends FormHeader {
  form: '03';
  applicant: Applicant;
  procedureName: string;
  counterName?: string;
  reasons: string[];
}

/** Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (signed and sealed by the head). */
export interface ApologyForm extends FormHeader {
  form: '04';
  /** "Ông/Bà Nguyễn Thị Ánh Tuyết" or an organisation: the "Kính gửi" line. */
  addressee: string;
  /** The agency that apologises, in the text; defaults to the issuing body's name. */
  agencyName?: string;
  receivedAt: string;
  procedureName: string;
  originalAppointmentAt: string;
  reason: string;
  newAppointmentAt: string;
}

/** Mẫu số 05: Thông báo dừng giải quyết hồ sơ. */
export interface StopNoticeForm extends FormHeader {
  form: '05';
  applicant: Applicant;
  procedureName: string;
  /** The agency that stops processing, in the text; defaults to the issuing body's name. */
  agencyName?: string;
  receivedAt?: string;
  /** When the applicant asked to stop. */
  requestedAt: string;
  /** How far processing had gone. */
  stateReached: string;
  /** The confirmation that processing stops (and what happens to the papers and fees). */
  confirmation: string;
}

/** The fee terms fixed at reception, as form 01 prints them (docs/rules/payments.md). */
export interface ReceiptFee {
  /** The total due, after any exemption. */
  amount: number;
  paid: boolean;
  /** Each fee (phí) or charge (lệ phí) for the dossier's channel and case; none for a single amount that needs no detail. */
  items?: Array<{ kind: 'Phí' | 'Lệ phí'; label: string; amount: number }>;
  /** The case the amounts are for. */
  case?: string;
  exemption?: { label: string; share: number | null; waived: number };
  /** "Nộp trước khi giải quyết": the dossier is not processed until it is paid. */
  payBeforeProcessing?: boolean;
  legalBasis?: string;
}

export type StepOutcome = 'ahead' | 'on_time' | 'late' | null;

/** One hand-over of the dossier between units or agencies. */
export interface ControlSheetRow {
  /** "Tiếp nhận hồ sơ", "Thẩm định", "Phê duyệt" … */
  step: string;
  /** The unit or agency that receives the dossier at this step. */
  unit: string;
  handedAt: string;
  giver: string;
  receiver: string;
  dueAt?: string;
  outcome: StepOutcome;
  note?: string;
}

/** Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ. */
export interface ControlSheetForm extends FormHeader {
  form: '06';
  /** The number of the receipt (form 01) it travels with. */
  receiptNumber?: string;
  /** Who the dossier belongs to, if printed. */
  applicantName?: string;
  procedureName?: string;
  leadAgency: string;
  coordinatingAgencies: string[];
  appointmentAt: string;
  rows: ControlSheetRow[];
}

export interface TrackingBookRow {
  no: number;
  dossierCode: string;
  procedureName: string;
  sets: number;
  applicantName: string;
  addressAndPhone: string;
  leadAgency: string;
  receivedAt: string;
  appointmentAt: string;
  transferredAt?: string;
  resultBackAt?: string;
  returnedAt?: string;
  note?: string;
}

/**
 * Mẫu số 07: Sổ theo dõi hồ sơ (A4 landscape, many pages). A book lists many dossiers, so it has
 * no dossier code of its own; a QR code is printed only when a URL (the counter's page) is given.
 */
export interface TrackingBookForm extends Omit<FormHeader, 'dossierCode' | 'statusUrl'> {
  form: '07';
  statusUrl?: string;
  counterName: string;
  /** Plain dates `YYYY-MM-DD`, both included. */
  period: { from: string; to: string };
  rows: TrackingBookRow[];
}

export type FormDocument =
  | ReceiptForm
  | SupplementRequestForm
  | RefusalForm
  | ApologyForm
  | StopNoticeForm
  | ControlSheetForm
  | TrackingBookForm;

/**
 * A rendered form: its bytes, and where the issuing official's signature image goes when it is
 * signed (the blank between their title and their name; absent on a form without one, 06 and 07).
 */
export interface RenderedForm {
  pdf: Uint8Array;
  signatureSlot?: PageRect;
}
