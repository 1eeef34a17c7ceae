import { Anchor, EmptyState, Grid, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconFileUnknown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { useNow } from '../../shared/useNow.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { DossierActions } from './DossierActions.tsx';
import { DossierHeader } from './DossierHeader.tsx';
import { DossierResultDocument } from './DossierResultDocument.tsx';
import { DossierApplicant, DossierComponents } from './DossierParticulars.tsx';
import { DossierFees } from './DossierFees.tsx';
import { DossierTimeline } from './DossierTimeline.tsx';
import { DossierForms, DossierWorkflow } from './DossierWorkflow.tsx';
import { useDossier } from './dossiers.api.ts';
import { inboxReturnPath } from './inboxReturn.ts';
import { DossierNotifications } from '../notifications/DossierNotifications.tsx';
import { DossierRating } from '../ratings/DossierRating.tsx';

export function DossierPage() {
  return (
    <SectionGuard section="inbox">
      <Dossier />
    </SectionGuard>
  );
}

/** `/console/ho-so/:id`: one dossier, its papers, its workflow and history, and what the user may do with it now. */
function Dossier() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const dossier = useDossier(id);
  const now = useNow();
  usePageTitle(dossier.data?.code ?? t('console.dossier.title'));

  const back = (
    <Anchor component={Link} to={inboxReturnPath()} size="sm" c="gray.8">
      <Group gap={4}><IconArrowLeft size={16} aria-hidden="true" />{t('console.dossier.back')}</Group>
    </Anchor>
  );

  if (!Number.isInteger(id) || id <= 0 || (dossier.isError && isApiError(dossier.error) && (dossier.error.status === 404 || dossier.error.status === 400))) {
    return (
      <Stack gap="md" maw={1400}>
        {back}
        <EmptyState
          align="left"
          icon={<IconFileUnknown size={28} aria-hidden="true" />}
          withIndicatorBackground
          title={<span data-testid="console-dossier">{t('console.dossier.notFoundTitle')}</span>}
          description={t('console.dossier.notFoundBody')}
        />
      </Stack>
    );
  }
  if (dossier.isPending) return <PageLoader />;
  if (dossier.isError) {
    return (
      <Stack gap="md" maw={1400}>
        {back}
        <ErrorState title={t('console.dossier.errorTitle')} error={dossier.error} onRetry={() => void dossier.refetch()} />
      </Stack>
    );
  }
  const d = dossier.data;
  return (
    <Stack gap="md" maw={1400}>
      {back}
      <DossierHeader dossier={d} now={now} />
      <DossierActions dossier={d} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <DossierApplicant dossier={d} />
            <DossierComponents dossier={d} />
            <DossierFees dossier={d} />
            <DossierTimeline dossier={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <DossierResultDocument dossier={d} />
            <DossierWorkflow dossier={d} now={now} />
            <DossierForms dossier={d} />
            <DossierRating dossier={d} />
            <DossierNotifications dossierId={d.id} code={d.code} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
