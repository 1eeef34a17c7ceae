import { Alert, Anchor, Badge, Button, Container, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileUnknown, IconInfoCircle, IconInputX, IconClockPause } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { feedbackPath } from '../paths.ts';
import { SecurityCodeInput } from '../SecurityCodeInput.tsx';
import { useOwnFeedback, usePublicFeedback, type PublicFeedback } from './feedback.api.ts';
import { FeedbackLookupForm } from './FeedbackPage.tsx';

const statusColor: Record<PublicFeedback['status'], string> = { received: 'blue', assigned: 'blue', waiting_sender: 'orange', answered: 'green', refused: 'gray' };

/** `/phan-anh/:code`: where a feedback stands; once published, the question and answer without personal data; the sender's own view. */
export function FeedbackStatusPage() {
  const { t } = useTranslation();
  const params = useParams();
  const code = params.code ? params.code.replace(/\s+/g, '').toUpperCase() : undefined;
  usePageTitle(code ? t('feedback.portal.detail.heading', { code }) : t('feedback.portal.title'));
  const result = usePublicFeedback(code);
  const failure = result.isError && isApiError(result.error) ? result.error : undefined;

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Anchor component={Link} to={feedbackPath('lookup')} size="sm" style={{ alignSelf: 'flex-start' }}>
          <Group gap={4}><IconArrowLeft size={16} aria-hidden="true" />{t('feedback.portal.detail.back')}</Group>
        </Anchor>
        <Title order={1} data-testid="feedback-status-title">{t('feedback.portal.detail.heading', { code: code ?? '' })}</Title>
        {result.isPending && <PageLoader />}
        {result.isError && (
          failure?.code === 'feedback.invalid_code' ? (
            <>
              <EmptyState icon={<IconInputX size={32} aria-hidden="true" />} withIndicatorBackground align="left"
                title={t('feedback.portal.lookup.invalidTitle', { code })} description={t('feedback.portal.lookup.invalidBody')} />
              <FeedbackLookupForm key={code} />
            </>
          ) : failure?.status === 404 ? (
            <>
              <EmptyState icon={<IconFileUnknown size={32} aria-hidden="true" />} withIndicatorBackground align="left"
                title={t('feedback.portal.lookup.notFoundTitle', { code })} description={t('feedback.portal.lookup.notFoundBody')} />
              <FeedbackLookupForm key={code} initialCode={code} />
            </>
          ) : (
            <ErrorState title={t('feedback.portal.lookup.errorTitle')} error={result.error} onRetry={() => void result.refetch()} />
          )
        )}
        {result.data && <FeedbackStatus feedback={result.data} />}
      </Stack>
    </Container>
  );
}

function FeedbackStatus({ feedback }: { feedback: PublicFeedback }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [own, setOwn] = useState<PublicFeedback['own']>(feedback.own);
  const fact = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">{label}</Text>
      <Text size="sm" fw={600}>{value}</Text>
    </Stack>
  );
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="xs">
            <Badge size="lg" variant="light" color={statusColor[feedback.status]} c={`${statusColor[feedback.status]}.9`} data-testid="feedback-status">{t(`feedback.status.${feedback.status}`)}</Badge>
            {feedback.onTime !== null && <Badge size="lg" variant="light" color={feedback.onTime ? 'green' : 'red'} c={feedback.onTime ? 'green.9' : 'red.9'}>{t(feedback.onTime ? 'feedback.onTime' : 'feedback.late')}</Badge>}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {fact(t('feedback.portal.detail.agency'), feedback.agency.name)}
            {fact(t('feedback.portal.detail.category'), t(`feedback.category.${feedback.category}`))}
            {fact(t('feedback.portal.detail.receivedAt'), formatDateTime(feedback.receivedAt))}
            {feedback.status !== 'refused' && fact(t('feedback.portal.detail.dueAt'), formatDateTime(feedback.dueAt))}
            {feedback.answeredAt && fact(t('feedback.portal.detail.answeredAt'), formatDateTime(feedback.answeredAt))}
          </SimpleGrid>
          {feedback.waitingForSender && (
            <Alert variant="light" color="yellow" icon={<IconClockPause size={18} aria-hidden="true" />}>
              <Text size="sm" c="gray.9">{t('feedback.portal.detail.waiting')}</Text>
            </Alert>
          )}
        </Stack>
      </Paper>

      {feedback.refusal && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} data-testid="feedback-refusal"
          title={t('feedback.portal.detail.refusedTitle', { category: t(`feedback.category.${feedback.refusal.category}`).toLowerCase() })}>
          <Text size="sm" c="gray.9">{localized(feedback.refusal.guidance, language)}</Text>
        </Alert>
      )}

      {feedback.publication && (
        <Paper withBorder p="md" component="section" aria-labelledby="publication-title" data-testid="feedback-publication">
          <Stack gap="sm">
            <Title order={2} fz="h3" id="publication-title">{feedback.publication.title}</Title>
            <Text size="xs" c="gray.7">{t('feedback.portal.detail.publishedAt', { date: formatDate(feedback.publication.publishedAt) })} · {t('feedback.portal.detail.publishedNote')}</Text>
            <Stack gap={4}>
              <Text size="sm" fw={650}>{t('feedback.portal.detail.question')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{feedback.publication.content}</Text>
            </Stack>
            <Paper bg="gray.0" p="sm" radius="sm">
              <Text size="sm" fw={650} mb={4}>{t('feedback.portal.detail.answer')}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{feedback.publication.answer}</Text>
            </Paper>
          </Stack>
        </Paper>
      )}
      {feedback.status === 'answered' && !feedback.publication && !own && (
        <Text size="sm" c="gray.7">{t('feedback.portal.detail.notPublished')}</Text>
      )}

      {own ? <OwnView own={own} /> : feedback.status !== 'refused' && <OwnViewForm code={feedback.code} onShown={setOwn} />}
    </Stack>
  );
}

function OwnView({ own }: { own: NonNullable<PublicFeedback['own']> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="own-title" data-testid="feedback-own">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="own-title">{t('feedback.portal.detail.ownTitle')}</Title>
        <Text fw={650}>{own.title}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{own.content}</Text>
        <Paper bg="gray.0" p="sm" radius="sm">
          <Text size="sm" fw={650} mb={4}>{t('feedback.portal.detail.answer')}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{own.answer ?? t('feedback.portal.detail.noAnswerYet')}</Text>
        </Paper>
      </Stack>
    </Paper>
  );
}

function OwnViewForm({ code, onShown }: { code: string; onShown: (own: PublicFeedback['own']) => void }) {
  const { t } = useTranslation();
  const view = useOwnFeedback(code);
  const [securityCode, setSecurityCode] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (securityCode.trim()) view.mutate(securityCode.trim(), { onSuccess: (data) => onShown(data.own) });
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="own-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="own-form-title">{t('feedback.portal.detail.ownTitle')}</Title>
          <SecurityCodeInput label={t('feedback.portal.detail.securityCode')} description={t('feedback.portal.detail.ownHint')} value={securityCode} onChange={setSecurityCode} />
          {view.isError && <ErrorState title={t('feedback.portal.detail.viewFailed')} error={view.error} />}
          <Group><Button type="submit" variant="light" loading={view.isPending}>{t('feedback.portal.detail.view')}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
