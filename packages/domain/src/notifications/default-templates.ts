/**
 * The default wording of every message (docs/rules/notifications.md), in Vietnamese first with an
 * English translation. An administrator's version in `notification_templates` replaces one of
 * these; without it, these are sent. E-mails are letters of a public administration: they name
 * the dossier, the agency, what the person must do next, and link to the tracking page. An SMS in
 * Vietnamese is UCS-2 and stays within two segments (`smsSegments`) once filled: the applicant's
 * carry one sentence and the tracking link (which holds the code), the staff's the code alone
 * (staff find it in the console's inbox). Chat messages may say a little more.
 */
import type { NotificationChannel, NotificationKind } from './kinds.ts';

export interface TemplateText {
  subject: { vi: string; en: string };
  body: { vi: string; en: string };
}

export type DefaultTemplates = Record<NotificationKind, Partial<Record<NotificationChannel, TemplateText>>>;

const noSubject = { vi: '', en: '' };

/** Closing lines of every e-mail: the agency signs, and the mailbox is not read. */
const signature = {
  vi: '\n\nTrân trọng,\n{{agencyName}}\n\nThư này được gửi tự động từ hệ thống Một cửa điện tử, xin Ông/Bà không trả lời thư này.',
  en: '\n\nYours faithfully,\n{{agencyName}}\n\nThis message was sent automatically by the one-stop shop system; please do not reply to it.',
};

const staffSignature = {
  vi: '\n\nHệ thống Một cửa điện tử – {{agencyName}}',
  en: '\n\nOne-stop shop system – {{agencyName}}',
};

function email(subject: { vi: string; en: string }, body: { vi: string; en: string }, staff = false): TemplateText {
  const closing = staff ? staffSignature : signature;
  return { subject, body: { vi: body.vi + closing.vi, en: body.en + closing.en } };
}

const short = (vi: string, en: string): TemplateText => ({ subject: noSubject, body: { vi, en } });

export const defaultTemplates: DefaultTemplates = {
  dossier_received: {
    email: email(
      { vi: 'Tiếp nhận hồ sơ {{code}}', en: 'Dossier {{code}} received' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\n{{agencyName}} đã tiếp nhận hồ sơ thủ tục "{{procedureName}}" của Ông/Bà, mã hồ sơ {{code}}.\n\nThời gian hẹn trả kết quả: {{appointment}}.\n\nÔng/Bà có thể theo dõi tình trạng giải quyết hồ sơ tại địa chỉ: {{link}}\nKhi nhận kết quả, xin Ông/Bà mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.',
        en: 'Dear {{recipientName}},\n\n{{agencyName}} has received your dossier for the procedure "{{procedureName}}", dossier code {{code}}.\n\nThe result is due on: {{appointment}}.\n\nYou can follow the progress of your dossier at: {{link}}\nWhen you collect the result, please bring the receipt and your identity document.',
      },
    ),
    sms: short('Đã tiếp nhận hồ sơ, hẹn trả kết quả {{appointment}}. Tra cứu: {{link}}', 'Dossier received, result due {{appointment}}. Track: {{link}}'),
    chat: short(
      '{{agencyName}} đã tiếp nhận hồ sơ {{code}} ({{procedureName}}). Hẹn trả kết quả: {{appointment}}. Theo dõi hồ sơ: {{link}}',
      '{{agencyName}} received dossier {{code}} ({{procedureName}}). Result due: {{appointment}}. Track it: {{link}}',
    ),
  },
  supplement_requested: {
    email: email(
      { vi: 'Yêu cầu bổ sung hồ sơ {{code}}', en: 'Dossier {{code}}: documents to supplement' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\nHồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, của Ông/Bà chưa đầy đủ. {{agencyName}} đề nghị Ông/Bà bổ sung, hoàn thiện các nội dung sau:\n\n{{reasons}}\n\nXin Ông/Bà bổ sung hồ sơ trực tuyến hoặc tại Bộ phận Một cửa. Thời hạn giải quyết được tính lại từ khi nhận đủ hồ sơ bổ sung.\nChi tiết hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\nYour dossier for the procedure "{{procedureName}}", dossier code {{code}}, is incomplete. {{agencyName}} asks you to supplement the following:\n\n{{reasons}}\n\nPlease supplement the dossier online or at the one-stop counter. The time limit starts again once the complete supplement is received.\nDossier details: {{link}}',
      },
    ),
    sms: short('Hồ sơ cần bổ sung giấy tờ. Xem yêu cầu và bổ sung tại: {{link}}', 'Your dossier needs more documents. See what to add: {{link}}'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) cần bổ sung:\n{{reasons}}\nXin Ông/Bà bổ sung trực tuyến hoặc tại Bộ phận Một cửa. Chi tiết: {{link}}',
      'Dossier {{code}} ({{procedureName}}) needs:\n{{reasons}}\nPlease supplement it online or at the counter. Details: {{link}}',
    ),
  },
  apology: {
    email: email(
      { vi: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{code}}', en: 'Apology and new date for dossier {{code}}' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\n{{agencyName}} chân thành xin lỗi Ông/Bà vì hồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, chưa được giải quyết đúng hạn.\n\nLý do: {{reason}}\n\nThời gian hẹn trả kết quả mới: {{newAppointment}}.\n\nMong Ông/Bà thông cảm. Ông/Bà có thể theo dõi hồ sơ tại: {{link}}',
        en: 'Dear {{recipientName}},\n\n{{agencyName}} sincerely apologises that your dossier for the procedure "{{procedureName}}", dossier code {{code}}, was not resolved on time.\n\nReason: {{reason}}\n\nThe new date for the result: {{newAppointment}}.\n\nWe ask for your understanding. You can follow the dossier at: {{link}}',
      },
    ),
    sms: short('Xin lỗi vì hồ sơ chậm trả. Hẹn trả mới: {{newAppointment}}. {{link}}', 'Sorry for the delay. New date: {{newAppointment}}. Track: {{link}}'),
    chat: short(
      '{{agencyName}} xin lỗi vì hồ sơ {{code}} chưa giải quyết đúng hạn. Lý do: {{reason}}. Hẹn trả kết quả mới: {{newAppointment}}. Theo dõi: {{link}}',
      '{{agencyName}} apologises: dossier {{code}} is late. Reason: {{reason}}. New date: {{newAppointment}}. Track: {{link}}',
    ),
  },
  result_ready: {
    email: email(
      { vi: 'Hồ sơ {{code}} đã có kết quả', en: 'The result of dossier {{code}} is ready' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\nHồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, của Ông/Bà đã có kết quả giải quyết.\n\nCách nhận kết quả: {{delivery}}.\n\nKhi nhận kết quả tại Bộ phận Một cửa, xin Ông/Bà mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả cùng giấy tờ tùy thân.\nChi tiết hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\nThe result of your dossier for the procedure "{{procedureName}}", dossier code {{code}}, is ready.\n\nHow to receive it: {{delivery}}.\n\nWhen collecting it at the one-stop counter, please bring the receipt and your identity document.\nDossier details: {{link}}',
      },
    ),
    sms: short('Hồ sơ đã có kết quả. Cách nhận: {{delivery}}. {{link}}', 'Your result is ready. How to get it: {{delivery}}. {{link}}'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) đã có kết quả. Cách nhận: {{delivery}}. Chi tiết: {{link}}',
      'The result of dossier {{code}} ({{procedureName}}) is ready. How to get it: {{delivery}}. Details: {{link}}',
    ),
  },
  withdrawn: {
    email: email(
      { vi: 'Xác nhận rút hồ sơ {{code}}', en: 'Dossier {{code}} withdrawn' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\n{{agencyName}} xác nhận hồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, đã được rút theo đề nghị của Ông/Bà và dừng giải quyết.\n\nNếu Ông/Bà không đề nghị rút hồ sơ, xin liên hệ ngay Bộ phận Một cửa của {{agencyName}}.\nChi tiết hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\n{{agencyName}} confirms that your dossier for the procedure "{{procedureName}}", dossier code {{code}}, was withdrawn at your request and will not be processed further.\n\nIf you did not ask for this, please contact the one-stop counter of {{agencyName}} at once.\nDossier details: {{link}}',
      },
    ),
    sms: short('Hồ sơ đã được rút theo đề nghị của Ông/Bà. {{link}}', 'Your dossier was withdrawn as you asked. {{link}}'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) đã được rút theo đề nghị của Ông/Bà. Nếu Ông/Bà không đề nghị, xin liên hệ Bộ phận Một cửa. Chi tiết: {{link}}',
      'Dossier {{code}} ({{procedureName}}) was withdrawn at your request. If you did not ask for this, contact the counter. Details: {{link}}',
    ),
  },
  refused: {
    email: email(
      { vi: 'Thông báo từ chối giải quyết hồ sơ {{code}}', en: 'Dossier {{code}} refused' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\n{{agencyName}} thông báo hồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, của Ông/Bà không được giải quyết vì lý do sau:\n\n{{reasons}}\n\nÔng/Bà có thể nhận lại hồ sơ và văn bản từ chối tại Bộ phận Một cửa, hoặc xem chi tiết tại: {{link}}\nNếu không đồng ý, Ông/Bà có quyền khiếu nại theo quy định của pháp luật.',
        en: 'Dear {{recipientName}},\n\n{{agencyName}} informs you that your dossier for the procedure "{{procedureName}}", dossier code {{code}}, cannot be resolved, for the following reasons:\n\n{{reasons}}\n\nYou may collect your documents and the written refusal at the one-stop counter, or see the details at: {{link}}\nIf you disagree, you have the right to complain as the law provides.',
      },
    ),
    sms: short('Hồ sơ không được giải quyết. Xem lý do tại: {{link}}', 'Your dossier was refused. See the reasons: {{link}}'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) không được giải quyết. Lý do: {{reasons}}. Chi tiết và văn bản từ chối: {{link}}',
      'Dossier {{code}} ({{procedureName}}) was refused. Reasons: {{reasons}}. Details and the written refusal: {{link}}',
    ),
  },
  payment_due: {
    email: email(
      { vi: 'Thông báo nộp phí, lệ phí hồ sơ {{code}}', en: 'Fees to pay for dossier {{code}}' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\nĐể tiếp tục giải quyết hồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, đề nghị Ông/Bà nộp phí, lệ phí: {{amount}}.\n\nHạn nộp: {{payBy}}.\nNộp trực tuyến tại: {{payLink}}\nHoặc nộp trực tiếp tại Bộ phận Một cửa của {{agencyName}}.\n\nChi tiết hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\nTo continue with your dossier for the procedure "{{procedureName}}", dossier code {{code}}, please pay the fees: {{amount}}.\n\nPay by: {{payBy}}.\nPay online at: {{payLink}}\nor at the one-stop counter of {{agencyName}}.\n\nDossier details: {{link}}',
      },
    ),
    sms: short('Hồ sơ cần nộp phí {{amount}} trước {{payBy}}: {{payLink}}', 'Please pay {{amount}} by {{payBy}}: {{payLink}}'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) cần nộp phí, lệ phí {{amount}} trước {{payBy}}. Nộp trực tuyến: {{payLink}}',
      'Dossier {{code}} ({{procedureName}}): please pay {{amount}} by {{payBy}}. Pay online: {{payLink}}',
    ),
  },
  confirmation_code: {
    email: email(
      { vi: 'Mã xác nhận hồ sơ {{code}}', en: 'Confirmation code for dossier {{code}}' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\nMã xác nhận hồ sơ {{code}} do cán bộ {{agencyName}} chuẩn bị giúp Ông/Bà là: {{otp}}\n\nMã có hiệu lực đến {{expiresAt}}. Xin Ông/Bà chỉ đọc mã này cho cán bộ khi đồng ý với nội dung hồ sơ, và không cung cấp mã cho người khác.',
        en: 'Dear {{recipientName}},\n\nThe confirmation code for dossier {{code}}, prepared for you by the staff of {{agencyName}}, is: {{otp}}\n\nThe code is valid until {{expiresAt}}. Give it to the officer only if you agree with the dossier, and to no one else.',
      },
    ),
    sms: short('Mã xác nhận hồ sơ {{code}}: {{otp}}, hiệu lực đến {{expiresAt}}. Không đưa mã cho người khác.', 'Code for dossier {{code}}: {{otp}}, valid until {{expiresAt}}. Share it with no one else.'),
    chat: short(
      'Mã xác nhận hồ sơ {{code}} ({{agencyName}}): {{otp}}. Hiệu lực đến {{expiresAt}}. Không cung cấp mã cho người khác.',
      'Confirmation code for dossier {{code}} ({{agencyName}}): {{otp}}. Valid until {{expiresAt}}. Do not share it.',
    ),
  },
  survey_invitation: {
    email: email(
      { vi: 'Mời tham gia khảo sát mức độ hài lòng về hồ sơ {{code}}', en: 'Survey: how satisfied were you with dossier {{code}}?' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\n{{agencyName}} đang thực hiện "{{surveyTitle}}" để nâng cao chất lượng phục vụ. Hồ sơ thủ tục "{{procedureName}}", mã hồ sơ {{code}}, của Ông/Bà nằm trong số hồ sơ được chọn ngẫu nhiên để khảo sát.\n\nKính mời Ông/Bà dành vài phút trả lời phiếu khảo sát tại địa chỉ: {{link}}\n\nĐường dẫn dành riêng cho Ông/Bà và chỉ dùng được một lần. Ý kiến của Ông/Bà chỉ được dùng để tổng hợp, đánh giá chất lượng phục vụ.',
        en: 'Dear {{recipientName}},\n\n{{agencyName}} is conducting "{{surveyTitle}}" to improve its service. Your dossier for the procedure "{{procedureName}}", dossier code {{code}}, is among those drawn at random for the survey.\n\nPlease take a few minutes to answer the questionnaire at: {{link}}\n\nThe link is yours alone and works once. Your answers are used only to assess the quality of the service.',
      },
    ),
    sms: short('Mời Ông/Bà đánh giá sự hài lòng về hồ sơ đã giải quyết: {{link}}', 'Please tell us how satisfied you were with your dossier: {{link}}'),
    chat: short(
      '{{agencyName}} mời Ông/Bà tham gia "{{surveyTitle}}" về hồ sơ {{code}} ({{procedureName}}). Trả lời phiếu khảo sát (dùng một lần): {{link}}',
      '{{agencyName}} invites you to "{{surveyTitle}}" about dossier {{code}} ({{procedureName}}). Answer the questionnaire (works once): {{link}}',
    ),
  },
  assigned: {
    email: email(
      { vi: 'Hồ sơ {{code}} được giao cho đồng chí xử lý', en: 'Dossier {{code}} assigned to you' },
      {
        vi: 'Kính gửi đồng chí {{recipientName}},\n\n{{assignedBy}} đã giao đồng chí xử lý hồ sơ {{code}}, thủ tục "{{procedureName}}".\n\nBước xử lý: {{stepName}}.\nHạn xử lý bước: {{stepDueAt}}.\n\nĐề nghị đồng chí xử lý hồ sơ đúng hạn. Hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\n{{assignedBy}} has assigned dossier {{code}}, procedure "{{procedureName}}", to you.\n\nStep: {{stepName}}.\nStep due: {{stepDueAt}}.\n\nPlease handle it on time. Dossier: {{link}}',
      },
      true,
    ),
    sms: short('Đồng chí được giao xử lý hồ sơ {{code}}, bước {{stepName}}, hạn {{stepDueAt}}.', 'Dossier {{code}} assigned to you, step {{stepName}}, due {{stepDueAt}}.'),
    chat: short(
      'Đồng chí được {{assignedBy}} giao xử lý hồ sơ {{code}} ({{procedureName}}), bước "{{stepName}}", hạn {{stepDueAt}}. Hồ sơ: {{link}}',
      '{{assignedBy}} assigned dossier {{code}} ({{procedureName}}) to you, step "{{stepName}}", due {{stepDueAt}}. Dossier: {{link}}',
    ),
  },
  due_tomorrow: {
    email: email(
      { vi: 'Hồ sơ {{code}} đến hạn vào ngày làm việc tiếp theo', en: 'Dossier {{code}} is due on the next working day' },
      {
        vi: 'Kính gửi đồng chí {{recipientName}},\n\nHồ sơ {{code}}, thủ tục "{{procedureName}}", đến hạn trả kết quả vào {{dueAt}}, tức ngày làm việc tiếp theo.\n\nĐề nghị đồng chí hoàn thành việc giải quyết trước thời hạn; nếu không thể, đề nghị thực hiện thủ tục xin lỗi và hẹn lại ngày trả kết quả theo quy định. Hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\nDossier {{code}}, procedure "{{procedureName}}", is due on {{dueAt}}, the next working day.\n\nPlease resolve it before then; if that is not possible, send the applicant an apology with a new date as the rules require. Dossier: {{link}}',
      },
      true,
    ),
    sms: short('Hồ sơ {{code}} đến hạn {{dueAt}}. Đề nghị xử lý đúng hạn.', 'Dossier {{code}} is due {{dueAt}}. Please resolve it on time.'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) đến hạn trả kết quả vào {{dueAt}} (ngày làm việc tiếp theo). Đề nghị xử lý đúng hạn: {{link}}',
      'Dossier {{code}} ({{procedureName}}) is due {{dueAt}} (the next working day). Please resolve it on time: {{link}}',
    ),
  },
  overdue: {
    email: email(
      { vi: 'Hồ sơ {{code}} đã quá hạn', en: 'Dossier {{code}} is overdue' },
      {
        vi: 'Kính gửi đồng chí {{recipientName}},\n\nHồ sơ {{code}}, thủ tục "{{procedureName}}", có hạn trả kết quả {{dueAt}} và đã quá hạn từ {{overdueSince}}.\n\nĐề nghị đồng chí khẩn trương giải quyết và thực hiện việc xin lỗi, hẹn lại ngày trả kết quả cho người nộp hồ sơ theo quy định. Nếu hồ sơ vẫn quá hạn sau một ngày làm việc, lãnh đạo đơn vị sẽ được báo cáo. Hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\nDossier {{code}}, procedure "{{procedureName}}", was due {{dueAt}} and has been overdue since {{overdueSince}}.\n\nPlease resolve it without delay and send the applicant an apology with a new date as the rules require. If it is still overdue after one working day, the unit\'s leaders will be told. Dossier: {{link}}',
      },
      true,
    ),
    sms: short('Hồ sơ {{code}} đã quá hạn từ {{overdueSince}}. Đề nghị khẩn trương xử lý.', 'Dossier {{code}} overdue since {{overdueSince}}. Please act now.'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) đã quá hạn từ {{overdueSince}} (hạn {{dueAt}}). Đề nghị khẩn trương xử lý và xin lỗi người nộp: {{link}}',
      'Dossier {{code}} ({{procedureName}}) has been overdue since {{overdueSince}} (due {{dueAt}}). Please act and apologise to the applicant: {{link}}',
    ),
  },
  feedback_answered: {
    email: email(
      { vi: 'Trả lời phản ánh, kiến nghị {{code}}', en: 'Answer to your feedback {{code}}' },
      {
        vi: 'Kính gửi Ông/Bà {{recipientName}},\n\n{{agencyName}} trả lời phản ánh, kiến nghị "{{title}}" của Ông/Bà, mã {{code}}, ngày {{answeredAt}}:\n\n{{answer}}\n\nÔng/Bà có thể xem tình trạng phản ánh, kiến nghị tại: {{link}}',
        en: 'Dear {{recipientName}},\n\n{{agencyName}} answers your feedback "{{title}}", code {{code}}, on {{answeredAt}}:\n\n{{answer}}\n\nYou can see its status at: {{link}}',
      },
    ),
    sms: short('Phản ánh, kiến nghị của Ông/Bà đã được trả lời. Xem tại: {{link}}', 'Your feedback has been answered. See: {{link}}'),
    chat: short(
      '{{agencyName}} đã trả lời phản ánh, kiến nghị {{code}} ("{{title}}") ngày {{answeredAt}}. Xem tại: {{link}}',
      '{{agencyName}} answered your feedback {{code}} ("{{title}}") on {{answeredAt}}. See: {{link}}',
    ),
  },
  feedback_overdue: {
    email: email(
      { vi: 'Phản ánh, kiến nghị {{code}} đã quá hạn trả lời', en: 'Feedback {{code}} is past its answer date' },
      {
        vi: 'Kính gửi đồng chí {{recipientName}},\n\nPhản ánh, kiến nghị {{code}} "{{title}}", tiếp nhận ngày {{receivedAt}}, có hạn trả lời {{dueAt}} (10 ngày làm việc) và đến nay chưa được trả lời.\n\nĐề nghị đồng chí chỉ đạo trả lời người gửi. Phản ánh, kiến nghị: {{link}}',
        en: 'Dear {{recipientName}},\n\nFeedback {{code}} "{{title}}", received on {{receivedAt}}, was to be answered by {{dueAt}} (10 working days) and has not been answered yet.\n\nPlease see that the sender is answered. Feedback: {{link}}',
      },
      true,
    ),
    sms: short('Phản ánh, kiến nghị {{code}} đã quá hạn trả lời ({{dueAt}}). Đề nghị chỉ đạo.', 'Feedback {{code}} is past its answer date ({{dueAt}}). Please act.'),
    chat: short(
      'Phản ánh, kiến nghị {{code}} ("{{title}}") đã quá hạn trả lời từ {{dueAt}}. Đề nghị chỉ đạo trả lời: {{link}}',
      'Feedback {{code}} ("{{title}}") has been past its answer date since {{dueAt}}. Please see it answered: {{link}}',
    ),
  },
  escalated: {
    email: email(
      { vi: 'Báo cáo hồ sơ {{code}} quá hạn', en: 'Overdue dossier {{code}} reported to you' },
      {
        vi: 'Kính gửi đồng chí {{recipientName}},\n\nHồ sơ {{code}}, thủ tục "{{procedureName}}", do {{handlerName}} xử lý, có hạn trả kết quả {{dueAt}} và đã quá hạn từ {{overdueSince}}, quá một ngày làm việc mà chưa được giải quyết.\n\nĐề nghị đồng chí chỉ đạo xử lý hồ sơ. Hồ sơ: {{link}}',
        en: 'Dear {{recipientName}},\n\nDossier {{code}}, procedure "{{procedureName}}", handled by {{handlerName}}, was due {{dueAt}} and has been overdue since {{overdueSince}}, more than one working day, without being resolved.\n\nPlease see that it is dealt with. Dossier: {{link}}',
      },
      true,
    ),
    sms: short('Hồ sơ {{code}} do {{handlerName}} xử lý đã quá hạn từ {{overdueSince}}. Đề nghị chỉ đạo.', 'Dossier {{code}} ({{handlerName}}) overdue since {{overdueSince}}. Please act.'),
    chat: short(
      'Hồ sơ {{code}} ({{procedureName}}) do {{handlerName}} xử lý đã quá hạn từ {{overdueSince}} (hạn {{dueAt}}), quá một ngày làm việc. Đề nghị chỉ đạo: {{link}}',
      'Dossier {{code}} ({{procedureName}}) handled by {{handlerName}} has been overdue since {{overdueSince}} (due {{dueAt}}), over one working day. Please act: {{link}}',
    ),
  },
  low_rating: {
    email: email(
      { vi: 'Hồ sơ {{code}} bị đánh giá {{score}}', en: 'Dossier {{code}} rated {{score}}' },
      {
        vi: 'Kính gửi đồng chí {{recipientName}},\n\nNgười nộp hồ sơ {{code}}, thủ tục "{{procedureName}}", đã đánh giá mức độ hài lòng: {{score}} (lúc {{ratedAt}}).\n\nÝ kiến của người dân: {{comment}}\n\nĐề nghị đồng chí xem xét, chỉ đạo khắc phục và đánh dấu đã xử lý tại: {{link}}',
        en: 'Dear {{recipientName}},\n\nThe applicant of dossier {{code}}, procedure "{{procedureName}}", rated the service: {{score}} (at {{ratedAt}}).\n\nTheir comment: {{comment}}\n\nPlease look into it, see that it is put right, and mark it handled at: {{link}}',
      },
      true,
    ),
    sms: short('Hồ sơ {{code}} bị người dân đánh giá {{score}}. Đề nghị xem và xử lý.', 'Dossier {{code}} was rated {{score}} by its applicant. Please look into it.'),
    chat: short(
      'Hồ sơ {{code}} bị người dân đánh giá {{score}}. Ý kiến: {{comment}}. Đề nghị xem và xử lý: {{link}}',
      'Dossier {{code}} was rated {{score}} by its applicant. Comment: {{comment}}. Please look into it: {{link}}',
    ),
  },
};
