import type { paymentsVi } from './payments.vi.ts';

export const paymentsEn: typeof paymentsVi = {
  pay: {
    formLabel: 'Pay the fees online',
    button: 'Pay online',
    again: 'Pay again',
    secretHint: 'The security code printed on the online receipt, to confirm you filed the dossier.',
    redirectHint: 'You will be taken to the payment gateway to choose your bank, then brought back to this page.',
    failed: 'The payment could not be started',
  },
  return: {
    title: 'Online payment result',
    loading: 'Getting the payment result…',
    failedToLoad: 'The payment result cannot be shown',
    proof: 'Enter the dossier’s security code to see the payment result.',
    show: 'Show the result',
    otherCode: 'Enter the security code again',
    unknown: 'The payment the gateway returned could not be identified. If your account was charged, please contact the one-stop counter with the dossier code.',
    reference: 'Payment reference: {{reference}}',
    paid: {
      title: 'Paid',
      body: 'The payment gateway confirmed {{amount}} at {{at}}.',
      receipt: 'Electronic receipt: {{number}}',
      download: 'Download electronic receipt {{number}} (PDF)',
    },
    pending: {
      title: 'Waiting for the payment gateway’s confirmation',
      waiting: 'The gateway has not confirmed {{amount}} yet. This page updates itself; please wait a moment.',
      later: 'The payment gateway has not confirmed yet. Please come back to this page in a few minutes: if you were charged, the payment is reconciled automatically and you need not pay again.',
      checkAgain: 'Check again',
    },
    failed: {
      title: 'The payment failed',
      body: 'The gateway reported that the payment of {{amount}} failed (for example, the bank declined it). Nothing was taken; you can pay again.',
    },
    cancelled: {
      title: 'You cancelled the payment',
      body: 'The payment of {{amount}} was cancelled at the gateway. Nothing was taken; you can pay again.',
    },
    expired: {
      title: 'The payment expired',
      body: 'The payment of {{amount}} was not completed in time. Nothing was taken; you can pay again.',
    },
  },
};
