/** Tiếng Việt: kho dữ liệu của công dân (`/kho-du-lieu`) và chọn giấy tờ từ kho khi nộp hồ sơ. */
export const dataStoreVi = {
  title: 'Kho dữ liệu của tôi',
  intro: 'Giấy tờ đã số hóa và kết quả điện tử từ các hồ sơ của bạn. Khi nộp hồ sơ mới, bạn có thể dùng lại giấy tờ còn hiệu lực thay vì tải lên lại.',
  signInFirst: 'Đăng nhập bằng tài khoản định danh điện tử (VNeID) để xem kho dữ liệu của bạn.',
  signIn: 'Đăng nhập bằng VNeID',
  loadFailed: 'Không tải được kho dữ liệu',
  empty: 'Kho dữ liệu của bạn chưa có giấy tờ nào.',
  otherType: 'Giấy tờ khác',
  origin: { digitized_component: 'Thành phần hồ sơ đã số hóa', result: 'Kết quả giải quyết điện tử' },
  issuingAgencyOf: { digitized_component: 'Cơ quan số hóa', result: 'Cơ quan cấp' },
  issuedOnOf: { digitized_component: 'Ngày số hóa', result: 'Ngày cấp' },
  sourceDossier: 'Hồ sơ nguồn',
  hash: 'Mã băm (SHA-256)',
  download: 'Tải về',
  validUntil: 'Còn hiệu lực đến {{date}}',
  validNoExpiry: 'Còn hiệu lực',
  expired: 'Hết hiệu lực từ sau {{date}}',
  fromDossier: 'hồ sơ {{code}}',
  picker: {
    title: 'Hoặc dùng giấy tờ trong kho dữ liệu:',
    label: 'Giấy tờ trong kho dữ liệu cho {{name}}',
  },
  counter: {
    lookupHint: 'Sau khi kiểm tra căn cước của người nộp, có thể dùng giấy tờ trong kho dữ liệu của họ (việc tra cứu được ghi nhật ký).',
  },
};
