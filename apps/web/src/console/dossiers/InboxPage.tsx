import { Button, EmptyState, Group, LoadingOverlay, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconBook2, IconFilePlus, IconInbox, IconQrcode, IconSearchOff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { useDossierList } from './dossiers.api.ts';
import { DueFilter, InboxFilters } from './InboxFilters.tsx';
import {
  defaultInboxFilters, inboxPageSize, inboxSearch, isFiltered, listQueryOf, nextSort, parseInboxFilters, sortRows, type InboxFilters as Filters,
  type SortState,
} from './inboxQuery.ts';
import { InboxTable } from './InboxTable.tsx';
import { rememberInboxSearch } from './inboxReturn.ts';
import { trackingBookAgencies } from './trackingBook.api.ts';
import { TrackingBookDialog } from './TrackingBookDialog.tsx';
import { QrPostersDialog } from './QrPostersDialog.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';

export function InboxPage() {
  return (
    <SectionGuard section="inbox">
      <Inbox />
    </SectionGuard>
  );
}

/** `/console/ho-so`: what waits for the user's roles, most urgent first; or every dossier they may see. */
function Inbox() {
  const { t } = useTranslation();
  usePageTitle(t('console.nav.inbox'));
  const staff = useStaff();
  const isOfficer = staff.assignments.some((a) => a.role === 'officer');
  const bookAgencies = useMemo(() => trackingBookAgencies(staff.assignments), [staff.assignments]);
  const [bookOpen, setBookOpen] = useState(false);
  // The desk's QR posters: printed by the same people as the tracking book.
  const [postersOpen, setPostersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const filters = parseInboxFilters(params);
  const list = useDossierList(listQueryOf(filters), { refetchInterval: 60_000 });
  const [sort, setSort] = useState<SortState>();
  const search = inboxSearch(filters);
  useEffect(() => rememberInboxSearch(search), [search]);

  const update = (patch: Partial<Filters>) => setParams(inboxSearch({ ...filters, page: 1, ...patch }).slice(1));
  const total = list.data?.total ?? 0;
  const rows = sortRows(list.data?.items ?? [], sort);

  return (
    <Stack gap="md" maw={1600}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={1} data-testid="console-inbox">{t('console.nav.inbox')}</Title>
          <Text size="sm" c="gray.7">{t(filters.view === 'inbox' ? 'console.inbox.inboxIntro' : 'console.inbox.allIntro')}</Text>
        </Stack>
        <Group gap="xs">
          {bookAgencies.length > 0 && (
            <Button variant="default" onClick={() => setBookOpen(true)} leftSection={<IconBook2 size={16} aria-hidden="true" />}>
              {t('console.inbox.trackingBook.open')}
            </Button>
          )}
          {bookAgencies.length > 0 && (
            <Button variant="default" onClick={() => setPostersOpen(true)} leftSection={<IconQrcode size={16} aria-hidden="true" />}>
              {t('console.inbox.qrPosters.open')}
            </Button>
          )}
          {isOfficer && (
            <Button component={Link} to="/console/tiep-nhan" leftSection={<IconFilePlus size={16} aria-hidden="true" />}>
              {t('console.inbox.newIntake')}
            </Button>
          )}
        </Group>
      </Group>
      {bookAgencies.length > 0 && <TrackingBookDialog opened={bookOpen} onClose={() => setBookOpen(false)} agencies={bookAgencies} />}
      {bookAgencies.length > 0 && <QrPostersDialog opened={postersOpen} onClose={() => setPostersOpen(false)} agencies={bookAgencies} />}

      <Group gap="sm" justify="space-between">
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('console.inbox.viewLabel')}
            value={filters.view}
            onChange={(view) => update({ view: view as Filters['view'] })}
            data={[
              { value: 'inbox', label: t('console.inbox.views.inbox') },
              { value: 'all', label: t('console.inbox.views.all') },
            ]}
          />
          <DueFilter value={filters.due} onChange={(due) => update({ due })} />
        </Group>
        <Text size="xs" c="gray.6" visibleFrom="lg">{t('console.inbox.keyboardHint')}</Text>
      </Group>

      <InboxFilters filters={filters} onChange={update} onClear={() => setParams(inboxSearch({ ...defaultInboxFilters, view: filters.view }).slice(1))} />

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState title={t('console.inbox.errorTitle')} error={list.error} onRetry={() => void list.refetch()} />
      ) : total === 0 ? (
        <EmptyState
          align="left"
          icon={isFiltered(filters) ? <IconSearchOff size={28} aria-hidden="true" /> : <IconInbox size={28} aria-hidden="true" />}
          withIndicatorBackground
          title={t(isFiltered(filters) ? 'console.inbox.emptyFiltered.title' : filters.view === 'inbox' ? 'console.inbox.emptyInbox.title' : 'console.inbox.emptyAll.title')}
          description={t(isFiltered(filters) ? 'console.inbox.emptyFiltered.body' : filters.view === 'inbox' ? 'console.inbox.emptyInbox.body' : 'console.inbox.emptyAll.body')}
        />
      ) : (
        <Paper withBorder pos="relative" style={{ overflow: 'hidden' }}>
          <LoadingOverlay visible={list.isPlaceholderData} overlayProps={{ blur: 0, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
          <InboxTable
            rows={rows}
            sort={sort}
            onSort={(column) => setSort((current) => nextSort(current, column))}
            linkOf={(row) => `/console/ho-so/${row.id}`}
          />
        </Paper>
      )}

      {total > 0 && (
        <ListPager
          page={filters.page}
          pageSize={inboxPageSize}
          total={total}
          onPage={(page) => update({ page })}
          range={(values) => t('console.inbox.range', values)}
          paginationLabel={t('console.inbox.pagination')}
          refresh={{ label: t('console.inbox.refresh'), loading: list.isFetching && !list.isPlaceholderData, onRefresh: () => void list.refetch() }}
        />
      )}
      {sort && <Text size="xs" c="gray.6">{t('console.inbox.sortNote')}</Text>}
    </Stack>
  );
}
