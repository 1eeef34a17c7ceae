import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { feedbackStatusPath } from '../paths.ts';
import { usePublishedFeedback, type PublishedFeedback } from './feedback.api.ts';

const pageSize = 10;

/** The published answers, newest first, searched with or without diacritics (the server folds both sides). */
export function PublishedFeedbackList() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const push = useDebouncedCallback((value: string) => { setQ(value.trim()); setPage(1); }, 350);
  const list = usePublishedFeedback({ q: q || undefined, limit: pageSize, offset: (page - 1) * pageSize });

  return (
    <Stack gap="md" component="section" aria-labelledby="published-title">
      <Title order={2} fz="h3" id="published-title">{t('feedback.portal.published.title')}</Title>
      <TextInput
        label={t('feedback.portal.published.searchLabel')}
        description={t('feedback.portal.published.searchHint')}
        placeholder={t('feedback.portal.published.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={typed}
        onChange={(e) => { setTyped(e.currentTarget.value); push(e.currentTarget.value); }}
        maxLength={200}
        autoComplete="off"
        data-testid="published-search"
      />
      {list.isError ? (
        <ErrorState title={t('feedback.portal.published.errorTitle')} error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}><Skeleton h={120} /><Skeleton h={120} /></Stack>
      ) : list.data.items.length === 0 ? (
        <Text c="gray.7" size="sm" data-testid="published-empty">{t('feedback.portal.published.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="published-list">
          {list.data.items.map((item) => <PublishedCard key={item.code} item={item} />)}
        </Stack>
      )}
      {list.data && list.data.total > pageSize && (
        <ListPager page={page} pageSize={pageSize} total={list.data.total} onPage={setPage}
          range={(values) => t('feedback.portal.published.range', values)} paginationLabel={t('feedback.portal.published.pagination')} />
      )}
    </Stack>
  );
}

function PublishedCard({ item }: { item: PublishedFeedback }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`published-${item.code}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={3} fz="md" id={`published-${item.code}`} style={{ flex: '1 1 260px' }}>
            <Anchor component={Link} to={feedbackStatusPath(item.code)} c="inherit" aria-label={`${item.title} — ${t('feedback.portal.published.open', { code: item.code })}`}>
              {item.title}
            </Anchor>
          </Title>
          <Badge variant="light" color="gray" styles={{ root: { flexShrink: 0 } }}>{t(`feedback.category.${item.category}`)}</Badge>
        </Group>
        <Text size="xs" c="gray.7">
          {item.agency.name} · {t('feedback.portal.published.receivedOn', { date: formatDate(item.receivedAt) })} · {t('feedback.portal.published.answeredOn', { date: formatDate(item.answeredAt) })}
        </Text>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>{item.content}</Text>
        <Paper bg="gray.0" p="sm" radius="sm">
          <Text size="xs" fw={650} c="gray.8" mb={4}>{t('feedback.portal.detail.answer')}</Text>
          <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>{item.answer}</Text>
        </Paper>
      </Stack>
    </Paper>
  );
}
