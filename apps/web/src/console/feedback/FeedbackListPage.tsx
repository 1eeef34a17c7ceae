import { Badge, Button, Card, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconMessagePlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { feedbackCategories, feedbackIntakeRoles, feedbackStatuses, type FeedbackCategory, type FeedbackStatus } from '@motcua/domain';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { hasRoleAnywhere } from '../documents/roles.ts';
import { useStaffAgencies } from '../reports/reports.api.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { useFeedbackList, type FeedbackItem, type FeedbackQuery } from './feedback.api.ts';

const pageSize = 25;

export const feedbackStatusColor: Record<FeedbackStatus, string> = { received: 'blue', assigned: 'indigo', waiting_sender: 'orange', answered: 'green', refused: 'gray' };

export function FeedbackListPage() {
  return (
    <SectionGuard section="feedback">
      <FeedbackList />
    </SectionGuard>
  );
}

/**
 * `/console/phan-anh`: the feedback of the user's units (and those below), open first by due
 * instant; filters in the address: words (without diacritics), status, kind, unit, period, overdue.
 */
function FeedbackList() {
  const { t } = useTranslation();
  usePageTitle(t('feedback.console.title'));
  const staff = useStaff();
  const agencies = useStaffAgencies();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const query: FeedbackQuery = {
    q: params.get('q') || undefined,
    status: (params.get('tt') as FeedbackStatus | null) ?? undefined,
    category: (params.get('loai') as FeedbackCategory | null) ?? undefined,
    agency: params.get('don-vi') || undefined,
    from: params.get('tu') || undefined,
    to: params.get('den') || undefined,
    overdue: params.get('qua-han') === '1' ? 'true' : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const list = useFeedbackList(query);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value); else next.delete(key);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const [q, setQ] = useState(query.q ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const pushQ = useDebouncedCallback((value: string) => set({ q: value.trim() || undefined }), 350);
  const filtered = [...params.keys()].some((k) => k !== 'trang');
  const unitOptions = useMemo(() => (agencies.data?.items ?? []).map((a) => ({ value: a.code, label: a.name })), [agencies.data]);

  return (
    <Stack gap="md" maw={1280}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} data-testid="console-feedback">{t('feedback.console.title')}</Title>
          <Text c="gray.7" size="sm">{t('feedback.console.subtitle')}</Text>
        </Stack>
        {hasRoleAnywhere(staff.assignments, feedbackIntakeRoles) && (
          <Button component={Link} to="/console/phan-anh/moi" leftSection={<IconMessagePlus size={18} aria-hidden="true" />}>{t('feedback.console.newIntake')}</Button>
        )}
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('feedback.console.filters.search')}
          placeholder={t('feedback.console.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(event) => { setQ(event.currentTarget.value); pushQ(event.currentTarget.value); }}
          w={{ base: '100%', sm: 280 }}
          spellCheck={false}
          autoComplete="off"
        />
        <Select label={t('feedback.console.filters.status')} placeholder={t('feedback.console.filters.any')} value={query.status ?? null}
          data={feedbackStatuses.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))} onChange={(v) => set({ tt: v ?? undefined })}
          clearable w={{ base: '47%', sm: 190 }} />
        <Select label={t('feedback.console.filters.category')} placeholder={t('feedback.console.filters.any')} value={query.category ?? null}
          data={feedbackCategories.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} onChange={(v) => set({ loai: v ?? undefined })}
          clearable w={{ base: '47%', sm: 140 }} />
        {unitOptions.length > 1 && (
          <Select label={t('feedback.console.filters.unit')} placeholder={t('feedback.console.filters.any')} value={query.agency ?? null} data={unitOptions}
            onChange={(v) => set({ 'don-vi': v ?? undefined })} clearable searchable w={{ base: '100%', sm: 260 }} />
        )}
        <DateField label={t('feedback.console.filters.from')} value={query.from ?? ''} onChange={(v) => set({ tu: v || undefined })} clearable w={{ base: '47%', sm: 150 }} />
        <DateField label={t('feedback.console.filters.to')} value={query.to ?? ''} onChange={(v) => set({ den: v || undefined })} clearable w={{ base: '47%', sm: 150 }} />
        <Checkbox label={t('feedback.console.filters.overdue')} checked={query.overdue === 'true'}
          onChange={(event) => set({ 'qua-han': event.currentTarget.checked ? '1' : undefined })} mb={8} data-testid="feedback-overdue-filter" />
        {filtered && (
          <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => { setQ(''); setParams(new URLSearchParams(), { replace: true }); }}>
            {t('feedback.console.filters.clear')}
          </Button>
        )}
      </Group>

      {list.isError ? (
        <ErrorState title={t('feedback.console.errorTitle')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table highlightOnHover verticalSpacing={6} horizontalSpacing="xs" fz="sm" data-testid="feedback-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('feedback.console.columns.code')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.title')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.unit')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.sender')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.received')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.due')}</Table.Th>
                  <Table.Th>{t('feedback.console.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{list.data?.items.map((row) => <FeedbackRow key={row.id} row={row} />)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data && list.data.items.length === 0 && <Text p="md" c="gray.7" size="sm">{t('feedback.console.empty')}</Text>}
        </Card>
      )}
      {list.data && list.data.total > 0 && (
        <ListPager page={page} pageSize={pageSize} total={list.data.total} onPage={(p) => set({ trang: p > 1 ? String(p) : undefined })}
          range={(values) => t('feedback.console.range', values)} paginationLabel={t('feedback.console.pagination')} />
      )}
    </Stack>
  );
}

function FeedbackRow({ row }: { row: FeedbackItem }) {
  const { t } = useTranslation();
  const open = row.status === 'received' || row.status === 'assigned' || row.status === 'waiting_sender';
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={0}>
          <Link to={`/console/phan-anh/${row.id}`} className="motcua-code" data-row-link>{row.code}</Link>
          <Text size="xs" c="gray.7">{t(`feedback.channel.${row.channel}`)} · {t(`feedback.category.${row.category}`)}</Text>
        </Stack>
      </Table.Td>
      <Table.Td maw={380}><Text size="sm" lineClamp={2}>{row.title}</Text></Table.Td>
      <Table.Td maw={220}><Text size="sm" lineClamp={2}>{row.agencyName}</Text></Table.Td>
      <Table.Td maw={180}><Text size="sm" c={row.senderName ? undefined : 'gray.7'}>{row.senderName ?? t('feedback.console.anonymous')}</Text></Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.receivedAt)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {open || row.status === 'answered' ? (
          <Text size="sm" c={row.overdue ? 'red.8' : undefined} fw={row.overdue ? 650 : undefined}>
            {formatDateTime(row.dueAt)}{row.overdue ? ` · ${t('feedback.overdue')}` : ''}
          </Text>
        ) : '—'}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={4} align="flex-start">
          <Badge variant="light" color={feedbackStatusColor[row.status]} c={`${feedbackStatusColor[row.status]}.9`} styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}>{t(`feedback.status.${row.status}`)}</Badge>
          {row.onTime !== null && <Badge variant="light" color={row.onTime ? 'green' : 'red'} c={row.onTime ? 'green.9' : 'red.9'} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>{t(row.onTime ? 'feedback.onTime' : 'feedback.late')}</Badge>}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
