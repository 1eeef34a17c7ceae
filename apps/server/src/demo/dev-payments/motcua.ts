/**
 * The sandbox gateway as `npm start` runs it in demo mode: Motcua is its one merchant, with the
 * sandbox's tmn code and secret (`devPaymentsMerchant`), and its IPN goes to Motcua's own route on
 * the loopback address (the port read at each call: with PORT=0 it is known once the server listens).
 */
import type { Config } from '../../config.ts';
import { createDevPayments, type DevPayments, type DevPaymentsOptions } from './sandbox.ts';

export const motcuaIpnPath = '/api/v1/payments/vnpay/ipn';

export function motcuaDevPayments(config: Config, clock: () => Date, more: Partial<DevPaymentsOptions> = {}): DevPayments | undefined {
  const vnpay = config.payments?.vnpay;
  if (!vnpay?.devSandbox) return undefined;
  return createDevPayments({
    merchants: [{
      tmnCode: vnpay.tmnCode,
      hashSecret: vnpay.hashSecret,
      name: 'Một cửa điện tử (Motcua)',
      // apiUrl is the loopback address of this server, completed by withListeningPort.
      ipnUrl: () => new URL(motcuaIpnPath, vnpay.apiUrl).toString(),
    }],
    clock,
    ...more,
  });
}
