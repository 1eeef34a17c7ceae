import { describe, expect, it } from 'vitest';
import {
  defaultTemplates, notificationChannels, notificationKinds, renderTemplate, smsSegmentBudget, smsSize, templateIssues,
  type TemplateVariables,
} from '../../src/index.ts';

const code = '000.00.12.H40-261207-0007';
/** Values as long as real ones get: a province's portal, a long procedure name, a full date and time. */
const realistic: TemplateVariables = {
  code,
  link: `https://dichvucong.namdinh.gov.vn/tra-cuu/${code}`,
  procedureName: 'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  agencyName: 'Ủy ban nhân dân xã Giao Thủy',
  recipientName: 'Nguyễn Thị Thanh Hương',
  appointment: { vi: '15/12/2026 16:30', en: '15/12/2026 16:30' },
  reasons: { vi: '1. Bản sao giấy chứng sinh chưa chứng thực.\n2. Tờ khai thiếu chữ ký.', en: '1. The birth certificate copy is not certified.\n2. The form is not signed.' },
  reason: { vi: 'Cần xác minh thông tin cư trú tại địa phương khác', en: 'Residence must be verified with another commune' },
  newAppointment: { vi: '22/12/2026 16:30', en: '22/12/2026 16:30' },
  delivery: { vi: 'nhận tại Bộ phận Một cửa', en: 'collect it at the one-stop counter' },
  amount: { vi: '1.250.000 đồng', en: 'VND 1,250,000' },
  payBy: { vi: '10/12/2026 17:00', en: '10/12/2026 17:00' },
  payLink: `https://dichvucong.namdinh.gov.vn/thanh-toan/${code}`,
  otp: '482913',
  expiresAt: { vi: '07/12/2026 08:15', en: '07/12/2026 08:15' },
  stepName: { vi: 'Thẩm định hồ sơ', en: 'Review' },
  stepDueAt: { vi: '09/12/2026 17:00', en: '09/12/2026 17:00' },
  assignedBy: 'Lê Văn Cường',
  dueAt: { vi: '08/12/2026 17:00', en: '08/12/2026 17:00' },
  overdueSince: { vi: '08/12/2026 17:00', en: '08/12/2026 17:00' },
  handlerName: 'Trần Thị Bình',
  title: 'Đề nghị sửa chữa đoạn đường liên thôn bị sụt lún sau mưa lớn kéo dài',
  receivedAt: { vi: '02/02/2026 08:00', en: '02/02/2026 08:00' },
  answeredAt: { vi: '12/02/2026 15:30', en: '12/02/2026 15:30' },
  answer: { vi: 'Ủy ban nhân dân xã đã kiểm tra hiện trường và bố trí kinh phí sửa chữa trong tháng 3/2026.', en: 'The commune checked the road and set aside funds to repair it in March 2026.' },
  score: { vi: '1 – Rất không hài lòng', en: '1 – Very dissatisfied' },
  // As long as a comment gets in a message (`ratingCommentExcerpt`).
  comment: 'Cán bộ hẹn tôi ba lần mới trả kết quả, mỗi lần đến lại phải chờ rất lâu, không ai giải thích vì sao hồ sơ bị chậm và cũng không có thư xin lỗi gửi đến gia đì…',
  ratedAt: { vi: '16/12/2026 10:05', en: '16/12/2026 10:05' },
  surveyTitle: { vi: 'Khảo sát mức độ hài lòng quý III năm 2026', en: 'Satisfaction survey, third quarter of 2026' },
};

const all = notificationKinds.flatMap((kind) =>
  notificationChannels.flatMap((channel) => {
    const t = defaultTemplates[kind][channel];
    return t ? [{ kind, channel, t }] : [];
  }));

describe('default templates', () => {
  it('has an e-mail template with a subject for every kind, and an SMS and a chat one', () => {
    for (const kind of notificationKinds) {
      const t = defaultTemplates[kind];
      expect(t.email?.subject.vi, kind).toBeTruthy();
      expect(t.email?.subject.en, kind).toBeTruthy();
      expect(t.sms?.body.vi, kind).toBeTruthy();
      expect(t.chat?.body.vi, kind).toBeTruthy();
    }
  });

  it.each(all)('$kind by $channel uses only the variables its kind may use', ({ kind, t }) => {
    for (const text of [t.subject.vi, t.subject.en, t.body.vi, t.body.en]) expect(templateIssues(kind, text)).toEqual([]);
  });

  it.each(all.filter((x) => x.channel === 'email'))('the $kind e-mail names the dossier and links to it, in both languages', ({ kind, t }) => {
    for (const locale of ['vi', 'en'] as const) {
      const body = renderTemplate(t.body[locale], realistic, locale);
      expect(body, kind).toContain(code);
      // A code's message links nowhere; a survey invitation links to its questionnaire (the link it is given).
      if (kind !== 'confirmation_code') expect(body, kind).toContain(realistic.link as string);
      expect(body, kind).toContain('Giao Thủy');
      expect(renderTemplate(t.subject[locale], realistic, locale)).toContain(code);
    }
  });

  it.each(all.filter((x) => x.channel === 'sms'))('the $kind SMS fits two UCS-2 segments once filled', ({ kind, t }) => {
    for (const locale of ['vi', 'en'] as const) {
      const size = smsSize(renderTemplate(t.body[locale], realistic, locale));
      expect(size.segments, `${kind} ${locale}: ${size.units} units`).toBeLessThanOrEqual(smsSegmentBudget);
    }
    // Vietnamese SMS keep their diacritics.
    expect(smsSize(t.body.vi).encoding).toBe('ucs2');
  });

  it('says the SMS the applicant receives names the dossier through its link, the staff one through its code', () => {
    expect(renderTemplate(defaultTemplates.supplement_requested.sms!.body.vi, realistic, 'vi')).toContain(code);
    expect(renderTemplate(defaultTemplates.overdue.sms!.body.vi, realistic, 'vi')).toContain(code);
  });

  it('keeps chat messages short enough to read at a glance', () => {
    for (const { kind, channel, t } of all) {
      if (channel !== 'chat') continue;
      expect(renderTemplate(t.body.vi, realistic, 'vi').length, kind).toBeLessThanOrEqual(400);
    }
  });
});

describe('SMS size', () => {
  it('counts plain ASCII as GSM 7-bit and Vietnamese as UCS-2', () => {
    expect(smsSize('Ho so da co ket qua')).toEqual({ encoding: 'gsm7', units: 19, segments: 1 });
    expect(smsSize('Hồ sơ đã có kết quả').encoding).toBe('ucs2');
    expect(smsSize('đ'.repeat(70)).segments).toBe(1);
    expect(smsSize('đ'.repeat(71)).segments).toBe(2);
    expect(smsSize('đ'.repeat(134)).segments).toBe(2);
    expect(smsSize('đ'.repeat(135)).segments).toBe(3);
  });

  it('counts a decomposed accent as the composed letter the network sends', () => {
    expect(smsSize('Hồ'.normalize('NFD')).units).toBe(2);
  });
});
