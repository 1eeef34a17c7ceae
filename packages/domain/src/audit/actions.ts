/**
 * Every action the audit trail records, with its label in Vietnamese and English, so the trail
 * never shows a raw key such as `auth.signed_in`. The server's audit writer takes only these
 * (`AuditAction`), so a new action cannot be recorded without a label. Dossier actions
 * (`dossier.receive`…) take the label of the transition table.
 */
import { actionRules, type DossierAction } from '../dossier/actions.ts';
import { feedbackActions, type FeedbackAction } from '../quality/feedback.ts';
import { officeActions, type OfficeAction } from '../office/workflow.ts';

type Label = { vi: string; en: string };

const feedbackLabels: Record<'receive' | 'view_refused' | FeedbackAction, Label> = {
  receive: { vi: 'Phản ánh: tiếp nhận', en: 'Feedback: received' },
  view_refused: { vi: 'Phản ánh: từ chối xem (sai mã)', en: 'Feedback: viewing refused (wrong code)' },
  assign: { vi: 'Phản ánh: giao xử lý', en: 'Feedback: assigned' },
  ask_sender: { vi: 'Phản ánh: đề nghị người gửi bổ sung', en: 'Feedback: sender asked for more' },
  resume: { vi: 'Phản ánh: tiếp tục xử lý', en: 'Feedback: resumed' },
  answer: { vi: 'Phản ánh: trả lời', en: 'Feedback: answered' },
  refuse: { vi: 'Phản ánh: từ chối tiếp nhận', en: 'Feedback: refused' },
  publish: { vi: 'Phản ánh: công khai kết quả', en: 'Feedback: answer published' },
};

const documentLabels: Record<'draft' | 'register' | OfficeAction, Label> = {
  draft: { vi: 'Văn bản: soạn thảo', en: 'Document: drafted' },
  register: { vi: 'Văn bản: vào sổ', en: 'Document: registered' },
  approve: { vi: 'Văn bản: duyệt', en: 'Document: approved' },
  send_back: { vi: 'Văn bản: trả lại', en: 'Document: sent back' },
  sign: { vi: 'Văn bản: ký', en: 'Document: signed' },
  issue: { vi: 'Văn bản: ban hành', en: 'Document: issued' },
  route: { vi: 'Văn bản: chuyển xử lý', en: 'Document: routed' },
  handle: { vi: 'Văn bản: xử lý xong', en: 'Document: handled' },
};

/** Actions outside the dossier, feedback and document workflows. */
export const auditActionLabels = {
  'auth.signed_in': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.signed_out': { vi: 'Đăng xuất', en: 'Signed out' },
  'auth.sign_in_failed': { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  'auth.sign_in_throttled': { vi: 'Đăng nhập bị tạm chặn', en: 'Sign-in throttled' },
  'auth.sign_in_refused_disabled': { vi: 'Đăng nhập bằng tài khoản đã khóa', en: 'Sign-in with a disabled account' },
  'auth.citizen_signed_in': { vi: 'Người dân đăng nhập (VNeID)', en: 'Citizen signed in (e-ID)' },
  'auth.citizen_signed_out': { vi: 'Người dân đăng xuất', en: 'Citizen signed out' },
  'auth.citizen_sign_in_refused': { vi: 'Từ chối đăng nhập của người dân', en: 'Citizen sign-in refused' },
  'auth.citizen_session_ended': { vi: 'Kết thúc phiên của người dân', en: 'Citizen session ended' },
  'agency.created': { vi: 'Thêm cơ quan', en: 'Agency created' },
  'agency.updated': { vi: 'Sửa thông tin cơ quan', en: 'Agency updated' },
  'agency.counter_added': { vi: 'Thêm quầy tiếp nhận', en: 'Counter added' },
  'agency.unit_added': { vi: 'Thêm phòng ban', en: 'Unit added' },
  'agency.calendar_set': { vi: 'Đặt lịch làm việc', en: 'Working calendar set' },
  'calendar.schedule_loaded': { vi: 'Nạp lịch nghỉ lễ', en: 'Holiday schedule loaded' },
  'user.created': { vi: 'Tạo tài khoản', en: 'Account created' },
  'user.updated': { vi: 'Sửa tài khoản', en: 'Account updated' },
  'user.disabled': { vi: 'Khóa tài khoản', en: 'Account disabled' },
  'user.enabled': { vi: 'Mở khóa tài khoản', en: 'Account enabled' },
  'user.roles_changed': { vi: 'Đổi vai trò', en: 'Roles changed' },
  'user.password_reset': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'citizen.notification_preferences_changed': { vi: 'Người dân đổi cách nhận thông báo', en: 'Citizen changed notification preferences' },
  'dossier.created': { vi: 'Hồ sơ: tiếp nhận, nộp mới', en: 'Dossier: received or submitted' },
  'dossier.rated': { vi: 'Hồ sơ: đánh giá mức độ hài lòng', en: 'Dossier: satisfaction rated' },
  'dossier.rating_refused': { vi: 'Hồ sơ: từ chối đánh giá', en: 'Dossier: rating refused' },
  'dossier.confirmation_code_sent': { vi: 'Hồ sơ: gửi mã xác nhận cho người nộp', en: 'Dossier: confirmation code sent' },
  'dossier.confirmation_code_refused': { vi: 'Hồ sơ: mã xác nhận không đúng', en: 'Dossier: confirmation code refused' },
  'dossier.confirmation_code_locked': { vi: 'Hồ sơ: khóa mã xác nhận (nhập sai nhiều lần)', en: 'Dossier: confirmation code locked' },
  'procedure.created': { vi: 'Thủ tục: công bố mới', en: 'Procedure: published' },
  'procedure.amended': { vi: 'Thủ tục: sửa đổi, bổ sung', en: 'Procedure: amended' },
  'procedure.abolished': { vi: 'Thủ tục: bãi bỏ', en: 'Procedure: abolished' },
  'procedure.replaced': { vi: 'Thủ tục: thay thế', en: 'Procedure: replaced' },
  'procedure.code_verified': { vi: 'Thủ tục: xác nhận mã', en: 'Procedure: code verified' },
  'setup.bundle_loaded': { vi: 'Nạp gói cấu hình', en: 'Configuration bundle loaded' },
  'maintenance.expired_swept': { vi: 'Xóa phiên đăng nhập và tệp tải lên đã hết hạn', en: 'Expired sessions and uploads removed' },
  'survey.created': { vi: 'Khảo sát: tạo mới', en: 'Survey: created' },
  'survey.updated': { vi: 'Khảo sát: sửa', en: 'Survey: updated' },
  'survey.deleted': { vi: 'Khảo sát: xóa', en: 'Survey: deleted' },
  'survey.opened': { vi: 'Khảo sát: mở', en: 'Survey: opened' },
  'survey.closed': { vi: 'Khảo sát: đóng', en: 'Survey: closed' },
  'survey.invitations_printed': { vi: 'Khảo sát: in phiếu mời', en: 'Survey: invitations printed' },
  'survey.answered': { vi: 'Khảo sát: người dân trả lời', en: 'Survey: answered' },
  'survey.answer_entered': { vi: 'Khảo sát: nhập phiếu giấy', en: 'Survey: paper answer entered' },
  'rating_alert.handled': { vi: 'Đánh giá thấp: đã khắc phục', en: 'Low rating: handled' },
  'service_index.version_created': { vi: 'Bộ chỉ số phục vụ: phiên bản mới', en: 'Service index: new version' },
  'external_figure.entered': { vi: 'Chỉ số bên ngoài: nhập', en: 'External figure entered' },
  'external_figure.deleted': { vi: 'Chỉ số bên ngoài: xóa', en: 'External figure deleted' },
  'reform_plan.create': { vi: 'Kế hoạch cải cách: tạo mới', en: 'Reform plan: created' },
  'reform_plan.update': { vi: 'Kế hoạch cải cách: sửa', en: 'Reform plan: updated' },
  'reform_task.create': { vi: 'Nhiệm vụ cải cách: tạo mới', en: 'Reform task: created' },
  'reform_task.update': { vi: 'Nhiệm vụ cải cách: sửa', en: 'Reform task: updated' },
  'reform_task.progress': { vi: 'Nhiệm vụ cải cách: cập nhật tiến độ', en: 'Reform task: progress' },
  'reform_task.complete': { vi: 'Nhiệm vụ cải cách: hoàn thành', en: 'Reform task: completed' },
  'reform_task.reopen': { vi: 'Nhiệm vụ cải cách: mở lại', en: 'Reform task: reopened' },
  'fee.payment': { vi: 'Phí, lệ phí: thu', en: 'Fee: paid' },
  'fee.refund': { vi: 'Phí, lệ phí: hoàn trả', en: 'Fee: refunded' },
  'fee.waiver': { vi: 'Phí, lệ phí: miễn, giảm', en: 'Fee: waived' },
  'fee.reversal': { vi: 'Phí, lệ phí: hủy khoản đã ghi', en: 'Fee: entry reversed' },
  'payment.order_started': { vi: 'Thanh toán trực tuyến: khởi tạo', en: 'Online payment started' },
  'notification.resent': { vi: 'Thông báo: gửi lại', en: 'Notification resent' },
  'notification_template.saved': { vi: 'Mẫu thông báo: lưu', en: 'Notification template saved' },
  'notification_template.reset': { vi: 'Mẫu thông báo: khôi phục mặc định', en: 'Notification template reset' },
  'signing_key.created': { vi: 'Khóa ký số: tạo mới', en: 'Signing key created' },
  'signing_trust_anchor.created': { vi: 'Chứng thư gốc tin cậy: thêm', en: 'Trust anchor added' },
  'signed_document.sign': { vi: 'Ký số văn bản', en: 'Document signed digitally' },
  'data_store.lookup': { vi: 'Tra cứu kho dữ liệu của người dân', en: 'Citizen data store looked up' },
} as const satisfies Record<string, Label>;

export type AuditAction =
  | keyof typeof auditActionLabels
  | `dossier.${DossierAction}`
  | `feedback.${keyof typeof feedbackLabels}`
  | `document.${keyof typeof documentLabels}`;

/** The label of an audit action; undefined for an action this version does not know (an old row). */
export function auditActionLabel(action: string): Label | undefined {
  if (action in auditActionLabels) return auditActionLabels[action as keyof typeof auditActionLabels];
  const dot = action.indexOf('.');
  const [scope, name] = [action.slice(0, dot), action.slice(dot + 1)];
  if (scope === 'dossier' && name in actionRules) {
    const labels = actionRules[name as DossierAction].labels;
    return { vi: `Hồ sơ: ${labels.vi}`, en: `Dossier: ${labels.en}` };
  }
  if (scope === 'feedback' && name in feedbackLabels) return feedbackLabels[name as keyof typeof feedbackLabels];
  if (scope === 'document' && name in documentLabels) return documentLabels[name as keyof typeof documentLabels];
  return undefined;
}

/** Every action with a label, for tests and the audit filter. */
export const knownAuditActions: readonly string[] = [
  ...Object.keys(auditActionLabels),
  ...Object.keys(actionRules).map((a) => `dossier.${a}`),
  ...['receive', 'view_refused', ...feedbackActions].map((a) => `feedback.${a}`),
  ...['draft', 'register', ...officeActions].map((a) => `document.${a}`),
];
