/**
 * The one error type of the product. Codes are stable and dotted (`dossier.not_found`). Each code
 * is declared once, here, with the HTTP status it answers with and its Vietnamese and English
 * message; a code that is not in this catalogue does not type-check, and the HTTP edge never
 * guesses a status from a code's wording.
 */
export interface ErrorDefinition {
  /** The HTTP status of the problem+json answer (RFC 9457). */
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  vi: string;
  en: string;
}

export const errorCatalogue = {
  'request.invalid': { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid' },
  'request.not_found': { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu', en: 'No such route' },
  'request.too_large': { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  'request.rate_limited': { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, please try again later' },
  'request.idempotency_conflict': {
    status: 409,
    vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
    en: 'The Idempotency-Key was already used for a different request',
  },
  'internal.unexpected': { status: 500, vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error, please try again later' },
  'auth.unauthenticated': { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
  'auth.invalid_credentials': { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  'auth.throttled': {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau',
    en: 'Too many failed sign-in attempts, please try again later',
  },
  'auth.account_disabled': { status: 403, vi: 'Tài khoản đã bị khóa', en: 'The account is disabled' },
  'auth.csrf_invalid': {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ (thiếu mã CSRF), vui lòng tải lại trang',
    en: 'Missing or invalid CSRF token, please reload the page',
  },
  'auth.forbidden': { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  'signing_key.not_found': {
    status: 409,
    vi: 'Chưa có khóa ký số (chứng thư số) cho người ký hoặc cơ quan này',
    en: 'No signing key (certificate) is configured for this signer or agency',
  },
  'signing_key.unreadable': {
    status: 500,
    vi: 'Không mở được khóa ký số đã lưu (sai mật khẩu bảo vệ khóa?)',
    en: 'The stored signing key cannot be opened (wrong key passphrase?)',
  },
  'signing_key.remote_not_configured': {
    status: 503,
    vi: 'Chưa kết nối dịch vụ ký số từ xa hoặc thiết bị HSM',
    en: 'No remote signing service or HSM is configured',
  },
  'timestamp.unavailable': {
    status: 503,
    vi: 'Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian',
    en: 'The time-stamp authority did not give a valid time-stamp',
  },
  'citizen_sign_in.unavailable': {
    status: 503,
    vi: 'Chưa thể đăng nhập bằng tài khoản định danh điện tử lúc này, vui lòng thử lại sau',
    en: 'Signing in with the e-ID is not available right now, please try again later',
  },
  'citizen_sign_in.state_invalid': {
    status: 400,
    vi: 'Phiên đăng nhập không hợp lệ, đã hết hạn hoặc đã được dùng; vui lòng đăng nhập lại',
    en: 'The sign-in is unknown, expired or already used; please sign in again',
  },
  'citizen_sign_in.provider_error': {
    status: 400,
    vi: 'Hệ thống định danh điện tử không xác nhận việc đăng nhập',
    en: 'The e-ID provider did not confirm the sign-in',
  },
  'citizen_sign_in.token_refused': {
    status: 400,
    vi: 'Không xác thực được thông tin đăng nhập từ hệ thống định danh điện tử',
    en: 'The e-ID provider’s answer could not be verified',
  },
  'citizen_sign_in.claims_invalid': {
    status: 400,
    vi: 'Thông tin định danh nhận được không hợp lệ (số định danh cá nhân, mức định danh…)',
    en: 'The identity received is invalid (personal ID number, e-ID level…)',
  },
  'agency.not_found': { status: 404, vi: 'Không tìm thấy cơ quan', en: 'Agency not found' },
  'user.not_found': { status: 404, vi: 'Không tìm thấy tài khoản', en: 'User not found' },
  'bundle.invalid': {
    status: 400,
    vi: 'Gói cấu hình không hợp lệ, không có thay đổi nào được lưu',
    en: 'The configuration bundle is invalid; nothing was changed',
  },
  'audit.immutable': { status: 409, vi: 'Nhật ký không được sửa hoặc xóa', en: 'The audit log is append-only' },
  'procedure.not_found': { status: 404, vi: 'Không tìm thấy thủ tục hành chính', en: 'Procedure not found' },
  'procedure.invalid': {
    status: 400,
    vi: 'Thủ tục hành chính không hợp lệ, không có thay đổi nào được lưu',
    en: 'The procedure is invalid; nothing was changed',
  },
  'procedure.version_frozen': {
    status: 409,
    vi: 'Nội dung một phiên bản thủ tục không được sửa hoặc xóa; hãy tạo phiên bản mới',
    en: 'A procedure version cannot be changed or deleted; add a new version',
  },
  'calendar.invalid_instant': {
    status: 400,
    vi: 'Thời điểm không hợp lệ (cần dạng ISO 8601 có múi giờ, ví dụ 2025-03-04T09:00:00+07:00)',
    en: 'Invalid instant (expected ISO 8601 with an offset, e.g. 2025-03-04T09:00:00+07:00)',
  },
  'calendar.invalid_date': { status: 400, vi: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD)', en: 'Invalid date (expected YYYY-MM-DD)' },
  'calendar.invalid_time_of_day': { status: 400, vi: 'Giờ không hợp lệ (cần dạng HH:mm)', en: 'Invalid time of day (expected HH:mm)' },
  'calendar.invalid_lunar_date': { status: 400, vi: 'Ngày âm lịch không tồn tại', en: 'No such lunar date' },
  'calendar.invalid_config': { status: 400, vi: 'Cấu hình lịch làm việc không hợp lệ', en: 'Invalid working calendar configuration' },
  'calendar.invalid_schedule': { status: 400, vi: 'Lịch nghỉ lễ không hợp lệ', en: 'Invalid holiday schedule' },
  'calendar.schedule_conflict': {
    status: 400,
    vi: 'Lịch nghỉ lễ mâu thuẫn: một ngày vừa là ngày nghỉ vừa là ngày làm bù',
    en: 'Conflicting holiday schedule: a date is both a day off and a working day',
  },
  'calendar.invalid_duration': { status: 400, vi: 'Thời hạn giải quyết không hợp lệ', en: 'Invalid processing time' },
  'calendar.invalid_pause': { status: 400, vi: 'Khoảng tạm dừng không hợp lệ', en: 'Invalid pause interval' },
  'calendar.invalid_period': { status: 400, vi: 'Kỳ báo cáo không hợp lệ', en: 'Invalid reporting period' },
  'calendar.out_of_range': { status: 400, vi: 'Ngày nằm ngoài phạm vi lịch hỗ trợ', en: 'Date outside the supported calendar range' },
  'agency.already_exists': { status: 409, vi: 'Mã cơ quan đã tồn tại', en: 'The agency code already exists' },
  'counter.not_found': { status: 404, vi: 'Không tìm thấy bộ phận một cửa', en: 'Counter not found' },
  'counter.already_exists': { status: 409, vi: 'Mã bộ phận một cửa đã có trong cơ quan này', en: 'The counter code is already used in this agency' },
  'unit.already_exists': { status: 409, vi: 'Mã đơn vị đã có trong cơ quan này', en: 'The unit code is already used in this agency' },
  'user.already_exists': { status: 409, vi: 'Tên đăng nhập đã được sử dụng', en: 'The username is already taken' },
  'user.self_change_not_allowed': {
    status: 400,
    vi: 'Không thể tự khóa, tự đổi vai trò hoặc tự đặt lại mật khẩu cho tài khoản của chính mình; hãy nhờ một quản trị viên khác',
    en: 'You cannot disable, change the roles of or reset the password of your own account; ask another administrator',
  },
  'procedure.not_implemented_here': { status: 400, vi: 'Thủ tục không thuộc thẩm quyền của cơ quan này', en: 'The procedure is not handled by this agency' },
  'dossier.not_found': { status: 404, vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' },
  'dossier.invalid_code': { status: 400, vi: 'Mã hồ sơ không đúng định dạng', en: 'Not a dossier code' },
  'dossier.transition_not_allowed': { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ', en: 'This action is not allowed in the dossier’s current status' },
  'dossier.fee_unpaid': { status: 409, vi: 'Hồ sơ chưa nộp phí, lệ phí phải nộp trước khi giải quyết', en: 'The fee due before processing has not been paid' },
  'dossier.missing_components': { status: 400, vi: 'Hồ sơ còn thiếu thành phần bắt buộc', en: 'Required components are missing' },
  'dossier.invalid_target_agency': { status: 400, vi: 'Cơ quan nhận không phù hợp', en: 'The receiving agency does not match the chain' },
  'dossier.target_agency_required': { status: 400, vi: 'Cần chọn cơ quan phối hợp để chuyển hồ sơ liên thông', en: 'Choose the agency to hand the inter-agency dossier to' },
  'dossier.form_not_issued': { status: 404, vi: 'Hồ sơ chưa có mẫu này', en: 'This form has not been issued for the dossier' },
  'dossier.verified_field_changed': {
    status: 400,
    vi: 'Thông tin người nộp đã được xác thực qua định danh điện tử (VNeID) và không được sửa',
    en: 'The applicant’s details were verified by the e-ID (VNeID) and cannot be changed',
  },
  'declaration.invalid': { status: 400, vi: 'Tờ khai chưa hợp lệ, vui lòng kiểm tra các mục được đánh dấu', en: 'The declaration is invalid; check the marked fields' },
  'declaration.not_found': { status: 404, vi: 'Hồ sơ không có tờ khai điện tử', en: 'The dossier has no e-form declaration' },
  'dossier.access_denied': { status: 403, vi: 'Mã bảo mật của hồ sơ không đúng', en: 'Wrong security code for this dossier' },
  'rating.too_early': { status: 409, vi: 'Chỉ đánh giá được khi hồ sơ đã có kết quả', en: 'A dossier can be rated once it has a result' },
  'rating.already_rated': {
    status: 409,
    vi: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần; xin cảm ơn Ông/Bà',
    en: 'This dossier has already been rated. Each dossier is rated once; thank you',
  },
  'rating.proof_required': {
    status: 401,
    vi: 'Cần mã bảo mật của hồ sơ hoặc mã QR đánh giá in trên giấy tiếp nhận, phiếu trả kết quả để đánh giá',
    en: 'Rating needs the dossier’s security code or the rating QR code printed on the receipt or the result slip',
  },
  'rating.proof_invalid': {
    status: 403,
    vi: 'Mã bảo mật hoặc mã đánh giá không đúng hoặc đã được sử dụng',
    en: 'The security code or rating code is wrong or was already used',
  },
  'rating_alert.not_found': { status: 404, vi: 'Không tìm thấy cảnh báo đánh giá', en: 'No such rating alert' },
  'rating_alert.already_handled': {
    status: 409,
    vi: 'Cảnh báo đánh giá này đã được đánh dấu xử lý',
    en: 'This rating alert was already marked handled',
  },
  'preparation.proof_required': {
    status: 401,
    vi: 'Cần mã xác nhận 6 chữ số đã gửi đến điện thoại hoặc thư điện tử của người nộp, hoặc đăng nhập bằng VNeID',
    en: 'Confirming needs the six-digit code sent to the applicant’s phone or e-mail, or signing in with the e-ID',
  },
  'preparation.code_invalid': { status: 403, vi: 'Mã xác nhận không đúng', en: 'Wrong confirmation code' },
  'preparation.code_expired': {
    status: 403,
    vi: 'Mã xác nhận đã hết hạn; đề nghị cán bộ gửi mã mới hoặc đăng nhập bằng VNeID',
    en: 'The confirmation code has expired; ask for a new code or sign in with the e-ID',
  },
  'preparation.code_locked': {
    status: 403,
    vi: 'Đã nhập sai mã xác nhận quá số lần cho phép; đề nghị cán bộ gửi mã mới hoặc đăng nhập bằng VNeID',
    en: 'Too many wrong confirmation codes; ask for a new code or sign in with the e-ID',
  },
  'preparation.not_applicant': {
    status: 403,
    vi: 'Hồ sơ được chuẩn bị cho người khác: chỉ người nộp hồ sơ mới xác nhận được',
    en: 'This dossier was prepared for someone else: only its applicant may confirm it',
  },
  'preparation.declaration_mismatch': {
    status: 409,
    vi: 'Tờ khai đã chuẩn bị khác với thông tin định danh điện tử (VNeID) của bạn; đề nghị người chuẩn bị hồ sơ hủy và chuẩn bị lại',
    en: 'The prepared declaration differs from your e-ID; ask whoever prepared it to discard it and prepare it again',
  },
  'preparation.no_destination': {
    status: 400,
    vi: 'Cần số điện thoại hoặc thư điện tử của người nộp để gửi mã xác nhận',
    en: 'The applicant’s phone or e-mail is needed to send the confirmation code',
  },
  'file.not_found': { status: 404, vi: 'Không tìm thấy tệp', en: 'File not found' },
  'file.too_large': { status: 413, vi: 'Tệp vượt quá dung lượng cho phép', en: 'The file is too large' },
  'file.unsupported_type': { status: 415, vi: 'Tệp không phải PDF, JPEG hoặc PNG hợp lệ', en: 'Not a valid PDF, JPEG or PNG file' },
  'file.not_claimable': { status: 400, vi: 'Tệp đính kèm không hợp lệ hoặc đã được sử dụng', en: 'An attached file is unknown, already used, or not yours' },
  'signed_document.not_found': { status: 404, vi: 'Không tìm thấy văn bản điện tử', en: 'Signed document not found' },
  'signed_document.unreadable_pdf': { status: 422, vi: 'Không đọc được tệp PDF (tệp hỏng hoặc được mã hóa)', en: 'The PDF cannot be read (damaged or encrypted)' },
  'signed_document.signature_not_allowed': {
    status: 409,
    vi: 'Văn bản không ở trạng thái chờ chữ ký này',
    en: 'The document is not waiting for this signature',
  },
  'signed_document.file_access_denied': {
    status: 403,
    vi: 'Tệp văn bản chỉ được tải khi có mã bảo mật của hồ sơ',
    en: 'The file is available only with the dossier’s security code',
  },
  'stored_document.not_found': { status: 404, vi: 'Không tìm thấy giấy tờ trong kho dữ liệu', en: 'Document not found in the data store' },
  'stored_document.not_usable': {
    status: 400,
    vi: 'Giấy tờ trong kho dữ liệu không dùng được cho thành phần hồ sơ này (không đúng loại, hết hiệu lực hoặc không phải của người nộp)',
    en: 'The stored document cannot be used for this component (wrong kind, expired, or not the applicant’s)',
  },
  'stored_document.sign_in_required': {
    status: 401,
    vi: 'Cần đăng nhập bằng tài khoản định danh điện tử để dùng giấy tờ trong kho dữ liệu',
    en: 'Sign in with your e-ID to use documents from your data store',
  },
  'office.document_not_found': { status: 404, vi: 'Không tìm thấy văn bản', en: 'Document not found' },
  'office.transition_not_allowed': {
    status: 409,
    vi: 'Không thể thực hiện bước này ở trạng thái hiện tại của văn bản',
    en: 'This step is not allowed in the document’s current state',
  },
  'office.register_busy': {
    status: 409,
    vi: 'Sổ văn bản đang được cấp số cho văn bản khác, vui lòng thử lại',
    en: 'The register is giving numbers to other documents; please try again',
  },
  'office.invalid_number': { status: 400, vi: 'Số văn bản phải là số nguyên dương', en: 'A document number is a positive integer' },
  'office.invalid_symbol': { status: 400, vi: 'Thiếu chữ viết tắt tên cơ quan trong ký hiệu văn bản', en: 'The symbol needs the agency’s abbreviation' },
  'office.drafting_unit_required': {
    status: 400,
    vi: 'Công văn cần đơn vị soạn thảo để ghi ký hiệu (ví dụ UBND-VP)',
    en: 'A letter needs its drafting unit for its symbol (e.g. UBND-VP)',
  },
  'office.unit_not_found': { status: 400, vi: 'Đơn vị không thuộc cơ quan của văn bản', en: 'The unit is not one of the document’s agency' },
  'office.invalid_deadline': {
    status: 400,
    vi: 'Thời hạn xử lý phải từ 1 đến 60 ngày làm việc',
    en: 'The handling time must be 1 to 60 working days',
  },
  'feedback.not_found': { status: 404, vi: 'Không tìm thấy phản ánh, kiến nghị', en: 'Feedback not found' },
  'feedback.invalid_code': { status: 400, vi: 'Mã phản ánh, kiến nghị không đúng định dạng (ví dụ PAKN-260207-K7QM3X)', en: 'Not a feedback code (e.g. PAKN-260207-K7QM3X)' },
  'feedback.transition_not_allowed': {
    status: 409,
    vi: 'Không thể thực hiện bước này ở trạng thái hiện tại của phản ánh, kiến nghị',
    en: 'This step is not allowed in the feedback’s current state',
  },
  'feedback.publish_not_allowed': {
    status: 409,
    vi: 'Chỉ công khai câu trả lời khi người gửi đồng ý công khai, và chỉ một lần',
    en: 'An answer is published only when the sender agreed, and only once',
  },
  'feedback.access_denied': {
    status: 403,
    vi: 'Mã bảo mật của phản ánh, kiến nghị không đúng',
    en: 'Wrong security code for this feedback',
  },
  // Administrative-reform plans (docs/rules/reform-plans.md).
  'reform.plan_not_found': { status: 404, vi: 'Không tìm thấy kế hoạch cải cách hành chính', en: 'Reform plan not found' },
  'reform.task_not_found': { status: 404, vi: 'Không tìm thấy nhiệm vụ', en: 'Task not found' },
  'reform.evidence_not_found': { status: 404, vi: 'Không tìm thấy tài liệu kiểm chứng', en: 'Evidence file not found' },
  'reform.unit_outside_plan': {
    status: 400,
    vi: 'Đơn vị chủ trì, phối hợp phải là phòng, ban của cơ quan ban hành kế hoạch hoặc cơ quan trực thuộc',
    en: 'Lead and coordinating units must be units of the plan’s agency or agencies under it',
  },
  'reform.invalid_deadline': {
    status: 400,
    vi: 'Thời hạn hoàn thành phải trong năm của kế hoạch hoặc năm sau',
    en: 'The deadline must fall in the plan’s year or the next',
  },
  'reform.date_in_future': { status: 400, vi: 'Ngày báo cáo, ngày hoàn thành không được sau ngày hôm nay', en: 'The date cannot be after today' },
  'reform.task_completed': { status: 409, vi: 'Nhiệm vụ đã hoàn thành', en: 'The task is already done' },
  'reform.task_not_completed': { status: 409, vi: 'Nhiệm vụ chưa có kết quả hoàn thành', en: 'The task has no recorded result' },
  'report.invalid_period': { status: 400, vi: 'Ngày kết thúc phải sau ngày bắt đầu', en: 'The period must end after it starts' },
  'fee.nothing_outstanding': { status: 409, vi: 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp', en: 'Nothing is owed on this dossier' },
  'fee.amount_exceeds_outstanding': {
    status: 422,
    vi: 'Số tiền lớn hơn số phí, lệ phí còn phải nộp',
    en: 'The amount is more than what is still owed',
  },
  'fee.refund_exceeds_paid': { status: 422, vi: 'Số tiền hoàn trả lớn hơn số tiền đã thu chưa hoàn trả', en: 'The refund is more than what was paid and not yet refunded' },
  'fee.entry_not_found': { status: 404, vi: 'Không tìm thấy bút toán phí, lệ phí của hồ sơ', en: 'No such fee entry on this dossier' },
  'fee.already_reversed': { status: 409, vi: 'Bút toán này đã được hủy', en: 'This entry has already been reversed' },
  'fee.not_reversible': { status: 409, vi: 'Không thể hủy bút toán này', en: 'This entry cannot be reversed' },
  'fee.receipt_not_found': { status: 404, vi: 'Không tìm thấy biên lai thu phí, lệ phí', en: 'No such fee receipt' },
  'document.invalid': { status: 400, vi: 'Dữ liệu của biểu mẫu không hợp lệ', en: 'The form data is invalid' },
  'notification.not_found': { status: 404, vi: 'Không tìm thấy tin nhắn thông báo', en: 'Notification not found' },
  'notification.receipt_signature_invalid': {
    status: 401,
    vi: 'Báo cáo phát tin thiếu chữ ký, sai chữ ký hoặc đã quá hạn',
    en: 'The delivery receipt’s signature is missing, wrong or stale',
  },
  'notification.resend_not_allowed': {
    status: 409,
    vi: 'Chỉ gửi lại được thông báo đã gửi, đã nhận hoặc gửi thất bại (không gửi lại mã xác nhận)',
    en: 'Only a sent, delivered or failed message can be sent again (never a confirmation code)',
  },
  'notification_template.not_found': { status: 404, vi: 'Không có mẫu thông báo cho loại và kênh này', en: 'No notification template for this kind and channel' },
  'notification_template.invalid': {
    status: 400,
    vi: 'Mẫu thông báo dùng biến không được phép hoặc thiếu dấu {{ }}',
    en: 'The template uses a variable that is not allowed, or its {{ }} are unbalanced',
  },
  'payment.unavailable': { status: 503, vi: 'Chưa hỗ trợ thanh toán trực tuyến, vui lòng nộp phí tại bộ phận một cửa', en: 'Online payment is not available; please pay at the counter' },
  'payment.nothing_owed': { status: 409, vi: 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp', en: 'Nothing is owed on this dossier' },
  'payment.order_pending': {
    status: 409,
    vi: 'Đang có một giao dịch thanh toán khác chưa kết thúc, vui lòng thử lại sau ít phút',
    en: 'Another payment of this dossier is still under way; please try again in a few minutes',
  },
  'payment.order_not_found': { status: 404, vi: 'Không tìm thấy giao dịch thanh toán', en: 'Payment not found' },
  // Satisfaction surveys and external figures (docs/rules/service-quality.md).
  'survey.not_found': { status: 404, vi: 'Không tìm thấy cuộc khảo sát', en: 'Survey not found' },
  'survey.invalid': { status: 400, vi: 'Nội dung cuộc khảo sát chưa hợp lệ, vui lòng kiểm tra các mục được đánh dấu', en: 'The survey is invalid; check the marked fields' },
  'survey.not_draft': { status: 409, vi: 'Chỉ sửa hoặc xóa được cuộc khảo sát còn là bản nháp', en: 'Only a draft survey can be changed or deleted' },
  'survey.transition_not_allowed': { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của cuộc khảo sát', en: 'The survey cannot take this step in its current state' },
  'survey.period_not_over': {
    status: 409,
    vi: 'Chỉ mở khảo sát khi kỳ khảo sát đã kết thúc (mẫu được chọn từ hồ sơ đã kết thúc trong kỳ)',
    en: 'A survey opens once its period is over (the sample is drawn from the dossiers closed in it)',
  },
  'survey.empty_sample': { status: 409, vi: 'Không có hồ sơ nào kết thúc trong kỳ tại các đơn vị được khảo sát', en: 'No dossier closed in the period at the surveyed agencies' },
  'survey.invitation_not_found': { status: 404, vi: 'Không tìm thấy phiếu khảo sát', en: 'Survey invitation not found' },
  'survey.token_invalid': {
    status: 403,
    vi: 'Đường dẫn hoặc mã khảo sát không đúng, hoặc đã được sử dụng',
    en: 'The survey link or code is wrong or was already used',
  },
  'survey.closed': { status: 409, vi: 'Cuộc khảo sát đã kết thúc, không nhận thêm ý kiến', en: 'The survey is closed and takes no more answers' },
  'survey.already_answered': { status: 409, vi: 'Phiếu khảo sát này đã được trả lời', en: 'This survey invitation has already been answered' },
  'survey.invalid_answers': { status: 400, vi: 'Phiếu trả lời chưa hợp lệ, vui lòng kiểm tra các câu được đánh dấu', en: 'The answers are invalid; check the marked questions' },
  'external_figure.not_found': { status: 404, vi: 'Không tìm thấy số liệu', en: 'Figure not found' },
  'external_figure.invalid_agency': {
    status: 400,
    vi: 'Chỉ số SIPAS và PAR Index được nhập cho cấp tỉnh hoặc cấp huyện',
    en: 'SIPAS and PAR Index figures are entered for a province or a district',
  },
} as const satisfies Record<string, ErrorDefinition>;

/** Every error code the product can answer with. */
export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The catalogue entry of a code; throws for a string that is not one (a programming error). */
export function errorDefinition(code: string): ErrorDefinition {
  const definition = (errorCatalogue as Record<string, ErrorDefinition>)[code];
  if (!definition) throw new Error(`unknown error code: ${code}`);
  return definition;
}

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `applicant.name` or `line 12: dueAt`. */
  path: string;
  message: string;
  /** The message in both languages, when it is meant for the person who filled the field (e-form declarations). */
  messages?: Messages | undefined;
}

export interface Messages {
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ErrorDefinition['status'];
  readonly messages: Messages;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: { messages?: Messages; issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    const definition = errorDefinition(code);
    const messages = options.messages ?? { vi: definition.vi, en: definition.en };
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = definition.status;
    this.messages = messages;
    this.issues = options.issues ?? [];
    this.details = options.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
