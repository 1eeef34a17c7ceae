import { Button, Container, Paper, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell, IconId, IconLogin2 } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { client, isApiError, type ApiBody } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { citizenSignInUrl, useCitizen } from './session.ts';

type Preferences = ApiBody<'/citizen/notification-preferences', 'put'>;
const key = ['citizen', 'notification-preferences'] as const;

/** `/tai-khoan/thong-bao`: the signed-in citizen turns e-mail, SMS and Zalo messages on or off and picks their language. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.preferences.title'));
  const location = useLocation();
  const citizen = useCitizen();
  if (citizen.isPending) return <PageLoader />;
  if (!citizen.data) {
    return (
      <Container size="sm" py="xl">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md" align="flex-start">
            <IconId size={40} aria-hidden="true" color="var(--mantine-color-brand-7)" />
            <Title order={1} fz="h2">{t('notifications.preferences.title')}</Title>
            <Text>{t('myDossiers.signInBody')}</Text>
            <Button component="a" href={citizenSignInUrl(location.pathname)} leftSection={<IconLogin2 size={18} aria-hidden="true" />}>{t('myDossiers.signIn')}</Button>
          </Stack>
        </Paper>
      </Container>
    );
  }
  return <Container size="sm" py="lg"><PreferencesForm /></Container>;
}

function PreferencesForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: key, queryFn: ({ signal }) => client.get('/citizen/notification-preferences', { signal }) });
  const [form, setForm] = useState<Preferences | undefined>();
  useEffect(() => {
    if (current.data) {
      const { email, sms, chat, chatId, locale } = current.data;
      setForm({ email, sms, chat, chatId, locale });
    }
  }, [current.data]);
  const save = useMutation({
    mutationFn: (body: Preferences) => client.put('/citizen/notification-preferences', body),
    onSuccess: (answer) => {
      queryClient.setQueryData(key, answer);
      toasts.show({ color: 'green', message: t('notifications.preferences.saved') });
    },
  });
  if (current.isPending || !form) return current.isError ? <ErrorState title={t('notifications.preferences.loadFailed')} error={current.error} onRetry={() => void current.refetch()} /> : <PageLoader />;
  const contacts = current.data!;
  const chatIdIssue = isApiError(save.error) ? save.error.issues.find((i) => i.path === 'chatId') : undefined;
  const set = (patch: Partial<Preferences>) => setForm({ ...form, ...patch });

  return (
    <Stack gap="md" component="form" onSubmit={(event) => { event.preventDefault(); save.mutate({ ...form, chatId: form.chatId?.trim() || null }); }}>
      <Stack gap={4}>
        <Title order={1} fz="h2"><IconBell size={24} aria-hidden="true" style={{ verticalAlign: '-3px', marginRight: 8 }} />{t('notifications.preferences.title')}</Title>
        <Text c="gray.7">{t('notifications.preferences.subtitle')}</Text>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="lg">
          <Switch size="md" checked={form.email} onChange={(e) => set({ email: e.currentTarget.checked })} label={t('notifications.preferences.email')}
            description={contacts.emailAddress ? t('notifications.preferences.emailTo', { address: contacts.emailAddress }) : t('notifications.preferences.noEmail')} />
          <Switch size="md" checked={form.sms} onChange={(e) => set({ sms: e.currentTarget.checked })} label={t('notifications.preferences.sms')}
            description={contacts.phone ? t('notifications.preferences.smsTo', { phone: contacts.phone }) : t('notifications.preferences.noPhone')} />
          <Stack gap="xs">
            <Switch size="md" checked={form.chat} onChange={(e) => set({ chat: e.currentTarget.checked })} label={t('notifications.preferences.chat')}
              description={t('notifications.preferences.chatHint')} />
            {form.chat && (
              <TextInput label={t('notifications.preferences.chatId')} description={t('notifications.preferences.chatIdHint')} value={form.chatId ?? ''}
                onChange={(e) => set({ chatId: e.currentTarget.value })} required autoComplete="off" spellCheck={false} maw={360} ml={{ base: 0, sm: 52 }}
                error={chatIdIssue ? (chatIdIssue.messages ? localized(chatIdIssue.messages, language) : chatIdIssue.message) : undefined} />
            )}
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500} id="notification-language">{t('notifications.preferences.language')}</Text>
            <SegmentedControl aria-labelledby="notification-language" value={form.locale} onChange={(value) => set({ locale: value as 'vi' | 'en' })}
              data={[{ value: 'vi', label: t('language.vi') }, { value: 'en', label: t('language.en') }]} style={{ alignSelf: 'flex-start' }} />
          </Stack>
        </Stack>
      </Paper>
      {save.isError && !chatIdIssue && <ProblemAlert title={t('notifications.preferences.title')} error={save.error} />}
      <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }} size="md">{t('notifications.preferences.save')}</Button>
    </Stack>
  );
}
