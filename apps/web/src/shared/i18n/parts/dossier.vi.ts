/** Vietnamese: the vocabulary of dossiers shared by the portal and the console. */
export const timeVi = {
  left: 'còn {{duration}} làm việc',
  overdue: 'quá hạn {{duration}} làm việc',
  dueNow: 'đến hạn',
  days_one: '{{count}} ngày',
  days_other: '{{count}} ngày',
  hours_one: '{{count}} giờ',
  hours_other: '{{count}} giờ',
  minutes_one: '{{count}} phút',
  minutes_other: '{{count}} phút',
};

export const uploadVi = {
  refusedType: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
  refusedSize: 'Tệp lớn hơn 10 MB.',
  remove: 'Gỡ tệp {{name}}',
  dismiss: 'Bỏ qua thông báo',
  progress: 'Đang tải lên {{name}}: {{percent}}%',
};

export const dossierVi = {
  kinds: {
    original: 'Bản chính',
    certified_copy: 'Bản sao có chứng thực',
    copy: 'Bản sao',
    electronic: 'Bản điện tử',
  },
  channels: {
    counter: 'Nộp tại quầy',
    postal: 'Qua bưu chính',
    online: 'Nộp trực tuyến',
  },
  delivery: {
    counter: 'Nhận tại Bộ phận một cửa',
    post: 'Nhận qua dịch vụ bưu chính',
    online: 'Nhận bản điện tử trực tuyến',
  },
  deliveryShort: {
    counter: 'Tại quầy',
    post: 'Bưu chính',
    online: 'Trực tuyến',
  },
  applicantKinds: {
    citizen: 'Công dân',
    organization: 'Tổ chức, doanh nghiệp',
  },
  applicant: {
    kind: 'Người nộp là',
    name: 'Họ và tên',
    orgName: 'Tên tổ chức, doanh nghiệp',
    idNumber: 'Số định danh cá nhân (CCCD)',
    taxCode: 'Mã số doanh nghiệp / mã số thuế',
    representative: 'Người đại diện',
    phone: 'Số điện thoại',
    email: 'Thư điện tử',
    address: 'Địa chỉ',
    required: 'Vui lòng nhập thông tin này.',
    idNumberInvalid: 'Gồm 6–20 chữ số hoặc chữ in hoa, không có dấu cách.',
    phoneInvalid: 'Số điện thoại không hợp lệ (8–20 chữ số).',
    emailInvalid: 'Địa chỉ thư điện tử không hợp lệ.',
  },
  supplement: {
    file: 'Bổ sung',
    sentOnline: 'Đã nộp bổ sung trực tuyến',
    files: 'Giấy tờ bổ sung',
  },
  due: {
    overdue: 'Quá hạn',
    soon: 'Sắp đến hạn',
    stopped: 'Tạm dừng tính thời gian',
    closed: 'Đã kết thúc',
    notStarted: 'Chưa tính',
  },
  clock: {
    not_started: 'Chưa tính thời gian (hồ sơ chưa được tiếp nhận)',
    running: 'Đang tính thời gian',
    stopped: 'Tạm dừng tính thời gian',
    closed: 'Đã kết thúc',
  },
  resultClass: {
    ahead: 'Có kết quả trước hạn',
    on_time: 'Có kết quả đúng hạn',
    overdue: 'Có kết quả quá hạn',
  },
  formNumber: 'Mẫu {{form}}',
  forms: {
    '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    '03': 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
    '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    '05': 'Thông báo dừng giải quyết hồ sơ',
    '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    '07': 'Sổ theo dõi hồ sơ',
  },
  formsShort: {
    '01': 'phiếu hẹn',
    '02': 'phiếu yêu cầu bổ sung',
    '03': 'phiếu từ chối',
    '04': 'phiếu xin lỗi, hẹn lại',
    '05': 'thông báo dừng',
    '06': 'phiếu kiểm soát',
    '07': 'sổ theo dõi',
  },
};
