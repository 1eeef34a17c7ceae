/**
 * The statuses of a dossier (docs/rules/dossier-lifecycle.md), their citizen-facing labels and the national status codes
 * used to synchronise with the national portal.
 */
export const dossierStatuses = [
  'draft',
  'awaiting_confirmation',
  'submitted',
  'received',
  'processing',
  'supplement_requested',
  'paused',
  'resolved',
  'rejected',
  'returned',
  'refused',
  'withdrawn',
  'discarded',
] as const;
export type DossierStatus = (typeof dossierStatuses)[number];

/** Labels shown to citizens and staff, Vietnamese first. */
export const statusLabels: Record<DossierStatus, { vi: string; en: string }> = {
  // A dossier not (yet) received: being drafted online, or returned at intake to be completed (form 02).
  draft: { vi: 'Chờ hoàn thiện hồ sơ', en: 'Awaiting completion' },
  // Prepared for the applicant by an officer or a community helper (assisted online filing): not
  // submitted until the applicant confirms it, so never received, never on a clock, in no statistic.
  awaiting_confirmation: { vi: 'Chờ người nộp xác nhận', en: 'Awaiting the applicant’s confirmation' },
  submitted: { vi: 'Chờ tiếp nhận', en: 'Awaiting reception' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  supplement_requested: { vi: 'Chờ bổ sung', en: 'Supplement requested' },
  paused: { vi: 'Tạm dừng', en: 'Suspended' },
  resolved: { vi: 'Đã có kết quả', en: 'Result ready' },
  rejected: { vi: 'Đã có kết quả (từ chối giải quyết)', en: 'Result ready (refusal decision)' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Not received' },
  withdrawn: { vi: 'Đã dừng xử lý (rút hồ sơ)', en: 'Stopped at the applicant’s request' },
  // A prepared dossier (assisted filing) the applicant never confirmed, discarded by whoever prepared
  // it or by the maintenance sweep: never submitted, so never received and in no statistic.
  discarded: { vi: 'Đã hủy (người nộp không xác nhận)', en: 'Discarded (never confirmed by the applicant)' },
};

/**
 * National status codes (docs/rules/dossier-lifecycle.md): 1 submitted online · 2 received · 3 not received ·
 * 4 processing · 5 supplement requested · 6 financial obligation requested · 7 withdrawal
 * requested · 8 processing stopped · 9 result ready · 10 result returned.
 */
export const nationalStatusCode: Record<DossierStatus, number | null> = {
  draft: null,
  awaiting_confirmation: null,
  submitted: 1,
  received: 2,
  refused: 3,
  processing: 4,
  // A legally allowed suspension is still "being processed" for the national portal.
  paused: 4,
  supplement_requested: 5,
  withdrawn: 8,
  discarded: null,
  resolved: 9,
  rejected: 9,
  returned: 10,
};

/** Statuses in which the dossier has a result (national status 9 or 10). */
export const resultStatuses: ReadonlySet<DossierStatus> = new Set(['resolved', 'rejected', 'returned']);

/** Statuses after which nothing more happens. */
export const finalStatuses: ReadonlySet<DossierStatus> = new Set(['returned', 'refused', 'withdrawn', 'discarded']);

/** Statuses during which the legal clock is stopped (docs/rules/time.md, "Pauses"). */
export const clockStoppedStatuses: ReadonlySet<DossierStatus> = new Set(['supplement_requested', 'paused']);

/**
 * Statuses in which the dossier's clock is closed: a result exists or nothing more happens. Nothing
 * that happens later counts against the appointment.
 */
export const closedStatuses: ReadonlySet<DossierStatus> = new Set([...resultStatuses, ...finalStatuses]);

/**
 * Statuses of a dossier not submitted (yet): being completed, prepared and awaiting the applicant's
 * confirmation, or discarded without it.
 */
export const unsubmittedStatuses: ReadonlySet<DossierStatus> = new Set(['draft', 'awaiting_confirmation', 'discarded']);

/** Statuses that still wait for staff: submitted and not final (a result still to be returned included). */
export const openStatuses: ReadonlySet<DossierStatus> = new Set(dossierStatuses.filter((s) => !unsubmittedStatuses.has(s) && !finalStatuses.has(s)));

/** A status group as a list, e.g. for `status IN (…)` in SQL (`sql.join` or a kysely `in`). */
export const statusList = (group: ReadonlySet<DossierStatus>): DossierStatus[] => dossierStatuses.filter((s) => group.has(s));
