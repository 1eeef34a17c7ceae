/**
 * Online fee payment, the payer's side (docs/payments.md): start a payment of what the dossier still
 * owes (`POST /public/dossiers/{code}/payments` with the security code, or
 * `/citizen/dossiers/{code}/payments` signed in) and send the browser to the gateway; back from it,
 * read the order's status as the server knows it (`GET /payments/orders/{reference}`, proven the
 * same way: the session, or the security code in `x-security-code`). The browser's word on the
 * outcome is never shown: only the server's, from the gateway's verified notification.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { client, isApiError, type ApiResponse } from '../../shared/api.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { myDossierKey, type ApplicantProof } from '../dossiers.api.ts';
import { pendingPollDelay, pendingPollOver } from './polling.ts';

export type PaymentOrder = ApiResponse<'/payments/orders/{reference}'>;
export type StartedPayment = ApiResponse<'/public/dossiers/{code}/payments', 'post'>;

/** `?thanh-toan=<reference>`: where the gateway's return lands (the server's redirect). */
export const paymentReturnParam = 'thanh-toan';
/** What the server's return sends when it could not tell which order the gateway meant. */
export const unknownPaymentReturn = 'loi';

/**
 * The security code typed before leaving for the gateway, kept for this tab only (sessionStorage)
 * so that the page the payer comes back to can ask the order's status without asking again; dropped
 * once the payment is settled. Nothing is kept for a signed-in payer.
 */
const proofKey = (code: string) => `motcua:payment-proof:${code}`;

export function rememberedSecurityCode(code: string): string | undefined {
  try {
    return sessionStorage.getItem(proofKey(code)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberSecurityCode(code: string, secret: string | undefined): void {
  try {
    if (secret) sessionStorage.setItem(proofKey(code), secret);
    else sessionStorage.removeItem(proofKey(code));
  } catch {
    // Storage refused (private mode): the return page asks for the code again.
  }
}

/** Sends the browser away; a seam so that nothing else in the app assigns `window.location`. */
function goToGateway(url: string): void {
  window.location.assign(url);
}

/**
 * Starts the payment and, once the server answered, leaves for the gateway's page. The mutation
 * stays pending while the browser navigates, so the button keeps its spinner.
 */
export function useStartPayment(code: string, proof: ApplicantProof) {
  const language = useLanguage();
  return useMutation({
    mutationFn: async (secret: string | undefined): Promise<StartedPayment> => {
      if (proof === 'eid') return client.post('/citizen/dossiers/{code}/payments', { locale: language }, { params: { code } });
      const started = await client.post('/public/dossiers/{code}/payments', { securityCode: secret ?? '', locale: language }, { params: { code } });
      rememberSecurityCode(code, secret);
      return started;
    },
    onSuccess: (started) => goToGateway(started.paymentUrl),
  });
}

export const orderKey = (reference: string) => ['payment-order', reference] as const;

/**
 * The order's status, asked again with a growing delay while the gateway has not confirmed it;
 * after the last delay the page says to come back later (`gaveUp`), and `checkAgain` asks once more.
 * `secret` is the security code (public page); undefined when signed in, or not known yet.
 */
export function usePaymentOrder(reference: string, proof: ApplicantProof, secret: string | undefined) {
  const queryClient = useQueryClient();
  const queryKey = [...orderKey(reference), proof, secret ?? ''];
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => client.get('/payments/orders/{reference}', {
      params: { reference },
      signal,
      ...(proof === 'security_code' && secret ? { headers: { 'x-security-code': secret } } : {}),
    }),
    enabled: proof === 'eid' || Boolean(secret),
    staleTime: 0,
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
    refetchInterval: (q) => {
      if (q.state.data?.status !== 'pending') return false;
      return pendingPollDelay(q.state.dataUpdateCount);
    },
  });
  // The count of answers is the cache's (the observer's result has none); read at each render,
  // which the end of every fetch causes (isFetching changes).
  const answers = queryClient.getQueryState(queryKey)?.dataUpdateCount ?? 0;
  const gaveUp = query.data?.status === 'pending' && pendingPollOver(answers) && !query.isFetching;
  return { ...query, gaveUp, checkAgain: () => void query.refetch() };
}

/** Once the order is final, the dossier's page (its fee, its status) is read again. */
export function useRefreshDossierAfterPayment() {
  const queryClient = useQueryClient();
  return useCallback((code: string, proof: ApplicantProof) => {
    if (proof === 'eid') void queryClient.invalidateQueries({ queryKey: myDossierKey(code) });
    else void queryClient.invalidateQueries({ queryKey: ['public', 'dossier', code] });
  }, [queryClient]);
}
