import { Badge, Button, Card, Group, Progress, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowDownRight, IconArrowUpRight, IconEqual, IconFileSpreadsheet, IconFileTypePdf, IconMinus } from '@tabler/icons-react';
import { serviceIndexGroups, type ServiceIndexGroup } from '@motcua/domain';
import { useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { problemFromBody } from '../../shared/api.ts';
import { formatDecimal, formatPlainDate } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { downloadFile } from './download.ts';
import { IndexUnitDialog, type IndexTarget } from './IndexUnitDialog.tsx';
import type { ReportFilters } from './reportQuery.ts';
import { groupLabel, indexExportUrl, useServiceIndex, type IndexFigures, type IndexQuery, type IndexRow } from './serviceIndex.api.ts';
import classes from './Reports.module.css';

const levelOrder = ['province', 'department', 'police', 'district', 'commune'] as const;

/** The change of rank since the previous period, as an arrow and words (the server's `change`). */
export function RankChange({ row }: { row: Pick<IndexRow, 'change' | 'previousRank'> }) {
  const { t } = useTranslation();
  const change = row.change;
  if (change === null) {
    return <Text span size="xs" c="gray.7"><IconMinus size={14} aria-hidden="true" style={{ verticalAlign: -2 }} /> {t('serviceIndex.change.none')}</Text>;
  }
  const [Icon, color, text] = change > 0
    ? [IconArrowUpRight, 'green.8', t('serviceIndex.change.up', { n: change })]
    : change < 0
      ? [IconArrowDownRight, 'red.8', t('serviceIndex.change.down', { n: -change })]
      : [IconEqual, 'gray.7', t('serviceIndex.change.same')];
  return (
    <Text span size="sm" c={color} fw={change === 0 ? 400 : 650} style={{ whiteSpace: 'nowrap' }} data-change={change}>
      <Icon size={16} aria-hidden="true" style={{ verticalAlign: -3 }} /> {text}
    </Text>
  );
}

/** The scope's own index: its total and the five groups, each against its points. */
function ScopeCard({ figures, onOpen }: { figures: IndexFigures; onOpen: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card padding="sm" data-testid="index-scope">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={0} miw={150}>
          <Text size="sm" c="gray.7" fw={600}>{t('serviceIndex.scope.label')}</Text>
          <Text component="p" m={0} className={classes.cardValue} data-testid="index-scope-total">
            {formatDecimal(figures.total)}<Text span size="sm" c="gray.7" fw={500}>{t('serviceIndex.scope.outOf')}</Text>
          </Text>
          {figures.total !== null && figures.pointsCounted < 100 && (
            <Text size="xs" c="gray.7" maw={220}>{t('serviceIndex.scope.partial', { points: figures.pointsCounted })}</Text>
          )}
          <Button variant="subtle" size="compact-sm" px={0} mt={4} onClick={onOpen} style={{ alignSelf: 'flex-start' }}>
            {t('serviceIndex.scope.details')}
          </Button>
        </Stack>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" style={{ flex: 1, minWidth: 260 }}>
          {serviceIndexGroups.map((g) => {
            const { name, points } = groupLabel(g.key, language);
            const score = figures.groups[g.key];
            return (
              <Stack key={g.key} gap={4} data-group={g.key}>
                <Text size="xs" c="gray.8" fw={600} lh={1.3}>{name}</Text>
                <Text size="sm" fw={700} className="motcua-figures">{t('serviceIndex.scope.groupScore', { score: formatDecimal(score), points })}</Text>
                <Progress value={score === null ? 0 : (score / points) * 100} size="sm" aria-hidden="true" color={score === null ? 'gray' : 'blue'} />
              </Stack>
            );
          })}
        </SimpleGrid>
      </Group>
    </Card>
  );
}

function RankingTable({ rows, level, period, labelOf, onOpen }: {
  rows: IndexRow[]; level: string; period: string; labelOf: (row: IndexRow) => string; onOpen: (row: IndexRow) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const levelName = (t(`serviceIndex.level.${level as 'commune'}`, { defaultValue: level }) as string).toLowerCase();
  return (
    <div className={classes.tableBox} tabIndex={0} data-testid="index-ranking">
      <table className={classes.table} style={{ minWidth: 1060 }}>
        <caption><VisuallyHidden>{t('serviceIndex.table.caption', { level: levelName, period })}</VisuallyHidden></caption>
        <thead>
          <tr>
            <th scope="col" style={{ width: 76 }}>{t('serviceIndex.table.rank')}</th>
            <th scope="col" className={classes.agencyCell}>{t('serviceIndex.table.unit')}</th>
            <th scope="col">{t('serviceIndex.table.total')}</th>
            {serviceIndexGroups.map((g) => {
              const { name, points } = groupLabel(g.key, language);
              return <th key={g.key} scope="col" style={{ minWidth: 92 }}>{name} <Text span inherit fw={400}>({points})</Text></th>;
            })}
            <th scope="col">{t('serviceIndex.table.previous')}</th>
            <th scope="col" style={{ minWidth: 150 }}>{t('serviceIndex.table.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.agency} className={classes.row} data-agency={row.agency} data-rank={row.rank ?? ''}>
              <td className={classes.num} style={{ textAlign: 'center' }}>
                {row.rank === null ? (
                  <Tooltip label={t('serviceIndex.table.notRankedHint')} withArrow multiline w={260}>
                    <Badge color="gray" variant="light" tabIndex={0} aria-label={`${t('serviceIndex.table.notRanked')}: ${t('serviceIndex.table.notRankedHint')}`}>—</Badge>
                  </Tooltip>
                ) : (
                  <Text span fw={750} aria-label={t('serviceIndex.table.rankText', { rank: row.rank, of: row.of })}>
                    {t('serviceIndex.table.rankOf', { rank: row.rank, of: row.of })}
                  </Text>
                )}
              </td>
              <th scope="row" className={classes.agencyCell} style={{ fontWeight: 400 }}>
                <UnstyledButton onClick={() => onOpen(row)} aria-label={t('serviceIndex.table.open', { unit: labelOf(row) })} title={row.agencyName} className={classes.agencyName}>
                  <Text span size="sm" c="blue.8" td="underline" fw={550}>{labelOf(row)}</Text>
                </UnstyledButton>
              </th>
              <td className={classes.num}><Text span fw={700} size="sm">{formatDecimal(row.total)}</Text></td>
              {serviceIndexGroups.map((g) => <td key={g.key} className={classes.num} data-group={g.key}>{formatDecimal(row.groups[g.key as ServiceIndexGroup])}</td>)}
              <td className={classes.num} style={{ textAlign: 'center' }}>
                {row.previousRank === null ? '—' : t('serviceIndex.table.rankOf', { rank: row.previousRank, of: row.previousOf })}
                {row.previousTotal !== null && <Text span size="xs" c="gray.7"> · {formatDecimal(row.previousTotal)}</Text>}
              </td>
              <td><RankChange row={row} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * "Chỉ số phục vụ người dân, doanh nghiệp" on the managers' report page: the index of the scope and
 * of each unit (Decision 766/QĐ-TTg: five groups, 100 points), the ranking of the units of one
 * level with the previous period's rank and the change, what is behind each indicator, and the
 * ranking as XLSX or PDF. Every score and rank is the API's (docs/rules/service-quality.md).
 */
export function ServiceIndexSection({ filters, period, labelOf }: { filters: ReportFilters; period: string; labelOf: (row: { agency: string; agencyName: string }) => string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query: IndexQuery = { from: filters.from, to: filters.to, ...(filters.agency ? { agency: filters.agency } : {}), ...(filters.level ? { level: filters.level } : {}) };
  const index = useServiceIndex(query);
  const [chosenLevel, setLevel] = useState<string | null>(null);
  const [target, setTarget] = useState<IndexTarget | null>(null);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  // Five levels side by side are 406 px: on a phone they stack rather than widen the page.
  const narrow = useMediaQuery('(max-width: 36em)');
  const data = index.data;

  const levels = useMemo(() => {
    const present = [...new Set((data?.rows ?? []).map((r) => r.level))];
    return present.sort((a, b) => (levelOrder.indexOf(a as never) + 1 || 99) - (levelOrder.indexOf(b as never) + 1 || 99));
  }, [data]);
  // By default the level with the most ranked units (the communes of a district, the districts of a province…).
  const defaultLevel = useMemo(() => {
    const ranked = (level: string) => (data?.rows ?? []).filter((r) => r.level === level && r.rank !== null).length;
    return [...levels].sort((a, b) => ranked(b) - ranked(a))[0] ?? '';
  }, [levels, data]);
  const level = chosenLevel && levels.includes(chosenLevel) ? chosenLevel : defaultLevel;
  const rows = (data?.rows ?? []).filter((r) => r.level === level);

  async function download(event: MouseEvent<HTMLAnchorElement>, format: 'xlsx' | 'pdf') {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (busy) return;
    setBusy(format);
    try {
      await downloadFile(indexExportUrl(query, format), `chi-so-phuc-vu-${filters.from}-${filters.to}.${format}`);
    } catch (error) {
      const apiError = error as ReturnType<typeof problemFromBody>;
      notifications.show({ color: 'red', title: t('serviceIndex.exports.failed'), message: apiError?.messages ? localized(apiError.messages, language) : t('errors.network') });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="report-index-title" data-testid="report-index">
      <Group justify="space-between" align="center" gap="xs">
        <Stack gap={0}>
          <Title order={2} fz="lg" id="report-index-title">{t('serviceIndex.title')}</Title>
          {data && (
            <Text size="xs" c="gray.7">
              {t('serviceIndex.hint', {
                version: data.version.number, from: formatPlainDate(data.version.effectiveFrom),
                previousFrom: formatPlainDate(data.previousPeriod.from), previousTo: formatPlainDate(data.previousPeriod.to),
              })}
            </Text>
          )}
        </Stack>
        <Group gap="xs" role="group" aria-label={t('serviceIndex.exports.label')}>
          {(['xlsx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              href={indexExportUrl(query, format)}
              onClick={(event: MouseEvent<HTMLAnchorElement>) => void download(event, format)}
              variant="default"
              size="xs"
              loading={busy === format}
              leftSection={format === 'xlsx' ? <IconFileSpreadsheet size={16} aria-hidden="true" color="#2b8a3e" /> : <IconFileTypePdf size={16} aria-hidden="true" color="#c92a2a" />}
              data-testid={`index-export-${format}`}
            >
              {t(`serviceIndex.exports.${format}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {index.isError && !data ? (
        <ErrorState title={t('serviceIndex.errorTitle')} error={index.error} onRetry={() => void index.refetch()} />
      ) : !data ? (
        <Skeleton h={160} role="status" aria-label={t('common.loading')} />
      ) : (
        <>
          <ScopeCard figures={data.total} onOpen={() => setTarget({ agency: filters.agency, agencyOnly: false, label: labelOf({ agency: filters.agency, agencyName: '' }) || t('console.reports.scopeAll'), figures: data.total, rank: null })} />
          {levels.length > 1 && (
            <SegmentedControl
              size="xs"
              value={level}
              onChange={setLevel}
              aria-label={t('serviceIndex.level.label')}
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth={narrow}
              data={levels.map((value) => ({ value, label: t(`serviceIndex.level.${value as 'commune'}`, { defaultValue: value }) }))}
              style={narrow ? undefined : { alignSelf: 'flex-start' }}
              data-testid="index-levels"
            />
          )}
          {rows.length === 0 ? (
            <Text size="sm" c="gray.7">{t('serviceIndex.empty')}</Text>
          ) : (
            <RankingTable
              rows={rows}
              level={level}
              period={period}
              labelOf={labelOf}
              onOpen={(row) => setTarget({ agency: row.agency, agencyOnly: true, label: labelOf(row), figures: row, rank: row.rank === null ? null : { rank: row.rank, of: row.of } })}
            />
          )}
          <Text size="xs" c="gray.7">{t('serviceIndex.rule')}</Text>
          <IndexUnitDialog target={target} report={data} onClose={() => setTarget(null)} />
        </>
      )}
    </Stack>
  );
}
