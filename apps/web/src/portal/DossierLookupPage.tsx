import { Badge, Container, DataList, EmptyState, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconFileUnknown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { vi } from '../shared/i18n/vi.ts';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import { DossierLookupForm } from './DossierLookupForm.tsx';
import { usePublicDossier, type PublicDossier } from './dossiers.api.ts';
import { normalizeDossierCode } from './paths.ts';

export function DossierLookupPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.lookup.title'));
  const params = useParams();
  const code = params.code ? normalizeDossierCode(params.code) : undefined;
  const result = usePublicDossier(code);

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={1} data-testid="dossier-lookup">{t('portal.lookup.title')}</Title>
        <Paper withBorder p="md">
          <DossierLookupForm key={code} label={t('portal.lookup.codeLabel')} initialCode={code} size="sm" />
        </Paper>
        {code && result.isPending && <PageLoader />}
        {code && result.isError && (
          isApiError(result.error) && result.error.status === 404 ? (
            <EmptyState
              mt="md"
              icon={<IconFileUnknown size={32} aria-hidden="true" />}
              withIndicatorBackground
              title={t('portal.lookup.notFoundTitle', { code })}
              description={t('portal.lookup.notFoundBody')}
            />
          ) : (
            <ErrorState title={t('portal.lookup.errorTitle')} error={result.error} onRetry={() => void result.refetch()} />
          )
        )}
        {result.data && <DossierStatus dossier={result.data} />}
      </Stack>
    </Container>
  );
}

type Status = keyof typeof vi.dossierStatus;

const statusColors: Partial<Record<Status, string>> = {
  resolved: 'green',
  returned: 'green',
  supplement_requested: 'orange',
  paused: 'orange',
  refused: 'red',
  rejected: 'red',
  withdrawn: 'gray',
};

function DossierStatus({ dossier }: { dossier: PublicDossier }) {
  const { t } = useTranslation();
  const statusLabel = (status: string | undefined) =>
    status && status in vi.dossierStatus ? t(`dossierStatus.${status as Status}`) : (status ?? '');
  const steps = dossier.steps ?? [];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="dossier-code">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} id="dossier-code" fz="lg" className="motcua-code">{dossier.code}</Title>
          <Badge size="lg" color={statusColors[dossier.status as Status] ?? 'blue'}>{statusLabel(dossier.status)}</Badge>
        </Group>
        <DataList labelWidth="11rem" withDivider>
          {dossier.procedure && (
            <DataList.Item>
              <DataList.ItemLabel>{t('portal.lookup.procedure')}</DataList.ItemLabel>
              <DataList.ItemValue>{dossier.procedure.name}</DataList.ItemValue>
            </DataList.Item>
          )}
          {dossier.applicantInitials && (
            <DataList.Item>
              <DataList.ItemLabel>{t('portal.lookup.applicant')}</DataList.ItemLabel>
              <DataList.ItemValue>{dossier.applicantInitials}</DataList.ItemValue>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.ItemLabel>{t('portal.lookup.receivedAt')}</DataList.ItemLabel>
            <DataList.ItemValue className="motcua-figures">{formatDateTime(dossier.receivedAt)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('portal.lookup.dueAt')}</DataList.ItemLabel>
            <DataList.ItemValue className="motcua-figures" fw={600}>{formatDateTime(dossier.dueAt)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Title order={3}>{t('portal.lookup.steps')}</Title>
        {steps.length === 0 ? (
          <Text size="sm" c="gray.7">{t('portal.lookup.noSteps')}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={steps.length - 1}>
            {steps.map((step, index) => (
              <Timeline.Item key={index} title={step.name ?? statusLabel(step.status)}>
                {step.agencyName && <Text size="sm">{step.agencyName}</Text>}
                <Text size="xs" c="gray.7" className="motcua-figures">{formatDateTime(step.at)}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
