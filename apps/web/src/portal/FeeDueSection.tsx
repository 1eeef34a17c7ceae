import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import type { PublicDossier } from './dossiers.api.ts';

/**
 * What the applicant still owes, as the server wrote it (amount and words: the web computes no
 * fee), on the status page and in "Hồ sơ của tôi". Nothing when nothing is owed.
 */
export function FeeDueSection({ feeDue }: { feeDue: PublicDossier['feeDue'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!feeDue) return null;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="fee-due-title" data-testid="fee-due">
      <Stack gap="xs">
        <Title order={2} fz="h3" id="fee-due-title">{t('portal.lookup.fee.title')}</Title>
        <Group gap="xs" align="baseline">
          <Text size="sm">{t('portal.lookup.fee.outstanding')}:</Text>
          <Text fw={700} fz="lg" className="motcua-figures" data-testid="fee-due-amount">{localized(feeDue.outstandingText, language)}</Text>
        </Group>
        <Text size="sm" c="gray.7">{t(feeDue.payOnline ? 'portal.lookup.fee.online' : 'portal.lookup.fee.counter')}</Text>
      </Stack>
    </Paper>
  );
}
