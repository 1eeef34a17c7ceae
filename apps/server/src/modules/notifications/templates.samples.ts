/** The values a template preview is rendered with: a plausible dossier at a commune of the demo province. */
import type { TemplateVariables } from '@motcua/domain';

const code = '000.00.12.H40-261207-0007';

export function sampleVariables(publicBaseUrl: string): TemplateVariables {
  const base = publicBaseUrl.replace(/\/$/, '');
  return {
    code,
    link: `${base}/tra-cuu/${code}`,
    procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    agencyName: { vi: 'Ủy ban nhân dân xã Giao Thủy', en: 'Giao Thủy Commune People’s Committee' },
    recipientName: 'Nguyễn Thị Thanh Hương',
    appointment: '15/12/2026 16:30',
    reasons: { vi: '1. Bản sao giấy chứng sinh chưa chứng thực.\n2. Tờ khai thiếu chữ ký.', en: '1. The birth certificate copy is not certified.\n2. The form is not signed.' },
    reason: { vi: 'Cần xác minh thông tin cư trú tại địa phương khác', en: 'Residence must be verified with another commune' },
    newAppointment: '22/12/2026 16:30',
    delivery: { vi: 'nhận tại Bộ phận Một cửa', en: 'collect it at the one-stop counter' },
    amount: { vi: '1.250.000 đồng', en: 'VND 1,250,000' },
    payBy: '10/12/2026 17:00',
    payLink: `${base}/thanh-toan/${code}`,
    otp: '482913',
    expiresAt: '07/12/2026 08:15',
    stepName: { vi: 'Thẩm định hồ sơ', en: 'Review' },
    stepDueAt: '09/12/2026 17:00',
    assignedBy: 'Lê Văn Cường',
    dueAt: '08/12/2026 17:00',
    overdueSince: '08/12/2026 17:00',
    handlerName: 'Trần Thị Bình',
    title: { vi: 'Đề nghị sửa chữa đường liên thôn bị sụt lún', en: 'Please repair the sunken road between the hamlets' },
    receivedAt: '02/12/2026 08:00',
    answeredAt: '11/12/2026 15:30',
    answer: {
      vi: 'Ủy ban nhân dân xã đã kiểm tra hiện trường và bố trí kinh phí sửa chữa trong tháng 01/2027.',
      en: 'The commune checked the road and has set aside funds to repair it in January 2027.',
    },
    surveyTitle: { vi: 'Khảo sát mức độ hài lòng quý III năm 2026', en: 'Satisfaction survey, third quarter of 2026' },
    score: { vi: '2 – Không hài lòng', en: '2 – Dissatisfied' },
    comment: { vi: 'Phải đi lại nhiều lần; Trả kết quả trễ hẹn', en: 'Too many trips; Result was late' },
    ratedAt: '16/12/2026 10:05',
  };
}
