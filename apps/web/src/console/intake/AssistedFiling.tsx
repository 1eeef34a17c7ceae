import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { IconDeviceMobileMessage, IconFilePlus, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, type ApiResponse } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import type { IntakeDraft } from './intakeDraft.ts';

export type AssistedPrepared = ApiResponse<'/dossiers/assisted', 'post'>;
type CodeSent = AssistedPrepared['codeSent'];

/** Why the applicant cannot confirm a prepared dossier, as a message key; undefined when they can. */
export function assistedContactProblem(draft: IntakeDraft): 'idNumberRequired' | 'contactRequired' | undefined {
  if (!draft.applicant.idNumber.trim()) return 'idNumberRequired';
  if (!draft.applicant.phone.trim() && !draft.applicant.email.trim()) return 'contactRequired';
  return undefined;
}

/** The last step of assisted filing: where the one-time code goes (phone or e-mail, as given). */
export function AssistedStep({ draft, onChange }: { draft: IntakeDraft; onChange: (patch: Partial<IntakeDraft>) => void }) {
  const { t } = useTranslation();
  const phone = draft.applicant.phone.trim();
  const email = draft.applicant.email.trim();
  const value = draft.sendCodeBy === 'email' ? (email ? 'email' : 'sms') : phone ? 'sms' : 'email';
  return (
    <Radio.Group label={t('assisted.console.sendCodeBy')} value={value} onChange={(v) => onChange({ sendCodeBy: v as 'sms' | 'email' })}>
      <Group mt="xs">
        <Radio value="sms" label={`${t('assisted.console.sms')}${phone ? ` (${phone})` : ''}`} disabled={!phone} />
        <Radio value="email" label={`${t('assisted.console.email')}${email ? ` (${email})` : ''}`} disabled={!email} />
      </Group>
    </Radio.Group>
  );
}

/**
 * A prepared dossier: its code, where the code went, the confirmation page to show the citizen,
 * and — outside production only — the code itself (the development sender sends nothing).
 */
export function AssistedResult({ prepared, onNew }: { prepared: AssistedPrepared; onNew: () => void }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<CodeSent>(prepared.codeSent);
  const resend = useMutation({
    mutationFn: () => client.post('/dossiers/{id}/assisted/resend-code', {}, { params: { id: prepared.id } }),
    onSuccess: (next) => setSent(next),
  });
  const confirmPath = `/xac-nhan/${encodeURIComponent(prepared.code)}`;
  return (
    <Paper withBorder p="lg" maw={900} style={{ borderTop: '4px solid var(--mantine-color-yellow-6)' }} data-testid="assisted-result">
      <Stack gap="md">
        <Title order={2} fz="h3" aria-live="polite">{t('assisted.console.prepared', { code: prepared.code })}</Title>
        <Text size="sm" c="gray.7">{prepared.procedure.name} · {prepared.applicant.name}</Text>
        <Text>{t('assisted.console.codeSent', { destination: sent.destination, expiresAt: formatDateTime(sent.expiresAt) })}</Text>
        {sent.devCode && (
          <Alert color="yellow" icon={<IconInfoCircle size={18} aria-hidden="true" />} data-testid="assisted-dev-code">
            {t('assisted.console.devNotice', { code: sent.devCode })}
          </Alert>
        )}
        {resend.isSuccess && <Text size="sm" c="green.8">{t('assisted.console.resent')}</Text>}
        {resend.isError && <ProblemAlert title={t('assisted.console.failed')} error={resend.error} />}
        <Group gap="sm">
          <Anchor href={confirmPath} target="_blank" rel="noopener">{t('assisted.console.confirmLink')}</Anchor>
          <Button variant="default" leftSection={<IconDeviceMobileMessage size={16} aria-hidden="true" />} loading={resend.isPending} onClick={() => resend.mutate()}>
            {t('assisted.console.resend')}
          </Button>
          <Button leftSection={<IconFilePlus size={16} aria-hidden="true" />} onClick={onNew}>{t('assisted.console.another')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
