/** The banks the sandbox lets a payer "choose": VNPay's bank codes; nothing is asked of any bank. */
export interface SandboxBank {
  code: string;
  name: string;
  /** `vnp_CardType` reported for a payment through it. */
  cardType: 'ATM' | 'QRCODE';
}

export const sandboxBanks: readonly SandboxBank[] = [
  { code: 'NCB', name: 'Ngân hàng Quốc Dân (NCB)', cardType: 'ATM' },
  { code: 'VIETCOMBANK', name: 'Vietcombank', cardType: 'ATM' },
  { code: 'VIETINBANK', name: 'VietinBank', cardType: 'ATM' },
  { code: 'BIDV', name: 'BIDV', cardType: 'ATM' },
  { code: 'AGRIBANK', name: 'Agribank', cardType: 'ATM' },
  { code: 'TECHCOMBANK', name: 'Techcombank', cardType: 'ATM' },
  { code: 'MBBANK', name: 'MB Bank', cardType: 'ATM' },
  { code: 'VNPAYQR', name: 'Quét mã VNPAY-QR', cardType: 'QRCODE' },
];

/** The test card VNPay publishes for its own sandbox, shown (never typed) so the page looks familiar. */
export const sandboxTestCard = { number: '9704 1985 2619 1432 198', holder: 'NGUYEN VAN A', issued: '07/15', otp: '123456' } as const;

export function bankByCode(code: string | undefined): SandboxBank | undefined {
  return sandboxBanks.find((b) => b.code === code);
}
