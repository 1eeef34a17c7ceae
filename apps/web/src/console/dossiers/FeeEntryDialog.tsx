import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { counterPaymentMethods, type CounterPaymentMethod } from '@motcua/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCurrency, formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { newIdempotencyKey } from '../../shared/idempotency.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import type { DossierDetail } from './dossiers.api.ts';
import { useRecordFeeEntry, type FeeAccount, type FeeCommand, type FeeEntry } from './fees.api.ts';

export type FeeDialogIntent = { kind: 'payment' | 'refund' | 'waiver' } | { kind: 'reversal'; entry: FeeEntry };

type Field = 'amount' | 'reason' | 'legalBasis';

/**
 * Records one entry of the fee ledger. The amount starts at what is outstanding (or, for a refund,
 * what may be given back); the server checks it against the ledger and its refusal is shown as it
 * words it. One idempotency key per intent: a double click or a retry records once.
 */
export function FeeEntryDialog({ dossier, account, intent, onClose }: { dossier: DossierDetail; account: FeeAccount; intent: FeeDialogIntent; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mutation = useRecordFeeEntry(dossier.id);
  const attempt = useRef<{ key: string; body: string }>(undefined);
  const kind = intent.kind;
  const [method, setMethod] = useState<CounterPaymentMethod>('cash');
  const [amount, setAmount] = useState<number | string>(kind === 'refund' ? account.refundable : account.balance.outstanding);
  const [payerName, setPayerName] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const title = t(`fees.actions.${kind}`);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const next: Partial<Record<Field, string>> = {};
    const value = typeof amount === 'number' ? amount : Number(String(amount).replace(/\./g, ''));
    if (kind !== 'reversal' && !(Number.isInteger(value) && value > 0)) next.amount = t('fees.dialog.amountRequired');
    if (kind !== 'payment' && !reason.trim()) next.reason = t('fees.dialog.reasonRequired');
    if (kind === 'waiver' && !legalBasis.trim()) next.legalBasis = t('fees.dialog.legalBasisRequired');
    setErrors(next);
    if (Object.keys(next).length) return;
    let command: FeeCommand;
    if (intent.kind === 'reversal') command = { kind: 'reversal', entryId: intent.entry.id, input: { reason: reason.trim() } };
    else if (kind === 'payment') command = { kind, input: { method, amount: value, ...(payerName.trim() ? { payerName: payerName.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) } };
    else if (kind === 'refund') command = { kind, input: { method, amount: value, reason: reason.trim() } };
    else command = { kind: 'waiver', input: { amount: value, reason: reason.trim(), legalBasis: legalBasis.trim() } };
    const body = JSON.stringify(command);
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    mutation.mutate({ command, idempotencyKey: attempt.current.key }, {
      onSuccess: (recorded) => {
        notifications.show({ color: 'green', message: t('fees.dialog.done', { kind: localized(recorded.entry.kindLabel, language), amount: formatCurrency(recorded.entry.amount) }) });
        onClose();
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{title}</Text>} closeOnClickOutside={!mutation.isPending} closeButtonProps={{ 'aria-label': t('fees.dialog.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="gray.7">
            {intent.kind === 'reversal'
              ? t('fees.dialog.reversalIntro', { kind: localized(intent.entry.kindLabel, language), amount: formatCurrency(intent.entry.amount), date: formatDateTime(intent.entry.recordedAt) })
              : t('fees.dialog.intro', { code: dossier.code, outstanding: formatCurrency(account.balance.outstanding) })}
          </Text>
          {(kind === 'payment' || kind === 'refund') && (
            <div>
              <Text size="sm" fw={500} id="fee-method-label" mb={4}>{t('fees.dialog.method')}</Text>
              <SegmentedControl aria-labelledby="fee-method-label" value={method} onChange={(v) => setMethod(v as CounterPaymentMethod)} fullWidth
                data={counterPaymentMethods.map((m) => ({ value: m, label: t(`fees.dialog.methods.${m}`) }))} />
            </div>
          )}
          {kind !== 'reversal' && (
            <NumberInput label={t('fees.dialog.amount')} value={amount} onChange={setAmount} min={1} allowDecimal={false} allowNegative={false}
              thousandSeparator="." decimalSeparator="," error={errors.amount} required data-autofocus data-testid="fee-amount" />
          )}
          {kind === 'payment' && (
            <>
              <TextInput label={t('fees.dialog.payerName')} description={t('fees.dialog.payerHint', { name: dossier.applicant.name })} value={payerName} onChange={(e) => setPayerName(e.currentTarget.value)} maxLength={200} />
              <TextInput label={t('fees.dialog.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
            </>
          )}
          {kind !== 'payment' && (
            <Textarea label={t('fees.dialog.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required autosize minRows={2} maxLength={1000} data-testid="fee-reason" />
          )}
          {kind === 'waiver' && (
            <TextInput label={t('fees.dialog.legalBasis')} value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} error={errors.legalBasis} required maxLength={500} />
          )}
          {mutation.isError && <ProblemAlert title={t('fees.dialog.failed')} error={mutation.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>{t('fees.dialog.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending} color={kind === 'reversal' ? 'red.8' : undefined} data-testid="fee-submit">{t('fees.dialog.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
