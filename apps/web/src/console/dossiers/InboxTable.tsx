import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconBuildingBank, IconMail, IconWorld } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { emptyValue, formatDate, formatTime } from '../../shared/format.ts';
import { dueStateOf, formatWorkingDuration, formatWorkingTimeLeft, type DueState } from '../../shared/timeLeft.ts';
import { DossierStatusBadge, DueBadge } from './DossierStatusBadge.tsx';
import type { DossierListItem } from './dossiers.api.ts';
import type { SortColumn, SortState } from './inboxQuery.ts';
import classes from './InboxTable.module.css';

interface Props {
  rows: DossierListItem[];
  sort: SortState | undefined;
  onSort: (column: SortColumn) => void;
  /** Where a row leads, with the list's own address kept for the way back. */
  linkOf: (row: DossierListItem) => string;
}

const channelIcons = { counter: IconBuildingBank, postal: IconMail, online: IconWorld } as const;

/**
 * The dossier table: one dense row per dossier, overdue rows marked in red and due-soon rows in
 * amber. The code is a link (Tab reaches it, Enter opens it); ↑/↓ move between rows.
 */
export function InboxTable({ rows, sort, onSort, linkOf }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-row-link]')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }

  const header = (column: SortColumn | null, label: string) => {
    if (!column) return <Table.Th className={classes.th}>{label}</Table.Th>;
    const active = sort?.column === column ? sort.direction : undefined;
    const Icon = active === 'asc' ? IconArrowUp : active === 'desc' ? IconArrowDown : IconArrowsSort;
    return (
      <Table.Th className={classes.th} aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}>
        <button type="button" className={classes.sortButton} onClick={() => onSort(column)} title={t('console.inbox.sortBy', { column: label })}>
          {label}
          <Icon size={14} aria-hidden="true" opacity={active ? 1 : 0.45} />
        </button>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={880}>
      <Table className={classes.table} stickyHeader verticalSpacing={6} horizontalSpacing="xs" fz="sm">
        {/* Fixed widths so the table fits a 1280-pixel screen beside the menu: codes break after a hyphen, instants put the time under the date. */}
        <colgroup>
          <col className={classes.colCode} />
          <col className={classes.colApplicant} />
          <col />
          <col className={classes.colStatus} />
          <col className={classes.colReceived} />
          <col className={classes.colAppointment} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {header('code', t('console.inbox.columns.code'))}
            {header('applicant', t('console.inbox.columns.applicant'))}
            {header('procedure', t('console.inbox.columns.procedure'))}
            {header(null, t('console.inbox.columns.status'))}
            {header('received', t('console.inbox.columns.received'))}
            {header('appointment', t('console.inbox.columns.appointment'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={moveFocus}>
          {rows.map((row) => {
            const state = dueStateOf(row);
            const href = linkOf(row);
            const ChannelIcon = channelIcons[row.channel as keyof typeof channelIcons];
            return (
              <Table.Tr
                key={row.id}
                className={classes.row}
                data-due={state}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('a, button')) return;
                  void navigate(href);
                }}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    {ChannelIcon && (
                      <Tooltip label={t(`dossier.channels.${row.channel as keyof typeof channelIcons}`)}>
                        <ChannelIcon size={15} stroke={1.6} color="var(--mantine-color-gray-6)" aria-label={t(`dossier.channels.${row.channel as keyof typeof channelIcons}`)} />
                      </Tooltip>
                    )}
                    <Link to={href} className={`${classes.codeLink} motcua-code`} data-row-link aria-label={t('console.inbox.openDossier', { code: row.code })}>
                      {row.code}
                    </Link>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} lineClamp={2} title={row.applicantName}>{row.applicantName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} title={row.procedureName}>{row.procedureName}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Group gap={4} wrap="wrap">
                      <DossierStatusBadge status={row.status} size="sm" />
                      {(state === 'overdue' || state === 'soon') && <DueBadge state={state} size="sm" />}
                      {row.supplementSubmitted && <Badge size="sm" color="orange" variant="outline" data-testid="supplement-sent">{t('dossier.supplement.sentOnline')}</Badge>}
                    </Group>
                    {row.stepName && row.status === 'processing' && (
                      <Text size="xs" c="gray.7" lineClamp={2}>{row.stepName}</Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td className="motcua-figures">
                  <InstantLines at={row.receivedAt ?? row.submittedAt} />
                  {!row.receivedAt && row.submittedAt && <Text size="xs" c="gray.7">{t('console.inbox.notReceivedYet')}</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className={`${classes.nowrap} motcua-figures`} fw={state === 'overdue' ? 650 : undefined}>
                    {formatDate(row.clockDueAt)}{row.clockDueAt && <Text span size="sm" c="gray.7" inherit> {formatTime(row.clockDueAt)}</Text>}
                  </Text>
                  <TimeLeftCell state={state} minutes={row.workingMinutesLeft} waited={row.waitingWorkingMinutes} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** An instant as its date over its time: narrow enough for the list's columns. */
function InstantLines({ at }: { at: string | null }) {
  if (!at) return <Text size="sm">{emptyValue}</Text>;
  return (
    <>
      <Text size="sm" className={classes.nowrap}>{formatDate(at)}</Text>
      <Text size="xs" c="gray.7">{formatTime(at)}</Text>
    </>
  );
}

/**
 * The server's working time left (on the agency's calendar, at the server's instant), formatted;
 * for an online dossier not received yet, how long it has waited (the server's working time too).
 */
function TimeLeftCell({ state, minutes, waited }: { state: DueState; minutes: number | null; waited: number | null }) {
  const { t } = useTranslation();
  if (state === 'closed') return <Text size="xs" c="gray.6">{t('dossier.due.closed')}</Text>;
  if (state === 'stopped') return <Text size="xs" c="orange.8" fw={600}>{t('dossier.due.stopped')}</Text>;
  if (waited !== null) {
    return (
      <Text size="xs" c="grape.8" fw={600} data-testid="waiting-age">
        {/* Submitted out of working hours with not a working minute since: the date column says when. */}
        {waited > 0 ? t('console.inbox.waited', { duration: formatWorkingDuration(t, waited, true) }) : t('console.inbox.waitedNone')}
      </Text>
    );
  }
  if (state === 'none' || minutes === null) return <Text size="xs" c="gray.6">{t('dossier.due.notStarted')}</Text>;
  return (
    <Text size="xs" c={state === 'overdue' ? 'red.8' : state === 'soon' ? 'orange.9' : 'gray.8'} fw={state === 'on_track' ? 400 : 600}>
      {formatWorkingTimeLeft(t, minutes, true)}
    </Text>
  );
}
