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
};
