import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { SecurityCodeInput } from '../SecurityCodeInput.tsx';
import { downloadSignedResult, verificationPath } from './verification.api.ts';

/**
 * On the public status page: the signed result (or refusal decision), downloaded with the
 * receipt's security code; its first download by the applicant of an online result is its return.
 */
export function SignedResultDownload({ documentId, onDownloaded }: { documentId: string; onDownloaded?: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="signed-result-title" data-testid="signed-result">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          downloadSignedResult(documentId, code)
            .then(() => onDownloaded?.())
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        <Stack gap="sm">
          <Title order={2} id="signed-result-title" fz="lg">{t('portal.verify.result.title')}</Title>
          <Text size="sm" c="dimmed">{t('portal.verify.result.hint')}</Text>
          <SecurityCodeInput value={code} onChange={setCode} data-testid="result-security-code" />
          <Group>
            <Button type="submit" leftSection={<IconDownload size={16} aria-hidden="true" />} loading={busy} disabled={!code.trim()} data-testid="result-download">
              {t('portal.verify.result.download')}
            </Button>
            <Anchor component={Link} to={verificationPath(documentId)}>{t('portal.verify.result.verify')}</Anchor>
          </Group>
          {error !== null && <ProblemAlert title={t('portal.verify.result.title')} error={error} />}
        </Stack>
      </form>
    </Paper>
  );
}
