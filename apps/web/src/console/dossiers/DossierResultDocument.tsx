import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiBase } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import type { DossierDetail } from './dossiers.api.ts';

const statusColors = { unsigned: 'gray', signed_by_person: 'orange', signed: 'green' } as const;

/**
 * The dossier's electronic result (or refusal decision) as a document to sign: its state, its
 * signatures, its current file (to read before signing) and its public verification page.
 */
export function DossierResultDocument({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const document = dossier.resultDocument;
  if (!document) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="result-document-title" data-testid="result-document">
      <Group gap={6} mb="xs">
        <IconSignature size={18} aria-hidden="true" />
        <Title order={2} fz="h4" id="result-document-title">{t('console.dossier.result.title')}</Title>
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={600}>{document.title}</Text>
        <Badge color={statusColors[document.status]} variant="light" data-status={document.status} h="auto" py={3} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
          {localized(document.statusText, language)}
        </Badge>
        {document.signatures.map((s, i) => (
          <Text key={i} size="xs">
            {s.as === 'person' ? t('console.dossier.result.byPerson') : t('console.dossier.result.byAgency')}: <b>{s.signer}</b> — {formatDateTime(s.signedAt)}
            {s.timestamped ? ` (${t('console.dossier.result.timestamped')})` : ''}
          </Text>
        ))}
        <Anchor href={`${apiBase}/signed-documents/${document.id}/file`} target="_blank" rel="noopener" size="sm" data-testid="result-file">
          <Group gap={6} wrap="nowrap">{t('console.dossier.result.open')}<IconExternalLink size={14} aria-hidden="true" /></Group>
        </Anchor>
        <Anchor href={document.verificationUrl} target="_blank" rel="noopener" size="sm">
          <Group gap={6} wrap="nowrap">{t('console.dossier.result.verification')}<IconExternalLink size={14} aria-hidden="true" /></Group>
        </Anchor>
      </Stack>
    </Paper>
  );
}
