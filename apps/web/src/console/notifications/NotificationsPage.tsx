import { Anchor, Button, Drawer, Grid, Group, LoadingOverlay, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { deliveryStatuses, notificationChannels, notificationKinds, type DeliveryStatus } from '@motcua/domain';
import { formatDateTime } from '../../shared/format.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { ChannelLabel, DeliveryStatusBadge } from './NotificationBadges.tsx';
import { NotificationDetailPanel } from './NotificationDetailPanel.tsx';
import { useNotificationList, type NotificationItem, type NotificationQuery } from './notifications.api.ts';
import classes from './Notifications.module.css';

const pageSize = 30;

export function NotificationsPage() {
  return (
    <SectionGuard section="notifications">
      <Notifications />
    </SectionGuard>
  );
}

/** `/console/thong-bao`: every message about the caller's dossiers, newest first; a row opens its detail beside the list. */
function Notifications() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const wide = useMediaQuery('(min-width: 75em)');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const selected = Number(params.get('id')) || undefined;
  const query: NotificationQuery = {
    status: params.get('tt') || undefined,
    channel: (params.get('kenh') as NotificationQuery['channel']) || undefined,
    kind: (params.get('loai') as NotificationQuery['kind']) || undefined,
    dossierCode: params.get('ho-so') || undefined,
    destination: params.get('noi-nhan') || undefined,
    createdFrom: params.get('tu') || undefined,
    createdTo: params.get('den') || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const list = useNotificationList(query);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value); else next.delete(key);
    if (!('trang' in patch) && !('id' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const filtered = [...params.keys()].some((k) => k !== 'trang' && k !== 'id');
  const open = (id: number | undefined) => set({ id: id ? String(id) : undefined });

  const detail = selected ? <NotificationDetailPanel key={selected} id={selected} onClose={() => open(undefined)} onOpen={open} /> : null;
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md" maw={1600}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-notifications">{t('notifications.title')}</Title>
        <Text size="sm" c="gray.7">{t('notifications.subtitle')}</Text>
      </Stack>

      <Filters query={query} set={set} filtered={filtered} onClear={() => setParams(new URLSearchParams(), { replace: true })} />

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState title={t('notifications.title')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: detail && wide ? 7 : 12 }}>
            <Paper withBorder pos="relative" style={{ overflow: 'hidden' }}>
              <LoadingOverlay visible={list.isPlaceholderData} overlayProps={{ blur: 0, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
              {items.length === 0 ? (
                <Text p="md" c="gray.7" size="sm">{t(filtered ? 'notifications.emptyFiltered' : 'notifications.empty')}</Text>
              ) : (
                // Beside an open message the list is narrow: one card a message, as on a phone.
                detail && wide ? <MessageCards rows={items} selected={selected} onOpen={open} always /> : (
                  <>
                    <MessageTable rows={items} selected={selected} onOpen={open} />
                    <MessageCards rows={items} selected={selected} onOpen={open} />
                  </>
                )
              )}
            </Paper>
          </Grid.Col>
          {detail && wide && (
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Paper withBorder p="md" className={classes.sticky}>{detail}</Paper>
            </Grid.Col>
          )}
        </Grid>
      )}
      {detail && !wide && (
        <Drawer opened onClose={() => open(undefined)} position="right" size="lg" withCloseButton={false} title={undefined} aria-label={t('notifications.detail.title')}>
          {detail}
        </Drawer>
      )}
      {list.data && list.data.total > 0 && (
        <ListPager page={page} pageSize={pageSize} total={list.data.total} onPage={(p) => set({ trang: p > 1 ? String(p) : undefined })}
          range={(values) => t('notifications.range', values)} paginationLabel={t('notifications.pagination')}
          refresh={{ label: t('console.inbox.refresh'), loading: list.isFetching && !list.isPlaceholderData, onRefresh: () => void list.refetch() }} />
      )}
    </Stack>
  );
}

function Filters({ query, set, filtered, onClear }: {
  query: NotificationQuery; set: (patch: Record<string, string | undefined>) => void; filtered: boolean; onClear: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(query.dossierCode ?? '');
  const [destination, setDestination] = useState(query.destination ?? '');
  useEffect(() => setCode(query.dossierCode ?? ''), [query.dossierCode]);
  useEffect(() => setDestination(query.destination ?? ''), [query.destination]);
  const pushCode = useDebouncedCallback((value: string) => set({ 'ho-so': value.trim() || undefined }), 400);
  const pushDestination = useDebouncedCallback((value: string) => set({ 'noi-nhan': value.trim() || undefined }), 400);
  const statuses = (query.status?.split(',') ?? []) as DeliveryStatus[];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect label={t('notifications.filters.status')} placeholder={statuses.length ? undefined : t('notifications.filters.any')}
        data={deliveryStatuses.map((s) => ({ value: s, label: t(`notifications.status.${s}`) }))} value={statuses}
        onChange={(value) => set({ tt: value.join(',') || undefined })} clearable w={{ base: '100%', sm: 230 }} />
      <Select label={t('notifications.filters.channel')} placeholder={t('notifications.filters.any')} value={query.channel ?? null}
        data={notificationChannels.map((c) => ({ value: c, label: t(`notifications.channel.${c}`) }))}
        onChange={(value) => set({ kenh: value ?? undefined })} clearable w={{ base: '47%', sm: 150 }} />
      <Select label={t('notifications.filters.kind')} placeholder={t('notifications.filters.any')} value={query.kind ?? null}
        data={notificationKinds.map((k) => ({ value: k, label: t(`notifications.kind.${k}`) }))}
        onChange={(value) => set({ loai: value ?? undefined })} clearable searchable w={{ base: '47%', sm: 210 }} />
      <TextInput label={t('notifications.filters.dossierCode')} leftSection={<IconSearch size={16} aria-hidden="true" />} value={code}
        onChange={(event) => { setCode(event.currentTarget.value); pushCode(event.currentTarget.value); }}
        w={{ base: '100%', sm: 230 }} spellCheck={false} autoComplete="off" classNames={{ input: 'motcua-code' }} />
      <TextInput label={t('notifications.filters.destination')} placeholder={t('notifications.filters.destinationPlaceholder')} value={destination}
        onChange={(event) => { setDestination(event.currentTarget.value); pushDestination(event.currentTarget.value); }}
        w={{ base: '100%', sm: 260 }} spellCheck={false} autoComplete="off" />
      <DateField label={t('notifications.filters.from')} value={query.createdFrom ?? ''} onChange={(value) => set({ tu: value || undefined })} clearable w={{ base: '47%', sm: 150 }} />
      <DateField label={t('notifications.filters.to')} value={query.createdTo ?? ''} onChange={(value) => set({ den: value || undefined })} clearable w={{ base: '47%', sm: 150 }} />
      {filtered && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => { setCode(''); setDestination(''); onClear(); }}>
          {t('notifications.filters.clear')}
        </Button>
      )}
    </Group>
  );
}

function MessageTable({ rows, selected, onOpen }: { rows: NotificationItem[]; selected: number | undefined; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860} className={classes.tableOnly}>
      <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm" highlightOnHover data-testid="notification-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.columns.createdAt')}</Table.Th>
            <Table.Th>{t('notifications.columns.kind')}</Table.Th>
            <Table.Th>{t('notifications.columns.recipient')}</Table.Th>
            <Table.Th>{t('notifications.columns.channel')}</Table.Th>
            <Table.Th>{t('notifications.columns.dossier')}</Table.Th>
            <Table.Th>{t('notifications.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} className={classes.row} data-selected={row.id === selected || undefined} onClick={(event) => {
              if ((event.target as HTMLElement).closest('a, button')) return;
              onOpen(row.id);
            }}>
              <Table.Td className="motcua-figures" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.createdAt)}</Table.Td>
              <Table.Td maw={320}>
                <UnstyledButton onClick={() => onOpen(row.id)} className={classes.open}>
                  <Text size="sm" fw={600}>{t(`notifications.kind.${row.kind}`)}</Text>
                </UnstyledButton>
                {row.subject && <Text size="xs" c="gray.7" truncate="end">{row.subject}</Text>}
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" truncate="end">{row.recipientName ?? t(`notifications.recipient.${row.recipientKind}`)}</Text>
                <Text size="xs" c="gray.7" className="motcua-code" truncate="end">{row.destination}</Text>
              </Table.Td>
              <Table.Td><ChannelLabel channel={row.channel} /></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.dossierCode && row.dossierId !== null ? (
                  <Anchor component={Link} to={`/console/ho-so/${row.dossierId}`} size="sm" className="motcua-code">{row.dossierCode}</Anchor>
                ) : '—'}
              </Table.Td>
              <Table.Td maw={220}>
                <DeliveryStatusBadge status={row.status} size="sm" />
                {row.status === 'failed' && row.lastError && <Text size="xs" c="red.8" truncate="end" title={row.lastError}>{row.lastError}</Text>}
                {row.attempts > 1 && row.status !== 'failed' && <Text size="xs" c="gray.7">{t('notifications.attempts', { count: row.attempts })}</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card a message. */
function MessageCards({ rows, selected, onOpen, always = false }: { rows: NotificationItem[]; selected: number | undefined; onOpen: (id: number) => void; always?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} className={always ? undefined : classes.cardsOnly} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notification-cards">
      {rows.map((row) => (
        <li key={row.id} className={classes.card} data-selected={row.id === selected || undefined}>
          <UnstyledButton onClick={() => onOpen(row.id)} w="100%" aria-current={row.id === selected ? 'true' : undefined}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={600}>{t(`notifications.kind.${row.kind}`)}</Text>
                <Text size="xs" c="gray.7" className="motcua-code" truncate="end">{row.dossierCode ?? '—'} · {row.destination}</Text>
                <Text size="xs" c="gray.7">{formatDateTime(row.createdAt)} · {t(`notifications.channel.${row.channel}`)}</Text>
              </Stack>
              <DeliveryStatusBadge status={row.status} size="sm" style={{ flexShrink: 0 }} />
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
