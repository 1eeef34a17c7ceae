/** Tiếng Việt: tờ khai điện tử (e-form) trên cổng dịch vụ công và tại quầy. */
export const eformVi = {
  title: 'Tờ khai điện tử',
  legalForm: '{{name}} ({{basis}})',
  mode: 'Cách nộp tờ khai',
  modeForm: 'Điền tờ khai điện tử',
  modeScan: 'Tải lên bản quét tờ khai',
  verified: 'Đã xác thực qua VNeID',
  verifiedHint: 'Các thông tin có dấu “Đã xác thực qua VNeID” lấy từ tài khoản định danh điện tử của bạn và không sửa được.',
  signInHint: 'Đăng nhập bằng VNeID để điền sẵn các thông tin đã được xác thực.',
  signIn: 'Đăng nhập VNeID',
  filledByForm: 'Thành phần này được thay bằng tờ khai điện tử ở trên.',
  fixErrors: 'Vui lòng kiểm tra các mục được đánh dấu của tờ khai.',
  choose: 'Chọn',
  printDeclaration: 'In tờ khai',
};
