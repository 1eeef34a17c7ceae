/** The configured payment gateways' adapters (docs/payments.md), built once by `buildDeps`. */
import type { PaymentProviderName } from '@motcua/domain';
import type { PaymentsConfig } from '../../config.ts';
import type { PaymentProvider } from '../../modules/payments/payment-provider.port.ts';
import { nationalPaymentProvider } from './national-payment.ts';
import { vnpayProvider } from './vnpay.ts';

export type PaymentProviders = Partial<Record<PaymentProviderName, PaymentProvider>>;

/**
 * One adapter per configured gateway. The VNPay adapter reads its addresses at each call: with
 * PORT=0 the bundled sandbox's API address is completed once the server listens.
 */
export function paymentProvidersOf(config: PaymentsConfig | undefined): PaymentProviders {
  const providers: PaymentProviders = {};
  const vnpay = config?.vnpay;
  if (vnpay) {
    const current = () => vnpayProvider(vnpay);
    providers.vnpay = {
      name: 'vnpay',
      paymentUrl: (start) => current().paymentUrl(start),
      verifyCallback: (params) => current().verifyCallback(params),
      ipnAnswer: (verdict) => current().ipnAnswer(verdict),
      query: (order, at) => current().query(order, at),
    };
  }
  if (config?.national) providers.national = nationalPaymentProvider(config.national);
  return providers;
}
