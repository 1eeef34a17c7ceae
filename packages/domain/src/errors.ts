/**
 * The one error type of the product. Codes are stable and dotted (`dossier.not_found`); the HTTP
 * status is decided at the HTTP edge only. Every code has a Vietnamese and an English message.
 */
export const errorMessages = {
  'request.invalid': { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid' },
  'request.not_found': { vi: 'Không tìm thấy địa chỉ yêu cầu', en: 'No such route' },
  'request.too_large': { vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  'request.rate_limited': { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, please try again later' },
  'request.idempotency_conflict': {
    vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
    en: 'The Idempotency-Key was already used for a different request',
  },
  'internal.unexpected': { vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error, please try again later' },
  'auth.unauthenticated': { vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
  'auth.invalid_credentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  'auth.throttled': {
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau',
    en: 'Too many failed sign-in attempts, please try again later',
  },
  'auth.account_disabled': { vi: 'Tài khoản đã bị khóa', en: 'The account is disabled' },
  'auth.csrf_invalid': {
    vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF), vui lòng tải lại trang',
    en: 'Missing or invalid CSRF token, please reload the page',
  },
  'auth.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  'agency.not_found': { vi: 'Không tìm thấy cơ quan', en: 'Agency not found' },
  'user.not_found': { vi: 'Không tìm thấy tài khoản', en: 'User not found' },
  'bundle.invalid': {
    vi: 'Gói cấu hình không hợp lệ, không có thay đổi nào được lưu',
    en: 'The configuration bundle is invalid; nothing was changed',
  },
  'audit.immutable': { vi: 'Nhật ký không được sửa hoặc xóa', en: 'The audit log is append-only' },
  'procedure.not_found': { vi: 'Không tìm thấy thủ tục hành chính', en: 'Procedure not found' },
  'procedure.invalid': {
    vi: 'Thủ tục hành chính không hợp lệ, không có thay đổi nào được lưu',
    en: 'The procedure is invalid; nothing was changed',
  },
  'procedure.version_frozen': {
    vi: 'Nội dung một phiên bản thủ tục không được sửa hoặc xóa; hãy tạo phiên bản mới',
    en: 'A procedure version cannot be changed or deleted; add a new version',
  },
  'calendar.invalid_instant': {
    vi: 'Thời điểm không hợp lệ (cần dạng ISO 8601 có múi giờ, ví dụ 2025-03-04T09:00:00+07:00)',
    en: 'Invalid instant (expected ISO 8601 with an offset, e.g. 2025-03-04T09:00:00+07:00)',
  },
  'calendar.invalid_date': { vi: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD)', en: 'Invalid date (expected YYYY-MM-DD)' },
  'calendar.invalid_time_of_day': { vi: 'Giờ không hợp lệ (cần dạng HH:mm)', en: 'Invalid time of day (expected HH:mm)' },
  'calendar.invalid_lunar_date': { vi: 'Ngày âm lịch không tồn tại', en: 'No such lunar date' },
  'calendar.invalid_config': { vi: 'Cấu hình lịch làm việc không hợp lệ', en: 'Invalid working calendar configuration' },
  'calendar.invalid_schedule': { vi: 'Lịch nghỉ lễ không hợp lệ', en: 'Invalid holiday schedule' },
  'calendar.schedule_conflict': {
    vi: 'Lịch nghỉ lễ mâu thuẫn: một ngày vừa là ngày nghỉ vừa là ngày làm bù',
    en: 'Conflicting holiday schedule: a date is both a day off and a working day',
  },
  'calendar.invalid_duration': { vi: 'Thời hạn giải quyết không hợp lệ', en: 'Invalid processing time' },
  'calendar.invalid_pause': { vi: 'Khoảng tạm dừng không hợp lệ', en: 'Invalid pause interval' },
  'calendar.invalid_period': { vi: 'Kỳ báo cáo không hợp lệ', en: 'Invalid reporting period' },
  'calendar.out_of_range': { vi: 'Ngày nằm ngoài phạm vi lịch hỗ trợ', en: 'Date outside the supported calendar range' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages | (string & {});

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `applicant.name` or `line 12: dueAt`. */
  path: string;
  message: string;
}

export interface Messages {
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: Messages;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { messages?: Messages; issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const messages =
      options.messages ??
      (errorMessages as Record<string, Messages>)[code] ?? { vi: 'Lỗi: ' + code, en: 'Error: ' + code };
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.messages = messages;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
