/**
 * The dossier's transition table (docs/rules/dossier-lifecycle.md; Decree 118/2025 art. 17–22): for each action, the
 * statuses it may start from, the status it leads to, who may take it and what it must carry.
 * The server refuses anything else; the console asks the same table which buttons to show.
 */
import { staffRoles } from '../access/actor.ts';
import type { DossierStatus } from './statuses.ts';

/** Who acts: a staff role, the applicant (citizen), or the system (imports, schedulers). */
export const actorRoles = [...staffRoles, 'citizen', 'system'] as const;
export type ActorRole = (typeof actorRoles)[number];

/** The regulated forms (Circular 03/2025 Annex I): 01 receipt … 07 tracking book. */
export const dossierFormNumbers = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type DossierFormNumber = (typeof dossierFormNumbers)[number];

export interface ActionRule {
  /** Statuses the action may be taken from; `null` creates the dossier. */
  from: ReadonlyArray<DossierStatus | null>;
  /** The status after the action; `'same'` keeps the current one. */
  to: DossierStatus | 'same';
  /** Roles that may take it. `step` means: the role of the dossier's current workflow step. */
  by: ReadonlyArray<ActorRole | 'step'>;
  /** The regulated form the action issues (Circular 03/2025 Annex I); its log row records it. */
  form?: DossierFormNumber;
  /**
   * The action hands the dossier over from one person or unit to the next (Decree 118/2025 art. 18):
   * a row of the control sheet (form 06) with the due time of the step it closes.
   */
  handsOn?: boolean;
  /** Reasons the applicant must be told (a list, printed on the form). */
  needsReasons?: boolean;
  /** A free-text note is mandatory. */
  needsNote?: boolean;
  labels: { vi: string; en: string };
}

export const actionRules = {
  submit: {
    from: [null, 'draft'], to: 'submitted', by: ['citizen', 'officer'],
    labels: { vi: 'Nộp hồ sơ', en: 'Submit' },
  },
  prepare: {
    // Assisted online filing: an officer or a community helper prepares an online dossier for the
    // applicant; nothing is submitted until the applicant confirms it (docs/rules/assisted-filing.md).
    from: [null], to: 'awaiting_confirmation', by: ['officer', 'helper'],
    labels: { vi: 'Chuẩn bị hồ sơ nộp hộ trực tuyến', en: 'Prepare an online dossier for the applicant' },
  },
  confirm: {
    // The applicant confirms the prepared dossier (signed in with the e-ID or with a one-time code):
    // it is submitted online from that instant, and an officer receives it as any online dossier.
    from: ['awaiting_confirmation'], to: 'submitted', by: ['citizen'],
    labels: { vi: 'Người nộp xác nhận nộp hồ sơ', en: 'Confirmed by the applicant' },
  },
  discard_preparation: {
    // A prepared dossier nobody confirms does not linger: whoever prepared it discards it, or the
    // maintenance sweep after a number of days (docs/rules/assisted-filing.md). The server lets
    // only the preparer take it (dossiers.policies.ts `rolesForAction`).
    from: ['awaiting_confirmation'], to: 'discarded', by: ['officer', 'helper', 'system'],
    labels: { vi: 'Hủy hồ sơ chuẩn bị nộp hộ', en: 'Discard the prepared dossier' },
  },
  import: {
    // History from a previous system: submitted and received at the recorded instant (docs/interfaces.md).
    from: [null], to: 'received', by: ['system'],
    labels: { vi: 'Nhập từ hệ thống cũ (đã tiếp nhận)', en: 'Imported (received)' },
  },
  receive: {
    from: ['submitted'], to: 'received', by: ['officer'], form: '01',
    labels: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
  },
  request_completion: {
    // Incomplete at intake: not received, no clock starts; every missing item is listed (form 02).
    from: ['submitted'], to: 'draft', by: ['officer'], form: '02', needsReasons: true,
    labels: { vi: 'Yêu cầu bổ sung, hoàn thiện trước khi tiếp nhận', en: 'Ask to complete before reception' },
  },
  refuse: {
    from: ['submitted'], to: 'refused', by: ['officer'], form: '03', needsReasons: true,
    labels: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
  },
  transfer: {
    // Decree 118/2025 art. 18: hand the dossier to the competent unit with the control sheet.
    from: ['received'], to: 'processing', by: ['officer'], handsOn: true,
    labels: { vi: 'Chuyển xử lý', en: 'Transfer for processing' },
  },
  assign: {
    from: ['processing'], to: 'same', by: ['leader'],
    labels: { vi: 'Phân công', en: 'Assign' },
  },
  forward: {
    from: ['processing'], to: 'same', by: ['step'], handsOn: true,
    labels: { vi: 'Chuyển bước tiếp theo', en: 'Forward to the next step' },
  },
  send_back: {
    from: ['processing'], to: 'same', by: ['step', 'leader'], handsOn: true, needsNote: true,
    labels: { vi: 'Trả lại bước trước', en: 'Send back to the previous step' },
  },
  request_supplement: {
    from: ['processing'], to: 'supplement_requested', by: ['step', 'leader'], form: '02', needsReasons: true,
    labels: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  },
  submit_supplement: {
    // The applicant sends the missing papers online; the clock stays stopped until an officer
    // checks and receives them (`receive_supplement`), as at the counter (Decree 118/2025 art. 19).
    from: ['supplement_requested'], to: 'same', by: ['citizen'],
    labels: { vi: 'Nộp bổ sung trực tuyến', en: 'Supplement submitted online' },
  },
  receive_supplement: {
    from: ['supplement_requested'], to: 'processing', by: ['officer'],
    labels: { vi: 'Tiếp nhận hồ sơ bổ sung', en: 'Receive the supplement' },
  },
  pause: {
    from: ['processing'], to: 'paused', by: ['leader'], needsNote: true,
    labels: { vi: 'Tạm dừng giải quyết', en: 'Suspend' },
  },
  resume: {
    from: ['paused'], to: 'processing', by: ['leader'],
    labels: { vi: 'Tiếp tục giải quyết', en: 'Resume' },
  },
  apologize: {
    // Allowed once; the dossier still counts as overdue (docs/rules/dossier-lifecycle.md, "The steps in law").
    from: ['received', 'processing', 'supplement_requested', 'paused'], to: 'same', by: ['leader', 'officer'], form: '04', needsNote: true,
    labels: { vi: 'Xin lỗi và hẹn lại ngày trả', en: 'Apologise and set a new date' },
  },
  attach_result: {
    // The electronic result (docs/rules/results.md): the specialist uploads or generates it; it gets
    // its verification QR and waits for the competent person's signature. Replaced freely until signed.
    from: ['processing', 'resolved'], to: 'same', by: ['specialist', 'leader'],
    labels: { vi: 'Đính kèm kết quả điện tử', en: 'Attach the electronic result' },
  },
  sign_result: {
    // The leader signs the attached result (or the refusal decision) with their own key, then with
    // the agency's seal (Decree 30/2020 art. 8 and Annex I; docs/rules/results.md).
    from: ['processing', 'resolved', 'rejected'], to: 'same', by: ['leader'],
    labels: { vi: 'Ký số kết quả', en: 'Sign the result' },
  },
  resolve: {
    from: ['processing'], to: 'resolved', by: ['step', 'leader'], handsOn: true,
    labels: { vi: 'Có kết quả', en: 'Result ready' },
  },
  reject: {
    // A refusal after processing is a written answer with reasons on form 03, "Phiếu từ chối tiếp
    // nhận, giải quyết hồ sơ" (Circular 03/2025 Annex I), which covers refusal at intake and refusal
    // to resolve alike; here it is signed by the competent person (docs/rules/dossier-lifecycle.md).
    from: ['processing'], to: 'rejected', by: ['leader'], form: '03', handsOn: true, needsReasons: true,
    labels: { vi: 'Từ chối giải quyết (có văn bản)', en: 'Refusal decision' },
  },
  return_result: {
    // "Returned" means delivered (docs/rules/results.md): handed over or posted by the counter, or
    // downloaded by the applicant — recorded by their first download, as the citizen or the system.
    from: ['resolved', 'rejected'], to: 'returned', by: ['officer', 'citizen', 'system'],
    labels: { vi: 'Trả kết quả', en: 'Return the result' },
  },
  withdraw: {
    // Decree 118/2025 art. 21: the applicant may ask to stop before a result exists (form 05).
    from: ['submitted', 'received', 'processing', 'supplement_requested', 'paused'], to: 'withdrawn', by: ['officer', 'citizen'], form: '05',
    labels: { vi: 'Dừng xử lý theo đề nghị', en: 'Stop at the applicant’s request' },
  },
  record_digitization: {
    from: ['submitted', 'received', 'processing', 'supplement_requested', 'paused', 'resolved', 'rejected'], to: 'same', by: ['officer', 'specialist'],
    labels: { vi: 'Cập nhật số hóa', en: 'Record digitization' },
  },
} as const satisfies Record<string, ActionRule>;

export type DossierAction = keyof typeof actionRules;
export const dossierActionNames = Object.keys(actionRules) as DossierAction[];

/** Actions only the applicant takes (online, with the dossier's access secret): never a staff button. */
export const citizenOnlyActions = dossierActionNames.filter((a) => {
  const by: ReadonlyArray<string> = actionRules[a].by;
  return by.length > 0 && by.every((r) => r === 'citizen');
});

/** Actions that create a dossier (taken from no status): never a button on an existing dossier. */
export const creationActions = dossierActionNames.filter((a) => (actionRules[a].from as ReadonlyArray<DossierStatus | null>).includes(null));

/** The form an action issues, from the table (undefined when it issues none). */
export function formIssuedBy(action: string): DossierFormNumber | undefined {
  return (actionRules as Record<string, ActionRule>)[action]?.form;
}

/** True when the action hands the dossier on to the next person or unit (a row of form 06). */
export function handsOn(action: string): boolean {
  return Boolean((actionRules as Record<string, ActionRule>)[action]?.handsOn);
}

/**
 * The forms a dossier with this log can print: each form an action of the log issued, and the
 * control sheet (06) once the dossier was received (it is rebuilt from the log on demand).
 */
export function formsAvailable(actions: Iterable<string>): DossierFormNumber[] {
  const done = new Set(actions);
  const issued = new Set<DossierFormNumber>();
  for (const action of done) {
    const form = formIssuedBy(action);
    if (form) issued.add(form);
  }
  if (done.has('receive')) issued.add('06');
  return dossierFormNumbers.filter((f) => issued.has(f));
}
