import { Alert, Anchor, Button, Container, List, Loader, Paper, PinInput, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconId, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { client, type ApiResponse } from '../shared/api.ts';
import { formatDateTime } from '../shared/format.ts';
import { usePageTitle } from '../shared/ui/page.ts';
import { ProblemAlert } from '../shared/ui/ProblemAlert.tsx';
import { citizenSignInUrl, useCitizen } from './citizen/session.ts';

type Confirmed = ApiResponse<'/public/dossiers/{code}/confirm', 'post'>;

/**
 * `/xac-nhan/:code`: the applicant reviews a dossier an officer or a community helper prepared for
 * them and confirms it, with the six-digit code sent to their phone or e-mail, or signed in with
 * the e-ID (no code). Only then is it submitted; the page then shows the receipt's security code.
 */
export function ConfirmPreparationPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('assisted.confirm.title'));
  const { code = '' } = useParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const citizen = useCitizen();
  const [oneTimeCode, setOneTimeCode] = useState('');
  const [done, setDone] = useState<Confirmed>();
  const summaryKey = ['public', 'preparation', code] as const;
  const summary = useQuery({
    queryKey: summaryKey,
    queryFn: ({ signal }) => client.get('/public/dossiers/{code}/preparation', { params: { code }, signal }),
  });
  const confirm = useMutation({
    mutationFn: (body: { oneTimeCode?: string }) => client.post('/public/dossiers/{code}/confirm', body, { params: { code } }),
    onSuccess: (answer) => setDone(answer),
    // A wrong code may have locked it: show the state as the server now has it.
    onError: () => void queryClient.invalidateQueries({ queryKey: summaryKey }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (oneTimeCode.length === 6 && !confirm.isPending) confirm.mutate({ oneTimeCode });
  }

  if (summary.isPending) return <Container py="xl"><Loader /></Container>;
  if (summary.isError) return <Container py="xl"><ProblemAlert title={t('assisted.confirm.title')} error={summary.error} /></Container>;
  const s = summary.data;
  const profile = citizen.data;

  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1}>{t('assisted.confirm.title')}</Title>
        {done ? (
          <Paper withBorder p="lg" data-testid="confirmation-done">
            <Stack gap="sm">
              <Text fw={650}><IconCircleCheck size={18} aria-hidden="true" color="var(--mantine-color-green-8)" style={{ verticalAlign: 'text-bottom' }} /> {t('assisted.confirm.done', { code: done.code })}</Text>
              <Text size="sm">{t('assisted.confirm.secret')}</Text>
              <Text className="motcua-code" fw={600} fz="lg" data-testid="confirmation-secret">{done.accessSecret}</Text>
              <Anchor component={Link} to={`/tra-cuu/${encodeURIComponent(done.code)}`}>{t('assisted.confirm.track')}</Anchor>
            </Stack>
          </Paper>
        ) : (
          <>
            <Text>{t('assisted.confirm.intro')}</Text>
            <Paper withBorder p="md">
              <Stack gap={6}>
                <Text><b>{t('assisted.confirm.procedure')}:</b> {s.procedure.name} (<span className="motcua-code">{s.procedure.code}</span>)</Text>
                <Text><b>{t('assisted.confirm.agency')}:</b> {s.agency.name}</Text>
                <Text><b>{t('assisted.confirm.applicant')}:</b> {s.applicantInitials}</Text>
                <Text size="sm" c="gray.7">
                  {t('assisted.confirm.preparedAt', { at: formatDateTime(s.preparedAt), by: t(`roles.${s.preparedByRole}`).toLocaleLowerCase(i18n.language) })}
                </Text>
                <Text fw={650} mt="xs">{t('assisted.confirm.components')}</Text>
                <List size="sm">
                  {s.components.map((c) => <List.Item key={c.index}>{c.name} — {t('assisted.confirm.files', { count: c.files })}</List.Item>)}
                </List>
              </Stack>
            </Paper>
            {!s.awaitingConfirmation ? (
              <Alert color="gray">{t('assisted.confirm.notAwaiting')}</Alert>
            ) : (
              <>
                {profile ? (
                  <Button
                    leftSection={<IconId size={16} aria-hidden="true" />}
                    loading={confirm.isPending}
                    onClick={() => confirm.mutate({})}
                    // A long name wraps on a phone instead of being cut.
                    h="auto"
                    mih={42}
                    py={8}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.35 } }}
                  >
                    {t('assisted.confirm.asCitizen', { name: profile.fullName })}
                  </Button>
                ) : (
                  <form onSubmit={submit} noValidate>
                    <Stack gap="sm">
                      {s.oneTimeCode && (
                        <Text size="sm">{t('assisted.confirm.codeSentTo', { destination: s.oneTimeCode.destination, expiresAt: formatDateTime(s.oneTimeCode.expiresAt) })}</Text>
                      )}
                      {s.oneTimeCode?.locked ? (
                        <Alert color="red" icon={<IconLock size={18} aria-hidden="true" />}>{t('assisted.confirm.locked')}</Alert>
                      ) : (
                        <>
                          <Text component="label" htmlFor="one-time-code" fw={600} size="sm">{t('assisted.confirm.codeLabel')}</Text>
                          <PinInput id="one-time-code" length={6} type="number" oneTimeCode value={oneTimeCode} onChange={setOneTimeCode} aria-label={t('assisted.confirm.codeLabel')} />
                          <Button type="submit" loading={confirm.isPending} disabled={oneTimeCode.length !== 6}>{t('assisted.confirm.submit')}</Button>
                        </>
                      )}
                      <Anchor href={citizenSignInUrl(location.pathname)}>{t('assisted.confirm.signIn')}</Anchor>
                    </Stack>
                  </form>
                )}
                {confirm.isError && <ProblemAlert title={t('assisted.confirm.failed')} error={confirm.error} />}
              </>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
