/**
 * A dossier's fee account for staff (`/api/v1/dossiers/{id}/fees…`): read it, and record a
 * payment, a refund, a waiver or a reversal. Shapes are the server's OpenAPI document's.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type ApiBody, type ApiResponse } from '../../shared/api.ts';
import { idempotencyHeader } from '../../shared/idempotency.ts';

export type FeeAccount = ApiResponse<'/dossiers/{id}/fees'>;
export type FeeEntry = FeeAccount['entries'][number];
export type FeeEntryKind = FeeAccount['may'][number];
export type PaymentInput = ApiBody<'/dossiers/{id}/fees/payments'>;
export type RefundInput = ApiBody<'/dossiers/{id}/fees/refunds'>;
export type WaiverInput = ApiBody<'/dossiers/{id}/fees/waivers'>;
export type ReversalInput = ApiBody<'/dossiers/{id}/fees/entries/{entryId}/reversal'>;

export type FeeCommand =
  | { kind: 'payment'; input: PaymentInput }
  | { kind: 'refund'; input: RefundInput }
  | { kind: 'waiver'; input: WaiverInput }
  | { kind: 'reversal'; entryId: string; input: ReversalInput };

export const feeKeys = { account: (id: number) => ['dossiers', 'fees', id] as const };

export function useFeeAccount(id: number) {
  return useQuery({
    queryKey: feeKeys.account(id),
    queryFn: ({ signal }) => client.get('/dossiers/{id}/fees', { params: { id }, signal }),
    staleTime: 0,
  });
}

/** One entry; the caller keeps the idempotency key for the intent (one dialog). */
export function useRecordFeeEntry(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ command, idempotencyKey }: { command: FeeCommand; idempotencyKey: string }) => {
      const headers = { [idempotencyHeader]: idempotencyKey };
      switch (command.kind) {
        case 'payment':
          return client.post('/dossiers/{id}/fees/payments', command.input, { params: { id }, headers });
        case 'refund':
          return client.post('/dossiers/{id}/fees/refunds', command.input, { params: { id }, headers });
        case 'waiver':
          return client.post('/dossiers/{id}/fees/waivers', command.input, { params: { id }, headers });
        case 'reversal':
          return client.post('/dossiers/{id}/fees/entries/{entryId}/reversal', command.input, { params: { id, entryId: command.entryId }, headers });
      }
    },
    // The balance moves the dossier's fee flag and national status too.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: feeKeys.account(id) });
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'detail', id] });
    },
  });
}
