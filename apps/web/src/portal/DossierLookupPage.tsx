import { Container, EmptyState, Paper, Stack, Title } from '@mantine/core';
import { IconFileUnknown, IconInputX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { resultStatuses, type DossierStatus } from '@motcua/domain';
import { isApiError } from '../shared/api.ts';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import { ApplicantActions } from './ApplicantActions.tsx';
import { DossierLookupForm } from './DossierLookupForm.tsx';
import { usePublicDossier } from './dossiers.api.ts';
import { normalizeDossierCode, ratingTokenOf } from './paths.ts';
import { FeeDueWithPayment, PaymentOutcome, UnidentifiedPaymentNotice } from './payments/OnlinePayment.tsx';
import { PublicDossierStatus } from './PublicDossierStatus.tsx';
import { RatingForm } from './RatingForm.tsx';
import { ratingPagePath } from './ratings/ratingLinks.ts';
import { SignedResultDownload } from './verification/SignedResultDownload.tsx';

/** A dossier can be rated once it has a result (the domain's group). */
const ratable = { has: (status: string) => resultStatuses.has(status as DossierStatus) };

/** `/tra-cuu/:code`: anyone with the code on the receipt sees where the dossier stands. */
export function DossierLookupPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.lookup.title'));
  const params = useParams();
  const hash = useLocation().hash;
  const code = params.code ? normalizeDossierCode(params.code) : undefined;
  // A receipt printed before the rating page existed: its rating QR code opens this page with the token.
  const legacyToken = code ? ratingTokenOf(hash) : undefined;
  const result = usePublicDossier(legacyToken ? undefined : code);
  if (code && legacyToken) return <Navigate to={ratingPagePath(code, legacyToken)} replace />;
  const failure = result.isError && isApiError(result.error) ? result.error : undefined;

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Title order={1} data-testid="dossier-lookup">{t('portal.lookup.title')}</Title>
        <Paper withBorder p="md">
          <DossierLookupForm key={code} label={t('portal.lookup.codeLabel')} initialCode={code} size="sm" />
        </Paper>
        {!code && <UnidentifiedPaymentNotice />}
        {code && result.isPending && <PageLoader />}
        {code && result.isError && (
          failure?.code === 'dossier.invalid_code' ? (
            <EmptyState
              mt="md"
              icon={<IconInputX size={32} aria-hidden="true" />}
              withIndicatorBackground
              title={t('portal.lookup.invalidTitle', { code })}
              description={t('portal.lookup.invalidBody')}
            />
          ) : failure?.status === 404 ? (
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
        {result.data && <PaymentOutcome code={result.data.code} proof="security_code" feeDue={result.data.feeDue} />}
        {result.data && <PublicDossierStatus dossier={result.data} />}
        {result.data && <FeeDueWithPayment code={result.data.code} proof="security_code" feeDue={result.data.feeDue} />}
        {result.data && <ApplicantActions key={result.data.code} dossier={result.data} />}
        {result.data?.signedResult && <SignedResultDownload documentId={result.data.signedResult.id} onDownloaded={() => void result.refetch()} />}
        {result.data && ratable.has(result.data.status) && <RatingForm code={result.data.code} rated={result.data.rated} />}
      </Stack>
    </Container>
  );
}
