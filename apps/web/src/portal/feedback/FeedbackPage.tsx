import { Anchor, Badge, Button, Container, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconFileSearch, IconLogin2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { citizenSignInUrl, useCitizen } from '../citizen/session.ts';
import { agencyParam, feedbackPath, feedbackStatusPath } from '../paths.ts';
import { SearchField } from '../SearchField.tsx';
import { FeedbackForm } from './FeedbackForm.tsx';
import { useMyFeedback } from './feedback.api.ts';
import { PublishedFeedbackList } from './PublishedFeedbackList.tsx';

const tabs = { gui: 'send', 'tra-cuu': 'lookup', 'da-tra-loi': 'published', 'cua-toi': 'mine' } as const;
type Tab = (typeof tabs)[keyof typeof tabs];
const paramOf: Record<Tab, string | null> = { send: null, lookup: 'tra-cuu', published: 'da-tra-loi', mine: 'cua-toi' };

/**
 * `/phan-anh`: feedback and petitions (phản ánh, kiến nghị) — send one, look one up by its code,
 * read the published answers, and (signed in with the e-ID) one's own. The tab is in the address
 * (`?xem=`), so each can be linked; `?co-quan=<code>` chooses the agency in the form (the desk's QR poster).
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  usePageTitle(t('feedback.portal.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = tabs[(params.get('xem') ?? 'gui') as keyof typeof tabs] ?? 'send';
  const go = (next: string | null) => {
    const value = (next ?? 'send') as Tab;
    const param = paramOf[value];
    // The other parameters stay: the agency a desk's QR poster chose is still chosen back on "Gửi".
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (param) next.set('xem', param);
      else next.delete('xem');
      return next;
    }, { replace: true });
  };

  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} data-testid="feedback-page">{t('feedback.portal.title')}</Title>
          <Text c="gray.7">{t('feedback.portal.subtitle')}</Text>
        </Stack>
        <Tabs value={tab} onChange={go} keepMounted={false}>
          <Tabs.List aria-label={t('feedback.portal.tabsLabel')} mb="md">
            <Tabs.Tab value="send">{t('feedback.portal.tabs.send')}</Tabs.Tab>
            <Tabs.Tab value="lookup">{t('feedback.portal.tabs.lookup')}</Tabs.Tab>
            <Tabs.Tab value="published">{t('feedback.portal.tabs.published')}</Tabs.Tab>
            <Tabs.Tab value="mine">{t('feedback.portal.tabs.mine')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="send"><FeedbackForm agency={params.get(agencyParam)?.trim() || undefined} /></Tabs.Panel>
          <Tabs.Panel value="lookup"><FeedbackLookupForm /></Tabs.Panel>
          <Tabs.Panel value="published"><PublishedFeedbackList /></Tabs.Panel>
          <Tabs.Panel value="mine"><MyFeedback /></Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}

/** The lookup box: goes to `/phan-anh/:code`. */
export function FeedbackLookupForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initialCode);
  const [missing, setMissing] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    const normalized = code.replace(/\s+/g, '').toUpperCase();
    setMissing(normalized === '');
    if (normalized) void navigate(feedbackStatusPath(normalized));
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <SearchField
          label={t('feedback.portal.lookup.label')}
          hint={t('feedback.portal.lookup.hint')}
          error={missing ? t('feedback.portal.form.required', { field: t('feedback.portal.lookup.label').toLowerCase() }) : undefined}
          submitLabel={t('feedback.portal.lookup.button')}
          icon={<IconFileSearch size={18} aria-hidden="true" />}
          size="sm"
          placeholder={t('feedback.portal.lookup.placeholder')}
          value={code}
          onChange={(e) => { setCode(e.currentTarget.value); setMissing(false); }}
          name="code"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={40}
          classNames={{ input: 'motcua-code' }}
          data-testid="feedback-lookup"
        />
      </form>
    </Paper>
  );
}

/** The signed-in citizen's own feedback; a sign-in button otherwise. */
function MyFeedback() {
  const { t } = useTranslation();
  const citizen = useCitizen();
  const signedIn = Boolean(citizen.data);
  const mine = useMyFeedback(signedIn);
  if (citizen.isPending) return null;
  if (!signedIn) {
    return (
      <Paper withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('feedback.portal.mine.signIn')}</Text>
          <Button component="a" href={citizenSignInUrl(feedbackPath('mine'))} leftSection={<IconLogin2 size={16} aria-hidden="true" />}>{t('citizen.signIn')}</Button>
        </Stack>
      </Paper>
    );
  }
  if (mine.isError) return <ErrorState title={t('feedback.portal.mine.errorTitle')} error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="mine-title">
      <Title order={2} fz="h3" id="mine-title">{t('feedback.portal.mine.title')}</Title>
      {mine.data && items.length === 0 ? (
        <Text size="sm" c="gray.7">{t('feedback.portal.mine.empty')}</Text>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('feedback.console.columns.code')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.title')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.received')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.code}>
                    <Table.Td><Anchor component={Link} to={feedbackStatusPath(item.code)} className="motcua-code" size="sm">{item.code}</Anchor></Table.Td>
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td>{formatDate(item.receivedAt)}</Table.Td>
                    <Table.Td><Badge variant="light" color={item.status === 'answered' ? 'green' : 'blue'} c={item.status === 'answered' ? 'green.9' : 'blue.9'}>{t(`feedback.status.${item.status}`)}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
