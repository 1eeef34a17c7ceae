import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import { newIdempotencyKey } from '../shared/idempotency.ts';
import { FileAttach } from '../shared/ui/FileAttach.tsx';
import { ProblemAlert } from '../shared/ui/ProblemAlert.tsx';
import type { UploadedFile } from '../shared/upload.ts';
import { SecurityCodeInput } from './SecurityCodeInput.tsx';
import { useApplicantAction, type ApplicantAction, type ApplicantActionBody, type ApplicantProof, type PublicDossier } from './dossiers.api.ts';

/** What the actions need of a dossier: the public status and the signed-in detail both have it. */
export type ActionableDossier = Pick<PublicDossier, 'code' | 'agency' | 'supplementRequest'> & { applicantActions: readonly ApplicantAction[] };

/**
 * What the applicant can do on the dossier: send the requested supplement (an officer then receives
 * it, which restarts the clock), and withdraw the dossier while no result exists. On the status page
 * they prove it with the access secret of the receipt; signed in with the e-ID ("Hồ sơ của tôi",
 * `proof="eid"`) no code is asked.
 */
export function ApplicantActions({ dossier, proof = 'security_code' }: { dossier: ActionableDossier; proof?: ApplicantProof }) {
  const canSupplement = dossier.applicantActions.includes('submit_supplement');
  const canWithdraw = dossier.applicantActions.includes('withdraw');
  if (!canSupplement && !canWithdraw) return null;
  return (
    <>
      {canSupplement && dossier.supplementRequest && <SupplementSection dossier={dossier} request={dossier.supplementRequest} proof={proof} />}
      {canWithdraw && <WithdrawAction code={dossier.code} proof={proof} />}
    </>
  );
}

/** A wrong security code is said beside the field, not in a general alert. */
function useSecretRefusal(error: unknown): string | undefined {
  const language = useLanguage();
  return isApiError(error) && error.code === 'dossier.access_denied' ? localized(error.messages, language) : undefined;
}

/** Same key for the same content: a retried click after a timeout creates nothing twice. */
function useAttemptKey() {
  const attempt = useRef<{ key: string; body: string }>(undefined);
  return (body: ApplicantActionBody) => {
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { key: newIdempotencyKey(), body: serialized };
    return attempt.current.key;
  };
}

function SupplementSection({ dossier, request, proof }: { dossier: ActionableDossier; request: NonNullable<PublicDossier['supplementRequest']>; proof: ApplicantProof }) {
  const { t } = useTranslation();
  const [again, setAgain] = useState(false);
  const sent = request.submittedOnlineAt;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="supplement-title" data-testid="supplement-section">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="supplement-title">{t('portal.lookup.supplement.title')}</Title>
        {sent && (
          <Alert variant="light" color="green" icon={<IconCircleCheck size={18} aria-hidden="true" />} role="status" data-testid="supplement-sent">
            <Text size="sm" fw={600}>{t('portal.lookup.supplement.sent')}</Text>
            <Text size="sm">{t('portal.lookup.supplement.sentAt', { at: formatDateTime(sent), agency: dossier.agency.name })}</Text>
          </Alert>
        )}
        {sent && !again ? (
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setAgain(true)}>{t('portal.lookup.supplement.sendMore')}</Button>
          </Group>
        ) : (
          <SupplementForm code={dossier.code} components={request.components} proof={proof} onDone={() => setAgain(false)} />
        )}
      </Stack>
    </Paper>
  );
}

function SupplementForm({ code, components, proof, onDone }: { code: string; components: Array<{ index: number; name: string }>; proof: ApplicantProof; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useApplicantAction(code, proof);
  const withCode = proof === 'security_code';
  const keyFor = useAttemptKey();
  const [secret, setSecret] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<UploadedFile[][]>(() => components.map(() => []));
  const [uploading, setUploading] = useState<Record<number, number>>({});
  const [tried, setTried] = useState(false);
  const busy = Object.values(uploading).some((n) => n > 0);
  const nothing = files.every((list) => list.length === 0) && !note.trim();
  const missingSecret = tried && withCode && !secret.trim();
  const missingContent = tried && nothing;
  const refused = useSecretRefusal(action.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (action.isPending || busy) return;
    setTried(true);
    if ((withCode && !secret.trim()) || nothing) return;
    const all = files.flat();
    const body: ApplicantActionBody = {
      accessSecret: withCode ? secret.trim() : '',
      action: 'submit_supplement',
      ...(note.trim() ? { note: note.trim() } : {}),
      components: files.flatMap((list, i) => (list.length ? [{ index: components[i]!.index, fileIds: list.map((f) => f.id) }] : [])),
      uploadTokens: Object.fromEntries(all.filter((f) => f.uploadToken).map((f) => [f.id, f.uploadToken!])),
    };
    action.mutate({ body, key: keyFor(body) }, {
      onSuccess: () => {
        setFiles(components.map(() => []));
        setNote('');
        setTried(false);
        onDone();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="supplement-form">
      <Stack gap="sm">
        <Text size="sm" c="gray.8">{t('portal.lookup.supplement.intro')}</Text>
        {withCode && (
          <SecurityCodeInput
            description={t('portal.lookup.secretHint')}
            value={secret}
            onChange={setSecret}
            error={missingSecret ? t('portal.lookup.secretRequired') : refused}
            maw={420}
          />
        )}
        <Stack gap="xs">
          {components.map((component, i) => (
            <Paper key={component.index} withBorder p="sm">
              <Stack gap={6}>
                <Text size="sm" fw={600}>{component.index + 1}. {component.name}</Text>
                <FileAttach
                  files={files[i]!}
                  onChange={(list) => setFiles((current) => current.map((l, j) => (j === i ? list : l)))}
                  publicUpload
                  onBusyChange={(n) => setUploading((current) => ({ ...current, [i]: n }))}
                  label={t('portal.submit.attach')}
                  accessibleName={t('console.intake.components.attachFor', { name: component.name })}
                  size="sm"
                />
              </Stack>
            </Paper>
          ))}
        </Stack>
        <Textarea
          label={t('portal.lookup.supplement.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
          maxRows={5}
        />
        {missingContent && <Text size="sm" c="red.8" role="alert">{t('portal.lookup.supplement.nothing')}</Text>}
        {action.isError && !refused && <ProblemAlert title={t('portal.lookup.supplement.failed')} error={action.error} />}
        {refused && <Text size="sm" c="red.8" role="alert">{t('portal.lookup.supplement.failed')}</Text>}
        <Group>
          <Button type="submit" loading={action.isPending} disabled={busy} leftSection={<IconSend size={18} aria-hidden="true" />}>
            {t('portal.lookup.supplement.submit')}
          </Button>
          {busy && <Text size="sm" c="gray.7">{t('console.intake.waitUploads')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}

/** "Rút hồ sơ": a small action, confirmed in a dialog with the access secret. */
function WithdrawAction({ code, proof }: { code: string; proof: ApplicantProof }) {
  const { t } = useTranslation();
  const action = useApplicantAction(code, proof);
  const withCode = proof === 'security_code';
  const keyFor = useAttemptKey();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const refused = useSecretRefusal(action.error);

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (action.isPending) return;
    setTried(true);
    if (withCode && !secret.trim()) return;
    const body: ApplicantActionBody = { accessSecret: withCode ? secret.trim() : '', action: 'withdraw', ...(note.trim() ? { note: note.trim() } : {}) };
    action.mutate({ body, key: keyFor(body) }, { onSuccess: () => setOpen(false) });
  }

  return (
    <Group justify="flex-end">
      <Button variant="subtle" color="red" size="compact-sm" onClick={() => { action.reset(); setTried(false); setOpen(true); }}>
        {t('portal.lookup.withdraw.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={<Text fw={650}>{t('portal.lookup.withdraw.title')}</Text>} closeOnClickOutside={!action.isPending}>
        <form onSubmit={confirm} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('portal.lookup.withdraw.warning', { code })}</Text>
            {withCode && (
              <SecurityCodeInput
                description={t('portal.lookup.secretHint')}
                value={secret}
                onChange={setSecret}
                error={tried && !secret.trim() ? t('portal.lookup.secretRequired') : refused}
                data-autofocus
              />
            )}
            <Textarea label={t('portal.lookup.withdraw.reason')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} autosize minRows={2} maxRows={4} />
            {action.isError && !refused && <ProblemAlert title={t('portal.lookup.withdraw.failed')} error={action.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)} disabled={action.isPending}>{t('portal.lookup.withdraw.cancel')}</Button>
              <Button type="submit" color="red" loading={action.isPending}>{t('portal.lookup.withdraw.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
