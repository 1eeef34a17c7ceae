/**
 * The demo's citizens and business, as the bundled development identity provider knows them
 * (docs/citizen-sign-in.md). Tests sign in as them too. The personal ID numbers follow the
 * 12-digit layout (province of birth 036, then century-and-sex digit, year, serial) and
 * belong to nobody.
 */
import type { CitizenIdentity } from '@motcua/domain';

export type DemoIdentity = Omit<CitizenIdentity, 'issuer'> & {
  /** What the person types at the development provider's sign-in page. */
  login: string;
};

export const demoIdentities: readonly DemoIdentity[] = [
  {
    login: '036090001234', subject: 'vneid-036090001234', kind: 'citizen', fullName: 'Nguyễn Văn An', personalId: '036090001234',
    birthDate: '1990-04-12', gender: 'male', address: 'Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy, tỉnh Ninh Bình',
    phone: '0912345678', email: 'an.nguyen@example.vn', eidLevel: 2, organizationName: null, taxCode: null,
  },
  {
    login: '036192005678', subject: 'vneid-036192005678', kind: 'citizen', fullName: 'Trần Thị Bình', personalId: '036192005678',
    birthDate: '1992-09-03', gender: 'female', address: 'Xóm 3, xã Giao Thanh, huyện Giao Thủy, tỉnh Ninh Bình',
    phone: '0987654321', email: 'binh.tran@example.vn', eidLevel: 2, organizationName: null, taxCode: null,
  },
  {
    login: '036085009012', subject: 'vneid-036085009012', kind: 'citizen', fullName: 'Lê Văn Cường', personalId: '036085009012',
    birthDate: '1985-01-27', gender: 'male', address: 'Thôn Đông Thành, xã Giao Hà, huyện Giao Thủy, tỉnh Ninh Bình',
    phone: '0903111222', email: null, eidLevel: 1, organizationName: null, taxCode: null,
  },
  {
    login: '036301003456', subject: 'vneid-036301003456', kind: 'citizen', fullName: 'Phạm Thị Dung', personalId: '036301003456',
    birthDate: '2001-11-30', gender: 'female', address: 'Tổ dân phố 5, thị trấn Quất Lâm, huyện Giao Thủy, tỉnh Ninh Bình',
    phone: '0978000111', email: 'dung.pham@example.vn', eidLevel: 2, organizationName: null, taxCode: null,
  },
  {
    login: '0601234567', subject: 'vneid-org-0601234567', kind: 'business', fullName: 'Hoàng Văn Em', personalId: '036078004321',
    birthDate: '1978-06-15', gender: 'male', address: 'Cụm công nghiệp Giao Thiện, huyện Giao Thủy, tỉnh Ninh Bình',
    phone: '02283999888', email: 'lienhe@detmaynamviet.example.vn', eidLevel: 2,
    organizationName: 'Công ty TNHH Dệt may Nam Việt', taxCode: '0601234567',
  },
];

/** The demo identity signing in with `login`, with the issuer that vouches for it. */
export function demoIdentity(login: string, issuer: string): CitizenIdentity {
  const found = demoIdentities.find((d) => d.login === login);
  if (!found) throw new Error(`no demo identity ${login}`);
  const { login: _login, ...identity } = found;
  return { ...identity, issuer };
}
