import { Alert, Button, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { checkAnswers, type Questionnaire } from '@motcua/domain';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { client } from '../../shared/api.ts';
import { formatPlainDate } from '../../shared/format.ts';
import { usePageTitle } from '../../shared/ui/page.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { answersOf, QuestionnaireForm, type AnswerDraft } from '../../shared/survey/QuestionnaireForm.tsx';

/** The invitation's one-time token: `#t=<token>` (a fragment, so it never reaches a server log). */
export function surveyTokenOf(hash: string): string | undefined {
  return /^#t=([A-Za-z0-9_-]{8,200})$/.exec(hash)?.[1];
}

/**
 * `/khao-sat#t=<token>`: the applicant answers a satisfaction survey (docs/rules/service-quality.md)
 * from the link of their invitation or the QR code of a printed one, on their phone or at a kiosk.
 * The token is sent in request bodies only; once the answer is taken it is spent and the page
 * forgets it.
 */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveys.portal.title'));
  const location = useLocation();
  const [token] = useState(() => surveyTokenOf(location.hash));
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const invitation = useQuery({
    queryKey: ['public', 'survey-invitation', token],
    queryFn: () => client.post('/public/surveys/invitation', { token: token! }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
  });
  const answer = useMutation({
    mutationFn: (answers: Record<string, unknown>) => client.post('/public/surveys/answers', { token: token!, answers: answers as never }),
    // The token is spent: nothing on the page can use it again, and a reload does not show it.
    onSuccess: () => window.history.replaceState(null, '', window.location.pathname),
  });

  if (!token) {
    return (
      <Container size="sm" py="xl">
        <Stack gap="md">
          <Title order={1}>{t('surveys.portal.title')}</Title>
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />} title={t('surveys.portal.noToken')}>
            {t('surveys.portal.noTokenBody')}
          </Alert>
        </Stack>
      </Container>
    );
  }
  if (invitation.isPending) {
    return <Container py="xl"><Loader role="status" aria-label={t('surveys.portal.loading')} /></Container>;
  }
  if (invitation.isError) {
    return (
      <Container size="sm" py="xl">
        <Stack gap="md">
          <Title order={1}>{t('surveys.portal.title')}</Title>
          <ProblemAlert title={t('surveys.portal.invalid')} error={invitation.error} />
        </Stack>
      </Container>
    );
  }
  const s = invitation.data;
  const questionnaire = s.questionnaire as Questionnaire;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkAnswers(questionnaire, answersOf(draft));
    const next = Object.fromEntries(checked.issues.map((i) => [i.path.replace(/^answers\./, ''), t('surveys.form.required')]));
    setErrors(next);
    if (checked.issues.length) {
      document.getElementById(`survey-${checked.issues[0]!.path.replace(/^answers\./, '')}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    answer.mutate(checked.answers);
  }

  const missing = Object.values(errors).filter(Boolean).length;
  return (
    <Container size="sm" py="lg" px="sm">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>{s.title}</Title>
          <Text size="sm" c="gray.7">{t('surveys.portal.period', { from: formatPlainDate(s.periodFrom), to: formatPlainDate(s.periodTo) })}</Text>
        </Stack>
        {answer.isSuccess ? (
          <Paper withBorder p="lg" data-testid="survey-thanks" role="status">
            <Stack gap="xs">
              <Text fw={650} size="lg">
                <IconCircleCheck size={22} aria-hidden="true" color="var(--mantine-color-green-8)" style={{ verticalAlign: 'text-bottom' }} /> {t('surveys.portal.thanks')}
              </Text>
              <Text size="sm">{t('surveys.portal.thanksBody')}</Text>
            </Stack>
          </Paper>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="lg">
              <Text size="md">{t('surveys.portal.intro', { code: s.dossierCode, procedure: s.procedureName, agency: s.agencyName })}</Text>
              <QuestionnaireForm questionnaire={questionnaire} value={draft} onChange={(next) => { setDraft(next); setErrors({}); }} errors={errors} idPrefix="survey" />
              {missing > 0 && <Alert color="red" variant="light" role="alert">{t('surveys.portal.missing', { count: missing })}</Alert>}
              {answer.isError && <ProblemAlert title={t('surveys.portal.failed')} error={answer.error} />}
              <Button type="submit" size="lg" fullWidth loading={answer.isPending}>{t('surveys.portal.submit')}</Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  );
}
