import { ActionIcon, Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconCopy, IconFileSearch, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmissionReceipt as Receipt } from './dossiers.api.ts';
import { dossierLookupPath, proceduresPath } from './paths.ts';

/** The confirmation after an online submission: the code, large, where to follow it, and to keep it. */
export function SubmissionReceipt({ receipt, procedureName, agencyName }: { receipt: Receipt; procedureName: string; agencyName: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} style={{ borderTop: '4px solid var(--mantine-color-green-7)' }} data-testid="submission-receipt">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="xl" color="green" variant="light" style={{ flex: 'none' }}>
            <IconCircleCheck size={26} aria-hidden="true" />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} ref={heading} tabIndex={-1} aria-live="polite">{t('portal.submit.done.title')}</Title>
            <Text size="sm" c="gray.7">{procedureName}</Text>
          </Stack>
        </Group>
        <Text>{t('portal.submit.done.body', { agency: agencyName })}</Text>
        <Stack gap={4} p="md" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="sm" c="gray.7">{t('portal.submit.done.code')}</Text>
          <Group gap="xs" wrap="nowrap">
            <Text fz={{ base: 20, sm: 28 }} fw={700} className="motcua-code" style={{ wordBreak: 'break-all' }} data-testid="submission-code">{receipt.code}</Text>
            <CopyButton value={receipt.code}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('console.dossier.copied') : t('portal.submit.done.copy')}>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('portal.submit.done.copy')}>
                    {copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" fw={600}>{t('portal.submit.done.keepCode')}</Text>
        </Stack>
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden="true" />} title={t('portal.submit.done.secret')}>
          <Text className="motcua-code" fw={600} data-testid="submission-secret">{receipt.accessSecret}</Text>
          <Text size="sm" mt={4}>{t('portal.submit.done.secretHint')}</Text>
        </Alert>
        <Group gap="sm">
          <Button component={Link} to={dossierLookupPath(receipt.code)} leftSection={<IconFileSearch size={18} aria-hidden="true" />}>
            {t('portal.submit.done.lookup')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden="true" />} onClick={() => window.print()}>
            {t('portal.submit.done.print')}
          </Button>
          <Anchor component={Link} to={proceduresPath()} size="sm">{t('portal.submit.done.another')}</Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
