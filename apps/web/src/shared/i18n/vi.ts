/**
 * Vietnamese UI strings: the source language. Its shape is the type every other language must
 * match (see `en.ts`) and the type `t()` checks keys against (see `i18next.d.ts`).
 * Plural keys carry `_one`/`_other`; Vietnamese has no plural forms, so only `_other` is used.
 * The dossier screens' strings live in `parts/` (one file a feature) and are assembled here.
 */
import { citizenVi } from './parts/citizen.vi.ts';
import { adminVi } from './parts/admin.vi.ts';
import { dossierPageVi, homeCountsVi, inboxVi } from './parts/console.vi.ts';
import { dossierVi, timeVi, uploadVi } from './parts/dossier.vi.ts';
import { assistedVi } from './parts/assisted.vi.ts';
import { eformVi } from './parts/eform.vi.ts';
import { intakeVi } from './parts/intake.vi.ts';
import { changesVi, feeScheduleVi, lookupVi, procedureVi, ratingVi, submitVi } from './parts/portal.vi.ts';
import { reportsVi } from './parts/reports.vi.ts';
import { reportReuseVi } from './parts/reportReuse.vi.ts';
import { reportFeesVi } from './parts/reportFees.vi.ts';
import { serviceIndexVi } from './parts/serviceIndex.vi.ts';
import { myDocumentsVi } from './parts/myDocuments.vi.ts';
import { myDossiersVi } from './parts/myDossiers.vi.ts';
import { paymentsVi } from './parts/payments.vi.ts';
import { feesVi } from './parts/fees.vi.ts';
import { dataStoreVi } from './parts/dataStore.vi.ts';
import { verificationVi } from './parts/verification.vi.ts';
import { documentsVi } from './parts/documents.vi.ts';
import { notificationsVi } from './parts/notifications.vi.ts';
import { feedbackVi } from './parts/feedback.vi.ts';
import { ratingsVi } from './parts/ratings.vi.ts';
import { externalFiguresVi, surveysVi } from './parts/surveys.vi.ts';
import { reformVi } from './parts/reform.vi.ts';
import { errorsVi } from './parts/errors.vi.ts';

export const vi = {
  app: {
    name: 'Motcua',
    tagline: 'Dịch vụ công một cửa',
    pageTitle: '{{page}} — Motcua',
  },
  common: {
    search: 'Tìm kiếm',
    retry: 'Thử lại',
    loading: 'Đang tải…',
    backHome: 'Về trang chủ',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    requestId: 'Mã yêu cầu: {{id}}',
    cancel: 'Hủy',
    clear: 'Xóa nội dung',
    close: 'Đóng',
    pages: { previous: 'Trang trước', next: 'Trang sau', first: 'Trang đầu', last: 'Trang cuối', page: 'Trang {{page}}' },
  },
  citizen: citizenVi,
  time: timeVi,
  assisted: assistedVi,
  upload: uploadVi,
  dossier: dossierVi,
  myDossiers: myDossiersVi,
  payments: paymentsVi,
  fees: feesVi,
  eform: eformVi,
  documents: documentsVi,
  notifications: notificationsVi,
  feedback: feedbackVi,
  ratings: ratingsVi,
  reform: reformVi,
  language: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
    short: { vi: 'VI', en: 'EN' },
  },
  errors: errorsVi,
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Địa chỉ bạn mở không tồn tại hoặc đã được chuyển đi. Vui lòng kiểm tra lại đường dẫn.',
  },
  portal: {
    title: 'Cổng dịch vụ công một cửa',
    demoData: 'Dữ liệu minh họa',
    staffSignIn: 'Cán bộ đăng nhập',
    mainNav: 'Điều hướng chính',
    nav: {
      home: 'Trang chủ',
      procedures: 'Thủ tục hành chính',
      lookup: 'Tra cứu hồ sơ',
    },
    footer: {
      hours: 'Giờ tiếp nhận hồ sơ: Thứ Hai – Thứ Sáu, 08:00–12:00 và 13:00–17:00 (trừ ngày nghỉ lễ, Tết).',
      system: 'Hệ thống một cửa điện tử Motcua',
    },
    home: {
      title: 'Tra cứu thủ tục và hồ sơ hành chính',
      subtitle: 'Thành phần hồ sơ, thời hạn giải quyết, lệ phí và tình trạng hồ sơ của bạn tại {{province}}.',
      searchLabel: 'Tìm thủ tục hành chính',
      searchPlaceholder: 'Ví dụ: khai sinh, chứng thực, giấy phép xây dựng',
      searchHint: 'Có thể gõ có dấu hoặc không dấu.',
      lookupLabel: 'Tra cứu hồ sơ',
      lookupPlaceholder: 'Mã hồ sơ trên phiếu hẹn',
      lookupHint: 'Mã hồ sơ in trên giấy tiếp nhận và hẹn trả kết quả, ví dụ 000.00.12.H40-250304-0007.',
      lookupButton: 'Tra cứu',
      commonTitle: 'Thủ tục thường dùng',
      changes: {
        title: 'Thủ tục mới ban hành, sửa đổi, bãi bỏ',
        body: 'Theo dõi các thủ tục thay đổi theo từng tháng, trước khi chuẩn bị hồ sơ.',
      },
      tasks: {
        birth: { title: 'Đăng ký khai sinh', body: 'Cho trẻ mới sinh, tại Ủy ban nhân dân cấp xã.', query: 'khai sinh' },
        marriage: { title: 'Đăng ký kết hôn', body: 'Hồ sơ, giấy tờ cần chuẩn bị và thời hạn giải quyết.', query: 'kết hôn' },
        certify: { title: 'Chứng thực bản sao', body: 'Chứng thực bản sao từ bản chính, chữ ký, hợp đồng.', query: 'chứng thực' },
        residence: { title: 'Đăng ký thường trú', body: 'Đăng ký nơi thường trú cho công dân.', query: 'thường trú' },
        business: { title: 'Đăng ký hộ kinh doanh', body: 'Thành lập hộ kinh doanh, doanh nghiệp.', query: 'kinh doanh' },
        building: { title: 'Giấy phép xây dựng', body: 'Cấp giấy phép xây dựng nhà ở riêng lẻ.', query: 'xây dựng' },
      },
    },
    procedures: {
      title: 'Thủ tục hành chính',
      searchLabel: 'Tìm thủ tục',
      resultCount_one: '{{formattedCount}} thủ tục',
      resultCount_other: '{{formattedCount}} thủ tục',
      resultFor: 'cho “{{query}}”',
      empty: 'Không tìm thấy thủ tục nào phù hợp.',
      emptyHint: 'Thử từ khóa ngắn hơn, hoặc gõ không dấu.',
      unavailableTitle: 'Danh mục thủ tục chưa sẵn sàng',
      unavailableBody: 'Chức năng tra cứu danh mục thủ tục đang được triển khai. Vui lòng quay lại sau hoặc liên hệ Bộ phận một cửa.',
      errorTitle: 'Không tải được danh mục thủ tục',
      code: 'Mã thủ tục',
      field: 'Lĩnh vực',
      level: 'Cấp thực hiện',
      processingTime: 'Thời hạn giải quyết',
      fee: 'Phí, lệ phí',
      free: 'Miễn phí',
      fullyOnline: 'Trực tuyến toàn trình',
      pagination: 'Phân trang',
      changesLink: 'Thủ tục mới ban hành, sửa đổi, bãi bỏ',
      levels: {
        province: 'Cấp tỉnh',
        department: 'Sở, ngành',
        district: 'Cấp huyện',
        commune: 'Cấp xã',
        police: 'Công an',
      },
      filters: {
        label: 'Lọc danh sách thủ tục',
        field: 'Lĩnh vực',
        allFields: 'Tất cả lĩnh vực',
        level: 'Cấp thực hiện',
        allLevels: 'Tất cả các cấp',
        agency: 'Cơ quan thực hiện',
        allAgencies: 'Tất cả cơ quan',
        noAgency: 'Không có cơ quan nào có tên này',
        clear: 'Bỏ lọc',
        emptyHint: 'Thử bỏ bớt điều kiện lọc, hoặc gõ từ khóa khác.',
      },
    },
    lookup: lookupVi,
    verify: verificationVi,
    procedure: procedureVi,
    fees: feeScheduleVi,
    submit: submitVi,
    rating: ratingVi,
    changes: changesVi,
  },
  dossierStatus: {
    draft: 'Chờ hoàn thiện hồ sơ',
    awaiting_confirmation: 'Chờ người nộp xác nhận',
    submitted: 'Chờ tiếp nhận',
    received: 'Đã tiếp nhận',
    processing: 'Đang xử lý',
    supplement_requested: 'Chờ bổ sung',
    paused: 'Tạm dừng',
    resolved: 'Đã có kết quả',
    returned: 'Đã trả kết quả',
    refused: 'Từ chối tiếp nhận',
    rejected: 'Không giải quyết',
    withdrawn: 'Đã rút hồ sơ',
    discarded: 'Đã hủy (không được xác nhận)',
  },
  roles: {
    officer: 'Cán bộ một cửa',
    specialist: 'Chuyên viên',
    leader: 'Lãnh đạo',
    manager: 'Quản lý',
    admin: 'Quản trị hệ thống',
    helper: 'Tổ công nghệ số cộng đồng',
  },
  console: {
    productName: 'Một cửa điện tử',
    login: {
      title: 'Đăng nhập cán bộ',
      subtitle: 'Dành cho cán bộ, công chức xử lý hồ sơ.',
      username: 'Tên đăng nhập',
      password: 'Mật khẩu',
      togglePassword: 'Hiện hoặc ẩn mật khẩu',
      submit: 'Đăng nhập',
      submitting: 'Đang đăng nhập…',
      required: 'Vui lòng nhập {{field}}',
      backToPortal: 'Về Cổng dịch vụ công',
      failedTitle: 'Không đăng nhập được',
    },
    shell: {
      navLabel: 'Chức năng',
      openNav: 'Mở menu',
      signOut: 'Đăng xuất',
      signOutFailed: 'Chưa đăng xuất được. Vui lòng thử lại.',
      portalLink: 'Cổng dịch vụ công',
      checkingSession: 'Đang kiểm tra phiên đăng nhập…',
      sessionCheckFailed: 'Không kiểm tra được phiên đăng nhập',
    },
    nav: {
      home: 'Bàn làm việc',
      inbox: 'Hộp thư hồ sơ',
      intake: 'Tiếp nhận',
      assisted: 'Nộp hộ trực tuyến',
      reports: 'Báo cáo',
      documents: 'Văn bản',
      feedback: 'Phản ánh, kiến nghị',
      notifications: 'Thông báo',
      ratings: 'Đánh giá hài lòng',
      reform: 'Cải cách hành chính',
      templates: 'Mẫu thông báo',
      admin: 'Quản trị',
      surveys: 'Khảo sát hài lòng',
      externalFigures: 'SIPAS, PAR Index',
    },
    home: {
      title: 'Bàn làm việc',
      greeting: 'Xin chào, {{name}}.',
      ...homeCountsVi,
      cards: {
        inbox: 'Hồ sơ cần xử lý và sắp đến hạn của bạn.',
        intake: 'Tiếp nhận hồ sơ tại quầy, qua bưu chính; in phiếu hẹn.',
        assisted: 'Chuẩn bị hồ sơ trực tuyến cho người dân; người nộp xác nhận bằng mã hoặc VNeID.',
        reports: 'Tình hình giải quyết hồ sơ theo kỳ báo cáo.',
        documents: 'Sổ văn bản đi, văn bản đến; soạn, duyệt, ký, ban hành.',
        feedback: 'Phản ánh, kiến nghị của người dân và doanh nghiệp: tiếp nhận, xử lý, trả lời.',
        notifications: 'Thư, SMS, tin nhắn đã gửi cho người dân và cán bộ; gửi lại khi thất bại.',
        ratings: 'Đánh giá thấp của người dân, tiêu chí, góp ý; đánh dấu đã khắc phục.',
        reform: 'Kế hoạch cải cách hành chính: nhiệm vụ, tiến độ, kết quả, báo cáo.',
        templates: 'Nội dung thông báo gửi người dân và cán bộ theo từng loại, từng kênh.',
        admin: 'Cơ quan, quầy, lịch làm việc, lịch nghỉ lễ, tài khoản cán bộ, nhật ký thay đổi.',
        surveys: 'Khảo sát định kỳ mức độ hài lòng: chọn mẫu, gửi phiếu, tổng hợp kết quả.',
        externalFigures: 'Chỉ số SIPAS, PAR Index do Bộ Nội vụ công bố hằng năm.',
      },
      assignmentsTitle: 'Phân công của bạn',
      role: 'Vai trò',
      agency: 'Cơ quan',
      agencyCode: 'Mã cơ quan',
      noAssignments: 'Tài khoản chưa được phân công vai trò nào. Vui lòng liên hệ quản trị hệ thống.',
    },
    inbox: inboxVi,
    dossier: dossierPageVi,
    intake: intakeVi,
    reports: reportsVi,
    admin: adminVi,
    forbidden: {
      title: 'Không có quyền truy cập',
      body: 'Vai trò của bạn không được dùng chức năng này. Nếu cần, vui lòng liên hệ quản trị hệ thống.',
    },
  },
  dataStore: dataStoreVi,
  reportReuse: reportReuseVi,
  reportFees: reportFeesVi,
  serviceIndex: serviceIndexVi,
  myDocuments: myDocumentsVi,
  surveys: surveysVi,
  externalFigures: externalFiguresVi,
};
