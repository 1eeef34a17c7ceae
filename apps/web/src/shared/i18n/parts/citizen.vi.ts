/** The citizen's e-ID sign-in on the portal: header button, account menu, refused sign-in. */
export const citizenVi = {
  signIn: 'Đăng nhập VNeID',
  signInHint: 'Đăng nhập bằng tài khoản định danh điện tử VNeID',
  accountMenu: 'Tài khoản của {{name}}',
  level: 'Định danh mức {{level}}',
  myDossiers: 'Hồ sơ của tôi',
  myDataStore: 'Kho dữ liệu của tôi',
  signOut: 'Đăng xuất',
  signOutFailed: 'Chưa đăng xuất được, vui lòng thử lại.',
  signInFailed: {
    title: 'Đăng nhập không thành công',
    generic: 'Không đăng nhập được bằng tài khoản định danh điện tử. Vui lòng thử lại.',
    retry: 'Đăng nhập lại',
    close: 'Đóng thông báo',
  },
  applicant: {
    self: 'Bạn nộp hồ sơ cho chính mình: các thông tin có dấu “Đã xác thực qua VNeID” lấy từ tài khoản định danh điện tử của bạn và không sửa được.',
    forOther: 'Nộp thay cho người khác',
    other: 'Bạn nộp thay cho người khác: nhập thông tin của người đó. Hồ sơ vẫn hiện trong “Hồ sơ của tôi” của bạn.',
    forSelf: 'Nộp cho chính tôi',
  },
};
