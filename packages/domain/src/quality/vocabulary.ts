/**
 * Service quality (docs/rules/service-quality.md): the words shared by satisfaction ratings,
 * surveys, feedback and petitions, the service index of Decision 766/QĐ-TTg and reform plans.
 * Labels Vietnamese first.
 */

/**
 * The five groups of the service index (Decision 766/QĐ-TTg) and their points, 100 in all. The
 * indicators inside each group and their weights are versioned data (`service_index_versions`),
 * never constants: the decision does not publish its sub-indicator formulas.
 */
export const serviceIndexGroups = [
  { key: 'publicity', points: 18, vi: 'Công khai, minh bạch', en: 'Publicity and transparency' },
  { key: 'progress', points: 20, vi: 'Tiến độ, kết quả giải quyết', en: 'Progress and results' },
  { key: 'digitization', points: 22, vi: 'Số hóa hồ sơ', en: 'Digitization' },
  { key: 'online', points: 22, vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' },
  { key: 'satisfaction', points: 18, vi: 'Mức độ hài lòng', en: 'Satisfaction' },
] as const;
export type ServiceIndexGroup = (typeof serviceIndexGroups)[number]['key'];

/** Where a feedback or petition came in. */
export const feedbackChannels = ['portal', 'counter', 'phone', 'letter', 'email'] as const;
export type FeedbackChannel = (typeof feedbackChannels)[number];

/**
 * The life of a feedback: `received` → `assigned` (to the competent unit) → `answered`;
 * `waiting_sender` pauses the legal clock while the unit waits for the sender's details;
 * `refused` ends one that is not feedback (a complaint or a denunciation has its own procedure).
 */
export const feedbackStatuses = ['received', 'assigned', 'waiting_sender', 'answered', 'refused'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** Feedback is answered within 10 working days on the legal clock of the addressed agency. */
export const feedbackAnswerWorkingDays = 10;
