/**
 * "Kho dữ liệu của tôi" (`/kho-du-lieu`): the signed-in citizen's stored documents — the digitized
 * components and electronic results of their dossiers — with their source dossier, issuing
 * agency, date, validity and file hash, and a download. Signed out: a call to sign in with the e-ID.
 */
import { Anchor, Button, Card, Code, Container, Flex, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconLogin } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBase } from '../../shared/api.ts';
import { formatPlainDate } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { citizenSignInUrl, useCitizen } from '../citizen/session.ts';
import { useMyDocuments, type StoredDocument } from './dataStore.api.ts';
import { ValidityBadge } from './ValidityBadge.tsx';

export const dataStorePath = '/kho-du-lieu';

export function DataStorePage() {
  const { t } = useTranslation();
  usePageTitle(t('dataStore.title'));
  const citizen = useCitizen();
  const documents = useMyDocuments({ enabled: Boolean(citizen.data) });

  return (
    <Container size="lg" py="lg">
      <Stack gap="md">
        <Title order={1}>{t('dataStore.title')}</Title>
        <Text c="gray.7">{t('dataStore.intro')}</Text>
        {citizen.isPending ? <PageLoader /> : !citizen.data ? (
          <Card withBorder p="lg">
            <Stack gap="sm" align="flex-start">
              <Text>{t('dataStore.signInFirst')}</Text>
              <Button component="a" href={citizenSignInUrl(dataStorePath)} leftSection={<IconLogin size={18} aria-hidden="true" />}>
                {t('dataStore.signIn')}
              </Button>
            </Stack>
          </Card>
        ) : documents.isPending ? <PageLoader /> : documents.isError ? (
          <ErrorState title={t('dataStore.loadFailed')} error={documents.error} onRetry={() => void documents.refetch()} />
        ) : documents.data.items.length === 0 ? (
          <Text>{t('dataStore.empty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {documents.data.items.map((d) => <DocumentCard key={d.id} document={d} />)}
          </SimpleGrid>
        )}
      </Stack>
    </Container>
  );
}

function DocumentCard({ document: d }: { document: StoredDocument }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder p="md" component="article" aria-label={d.title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} fz="h4">{d.title}</Title>
          <ValidityBadge document={d} />
        </Group>
        <Text size="sm" c="gray.7">
          {d.documentTypeText ? localized(d.documentTypeText, language) : t('dataStore.otherType')} · {t(`dataStore.origin.${d.origin}`)}
        </Text>
        <dl style={{ margin: 0 }}>
          <Row term={t(`dataStore.issuingAgencyOf.${d.origin}`)}>{d.issuingAgency}</Row>
          <Row term={t(`dataStore.issuedOnOf.${d.origin}`)}>{formatPlainDate(d.issuedOn)}</Row>
          {d.sourceDossier && <Row term={t('dataStore.sourceDossier')}><span className="motcua-figures">{d.sourceDossier.code}</span></Row>}
          <Row term={t('dataStore.hash')}><Code style={{ wordBreak: 'break-all' }}>{d.sha256}</Code></Row>
        </dl>
        <Anchor href={`${apiBase}/citizen/documents/${d.id}/file`} target="_blank" rel="noopener" size="sm">
          <Group gap={4}><IconDownload size={16} aria-hidden="true" />{t('dataStore.download')}</Group>
        </Anchor>
      </Stack>
    </Card>
  );
}

/** A term beside its value; on a phone, above it, so the value keeps the whole width. */
function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Flex direction={{ base: 'column', xs: 'row' }} gap={{ base: 0, xs: 'xs' }} mb={{ base: 6, xs: 2 }} align="flex-start">
      <Text component="dt" size="sm" c="gray.7" miw={130} style={{ flexShrink: 0 }}>{term}</Text>
      <Text component="dd" size="sm" m={0} style={{ minWidth: 0 }}>{children}</Text>
    </Flex>
  );
}
