import { ActionIcon, Button, EmptyState, LoadingOverlay, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconFilterOff, IconHistory, IconSearchOff } from '@tabler/icons-react';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/index.ts';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../../shared/ui/PageLoader.tsx';
import { shortAgencyName } from '../../reports/agencyTree.ts';
import { auditPageSize, useAccountNames, useAdminAgencies, useAuditEvents, type Agency, type AuditEvent, type AuditFilterValues, type StaffAccount } from '../admin.api.ts';
import classes from '../Admin.module.css';
import { dateOf, pageOf, textOf, useTabParams } from '../adminQuery.ts';
import { AuditFilters, hasAuditFilters, noAuditFilters, type AuditFilterPatch } from './AuditFilters.tsx';
import { actionLabel, detailLines, entityLabel, formatAuditTime, isProvinceWide } from './auditText.ts';
import { ListPager } from '../../../shared/ui/ListPager.tsx';

/**
 * "Nhật ký": the append-only audit trail of the administrator's agencies (and, for those of the
 * province, of no agency: holiday schedules, the catalogue, bundle loads), newest first, filtered by
 * what was changed (`?entityType=&entityId=`), the action or its family (`?action=calendar.`), who
 * did it (`?actor=`) and local days (`?from=&to=`), and paged (`?page=`). Rows name people and
 * agencies instead of showing their ids; a row opens to show what was sent.
 */
export function AuditTab() {
  const { t } = useTranslation();
  const [params, update] = useTabParams();
  const filters: AuditFilterValues = {
    entityType: textOf(params, 'entityType', 50),
    entityId: textOf(params, 'entityId', 100),
    action: textOf(params, 'action', 100),
    actor: textOf(params, 'actor', 100),
    from: dateOf(params, 'from'),
    to: dateOf(params, 'to'),
  };
  // A hand-edited address may end before it starts: the API would refuse it, so the end is left out.
  const backwards = Boolean(filters.from && filters.to && filters.to < filters.from);
  const query = { ...filters, to: backwards ? '' : filters.to, page: pageOf(params) };
  const events = useAuditEvents(query);
  const agencies = useAdminAgencies();
  const accounts = useAccountNames();
  const agencyById = useMemo(() => new Map((agencies.data?.items ?? []).map((a) => [a.id, a])), [agencies.data]);
  const agencyByCode = useMemo(() => new Map((agencies.data?.items ?? []).map((a) => [a.code, a])), [agencies.data]);
  const userById = useMemo(() => new Map((accounts.data?.items ?? []).map((u) => [u.id, u])), [accounts.data]);
  const filtered = hasAuditFilters(filters);
  const filter = (patch: AuditFilterPatch) => update({ ...patch, page: undefined });

  const total = events.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  // A linked page past the end (the trail was filtered differently) shows the last one instead.
  const beyond = !events.isPlaceholderData && total > 0 && query.page > pages;
  useEffect(() => {
    if (beyond) update({ page: pages > 1 ? pages : undefined }, { replace: true });
  }, [beyond, pages, update]);

  return (
    <Stack gap="sm">
      <AuditFilters
        values={filters}
        toError={backwards ? t('console.admin.audit.toBeforeFrom') : undefined}
        agencies={agencies.data?.items ?? []}
        accounts={accounts.data?.items ?? []}
        onChange={filter}
      />
      {events.isPending ? (
        <PageLoader />
      ) : events.isError ? (
        <ErrorState title={t('console.admin.audit.errorTitle')} error={events.error} onRetry={() => void events.refetch()} />
      ) : total === 0 ? (
        <EmptyState
          align="left"
          icon={filtered ? <IconSearchOff size={28} aria-hidden="true" /> : <IconHistory size={28} aria-hidden="true" />}
          withIndicatorBackground
          title={t(filtered ? 'console.admin.audit.emptyFiltered.title' : 'console.admin.audit.empty.title')}
          description={t(filtered ? 'console.admin.audit.emptyFiltered.body' : 'console.admin.audit.empty.body')}
        >
          {filtered && (
            <EmptyState.Actions>
              <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => filter(noAuditFilters)}>
                {t('console.admin.audit.clear')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <Paper withBorder pos="relative" style={{ overflow: 'hidden' }}>
          <LoadingOverlay visible={events.isPlaceholderData} overlayProps={{ blur: 0, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
          <AuditTable rows={events.data.items} agencyById={agencyById} agencyByCode={agencyByCode} userById={userById} />
        </Paper>
      )}
      {total > 0 && (
        <ListPager
          page={query.page}
          pageSize={auditPageSize}
          total={total}
          onPage={(page) => update({ page })}
          range={(values) => t('console.admin.audit.range', values)}
          paginationLabel={t('console.admin.audit.pagination')}
          refresh={{ label: t('console.admin.refresh'), loading: events.isFetching && !events.isPlaceholderData, onRefresh: () => void events.refetch() }}
        />
      )}
    </Stack>
  );
}

interface TableProps {
  rows: AuditEvent[];
  agencyById: Map<string, Agency>;
  agencyByCode: Map<string, Agency>;
  userById: Map<string, StaffAccount>;
}

function AuditTable({ rows, agencyById, agencyByCode, userById }: TableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const toggle = (id: number) => setOpen((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const actorOf = (e: AuditEvent) => {
    if (e.actorKind === 'staff') {
      const user = e.actorId ? userById.get(e.actorId) : undefined;
      return { name: e.actorName ?? t('console.admin.audit.unknownActor'), full: user?.fullName };
    }
    // Commands (motcua setup, the demo loader) act without a session but under a name; so does a
    // sign-in attempt, under the name that was typed.
    const command = e.actorKind === 'system' || (e.actorName !== null && !e.action.startsWith('auth.'));
    const kind = e.actorKind === 'citizen' ? 'citizen' : command ? 'system' : 'anonymous';
    return { name: t(`console.admin.audit.${kind}`), full: e.actorName ?? undefined };
  };
  const targetOf = (e: AuditEvent) => {
    // A sign-in under an unknown name names no account, only what was typed.
    if (!e.entityId) return e.entityType === 'user' && typeof e.details.username === 'string' ? e.details.username : '';
    if (e.entityType === 'agency') {
      const agency = agencyByCode.get(e.entityId);
      return agency ? `${shortAgencyName(agency.name, agency.shortName)} (${e.entityId})` : e.entityId;
    }
    if (e.entityType === 'user') {
      const user = userById.get(e.entityId);
      const named = typeof e.details.username === 'string' ? e.details.username : undefined;
      return user ? `${user.username} — ${user.fullName}` : named ?? `${e.entityId.slice(0, 8)}…`;
    }
    return e.entityId;
  };

  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table stickyHeader verticalSpacing={5} horizontalSpacing="xs" fz="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.th} w={28}><VisuallyHidden>{t('console.admin.audit.columns.details')}</VisuallyHidden></Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.audit.columns.at')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.audit.columns.actor')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.audit.columns.action')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.audit.columns.target')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.audit.columns.agency')}</Table.Th>
            <Table.Th className={classes.th}>{t('console.admin.audit.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => {
            const actor = actorOf(e);
            const agency = e.agencyId ? agencyById.get(e.agencyId) : undefined;
            const expanded = open.has(e.id);
            const lines = detailLines(e.details);
            return (
              <Fragment key={e.id}>
                <Table.Tr data-action={e.action}>
                  <Table.Td>
                    {lines.length > 0 && (
                      <Tooltip label={t(expanded ? 'console.admin.audit.hideDetails' : 'console.admin.audit.showDetails')}>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="gray"
                          aria-expanded={expanded}
                          aria-label={t(expanded ? 'console.admin.audit.hideDetails' : 'console.admin.audit.showDetails')}
                          onClick={() => toggle(e.id)}
                        >
                          {expanded ? <IconChevronDown size={14} aria-hidden="true" /> : <IconChevronRight size={14} aria-hidden="true" />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td className={`${classes.nowrap} motcua-figures`}>{formatAuditTime(e.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" className={e.actorKind === 'staff' ? 'motcua-code' : undefined}>{actor.name}</Text>
                    {actor.full && <Text size="xs" c="gray.7">{actor.full}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actionLabel(t, language, e.action)}</Text>
                    <Text size="xs" c="gray.6" className="motcua-code">{e.action}</Text>
                  </Table.Td>
                  <Table.Td maw={280}>
                    {e.entityType && <Text size="xs" c="gray.7">{entityLabel(t, e.entityType)}</Text>}
                    <Text size="sm" lineClamp={2}>{targetOf(e)}</Text>
                  </Table.Td>
                  <Table.Td maw={220}>
                    {agency ? (
                      <Text size="sm" lineClamp={2}>{shortAgencyName(agency.name, agency.shortName)}</Text>
                    ) : isProvinceWide(e) ? (
                      <Text size="sm" c="gray.7">{t('console.admin.audit.provinceWide')}</Text>
                    ) : (
                      <Text size="sm" c="gray.6">—</Text>
                    )}
                  </Table.Td>
                  <Table.Td className={`${classes.nowrap} motcua-code`}>{e.ip ?? ''}</Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={6} bg="gray.0">
                      <pre className={classes.details}>{lines.join('\n')}</pre>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
