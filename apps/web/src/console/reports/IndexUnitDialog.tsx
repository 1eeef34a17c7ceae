import { Anchor, Badge, Button, Group, LoadingOverlay, Modal, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { serviceIndexGroups, serviceIndexIndicators, type ServiceIndexIndicator } from '@motcua/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCurrency, formatDateTime, formatDecimal, formatNumber, formatPercent, formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import {
  groupLabel, indicatorLabel, useIndexItems, type IndexFigures, type IndexItem, type IndexItemsQuery, type IndexReport,
} from './serviceIndex.api.ts';
import classes from './Reports.module.css';

/** Whose index the dialog shows: a unit (its own figures) or the scope ('' = every agency in scope). */
export interface IndexTarget {
  agency: string;
  agencyOnly: boolean;
  label: string;
  figures: IndexFigures;
  rank: { rank: number; of: number } | null;
}

const pageSize = 20;

function ItemDetail({ item }: { item: IndexItem }) {
  const { t } = useTranslation();
  if (item.kind === 'rating' && item.score !== null) return <>{t('serviceIndex.items.score', { score: item.score })}</>;
  if (item.kind === 'payment') {
    const method = item.method === 'cash' || item.method === 'transfer' || item.method === 'card' || item.method === 'online' ? t(`serviceIndex.items.methods.${item.method}`) : '';
    return <>{formatCurrency(item.amount)} · {method}</>;
  }
  if (item.kind === 'dossier' && (item.resultClass === 'ahead' || item.resultClass === 'on_time' || item.resultClass === 'overdue')) {
    return <>{t(`serviceIndex.items.classes.${item.resultClass}`)}</>;
  }
  if (item.kind === 'dossier' && (item.channel === 'counter' || item.channel === 'online' || item.channel === 'postal')) {
    return <>{t(`console.reports.channels.${item.channel}`)}</>;
  }
  return <>{item.procedureCode ?? ''}</>;
}

/** The items behind one indicator (its denominator, or only those met), paged; dossiers link to their page. */
function IndicatorItems({ indicator, target, report }: { indicator: ServiceIndexIndicator; target: IndexTarget; report: IndexReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [part, setPart] = useState<'denominator' | 'numerator'>('denominator');
  const [page, setPage] = useState(1);
  const figure = target.figures.indicators[indicator];
  const query: IndexItemsQuery = {
    from: report.period.from, to: report.period.to, indicator, part, limit: pageSize, offset: (page - 1) * pageSize,
    ...(target.agency ? { agency: target.agency } : {}), ...(target.agencyOnly ? { agencyOnly: 'true' } : {}),
  };
  const items = useIndexItems(query);
  const countable = indicator !== 'rating_average'; // its numerator is a sum of scores, not a list
  return (
    <Stack gap="xs" data-testid="index-items" data-indicator={indicator}>
      <Group justify="space-between" gap="xs">
        <Text fw={650} size="sm">{indicatorLabel(indicator, language).name}</Text>
        {countable && (
          <SegmentedControl
            size="xs"
            value={part}
            onChange={(value) => { setPart(value as 'denominator' | 'numerator'); setPage(1); }}
            aria-label={t('serviceIndex.items.parts.label')}
            data={[
              { value: 'denominator', label: t('serviceIndex.items.parts.denominator', { n: formatNumber(figure.denominator) }) },
              { value: 'numerator', label: t('serviceIndex.items.parts.numerator', { n: formatNumber(figure.numerator) }) },
            ]}
          />
        )}
      </Group>
      {items.isPending ? (
        <PageLoader minHeight={120} />
      ) : items.isError ? (
        <ErrorState title={t('serviceIndex.items.failed')} error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.total === 0 ? (
        <Text size="sm" c="gray.7">{t('serviceIndex.items.empty')}</Text>
      ) : (
        <>
          <div className={classes.tableBox} style={{ position: 'relative' }}>
            <LoadingOverlay visible={items.isPlaceholderData} overlayProps={{ blur: 0, backgroundOpacity: 0.4 }} loaderProps={{ size: 'sm' }} />
            <Table fz="sm" miw={720} className="motcua-figures" highlightOnHover>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('serviceIndex.items.ref')}</Table.Th>
                  <Table.Th>{t('serviceIndex.items.title')}</Table.Th>
                  <Table.Th>{t('serviceIndex.items.at')}</Table.Th>
                  <Table.Th>{t('serviceIndex.items.detail')}</Table.Th>
                  <Table.Th>{t('serviceIndex.items.met')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.data.items.map((item) => (
                  <Table.Tr key={`${item.kind}-${item.ref}-${item.agency}-${item.at ?? ''}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {item.dossierId !== null ? (
                        <Anchor component={Link} to={`/console/ho-so/${item.dossierId}`} fw={600} fz={13} className="motcua-code">{item.ref}</Anchor>
                      ) : <Text span size="sm" className="motcua-code">{item.ref}</Text>}
                    </Table.Td>
                    <Table.Td maw={280}><Text size="sm" lh={1.3} lineClamp={2}>{item.title}</Text></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.at)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><ItemDetail item={item} /></Table.Td>
                    <Table.Td>
                      <Badge color={item.met ? 'green' : 'gray'} variant="light" c={item.met ? 'green.9' : 'gray.8'}>
                        {item.met ? t('serviceIndex.items.met') : t('serviceIndex.items.notMet')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <ListPager
            page={page}
            pageSize={pageSize}
            total={items.data.total}
            onPage={setPage}
            range={(values) => t('serviceIndex.items.range', values)}
            paginationLabel={t('serviceIndex.items.pagination')}
          />
        </>
      )}
    </Stack>
  );
}

/**
 * A unit's index in detail: each group's score against its points, each indicator's figures,
 * value and weight (the version in force), and what is behind each indicator.
 */
export function IndexUnitDialog({ target, report, onClose }: { target: IndexTarget | null; report: IndexReport; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [indicator, setIndicator] = useState<ServiceIndexIndicator | null>(null);
  const weights = new Map(report.indicators.map((i) => [i.key, i]));
  const close = () => {
    setIndicator(null);
    onClose();
  };
  // Each indicator of a group as the table (wide screens) and the blocks (phones) show it.
  const rowsOf = (group: string) => serviceIndexIndicators.filter((i) => i.group === group).map((i) => {
    const figure = target!.figures.indicators[i.key];
    const setting = weights.get(i.key);
    const label = indicatorLabel(i.key, language);
    return {
      key: i.key,
      name: label.name,
      formula: label.formula,
      figures: i.formula === 'mean_score'
        ? (figure.denominator ? formatDecimal(figure.numerator / figure.denominator) : '—')
        : t('serviceIndex.unit.fraction', { numerator: formatNumber(figure.numerator), denominator: formatNumber(figure.denominator) }),
      value: figure.value === null ? <Text span size="xs" c="gray.7">{t('serviceIndex.unit.noData')}</Text> : formatPercent(figure.value),
      weight: setting && setting.weight > 0 ? formatDecimal(setting.weight, setting.weight % 1 ? 1 : 0) : <Text span size="xs" c="gray.7">{t('serviceIndex.unit.notCounted')}</Text>,
      button: (
        <Button
          size="compact-xs"
          variant={indicator === i.key ? 'filled' : 'light'}
          onClick={() => setIndicator(indicator === i.key ? null : i.key)}
          aria-pressed={indicator === i.key}
          aria-label={`${t('serviceIndex.items.detail')}: ${label.name}`}
        >
          {t('serviceIndex.items.detail')}
        </Button>
      ),
    };
  });
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      size={1100}
      closeButtonProps={{ 'aria-label': t('serviceIndex.unit.close') }}
      title={target && (
        <Stack gap={0}>
          <Text fw={700} size="lg">{t('serviceIndex.unit.title', { unit: target.label })}</Text>
          <Text size="sm" c="gray.7">
            {t('serviceIndex.unit.subtitle', {
              from: formatPlainDate(report.period.from), to: formatPlainDate(report.period.to),
              rank: target.rank ? t('serviceIndex.table.rankText', target.rank) : `${formatDecimal(target.figures.total)}/100`,
            })}
            {target.rank && ` · ${formatDecimal(target.figures.total)}/100`}
          </Text>
        </Stack>
      )}
    >
      {target && (
        <Stack gap="md" data-testid="index-unit">
          {serviceIndexGroups.map((g) => {
            const { name, points } = groupLabel(g.key, language);
            return (
              <Stack key={g.key} gap={4} data-group={g.key}>
                <Text fw={700} size="sm">{t('serviceIndex.unit.groupOf', { group: name, score: formatDecimal(target.figures.groups[g.key]), points })}</Text>
                <div className={classes.tableBox}>
                  <Table fz="sm" className="motcua-figures" visibleFrom="sm">
                    <Table.Thead bg="gray.0">
                      <Table.Tr>
                        <Table.Th>{t('serviceIndex.unit.indicator')}</Table.Th>
                        <Table.Th ta="right">{t('serviceIndex.unit.figures')}</Table.Th>
                        <Table.Th ta="right">{t('serviceIndex.unit.value')}</Table.Th>
                        <Table.Th ta="right">{t('serviceIndex.unit.weight')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rowsOf(g.key).map((r) => (
                        <Table.Tr key={r.key} data-indicator={r.key}>
                          <Table.Td maw={420}>
                            <Text size="sm" fw={550} lh={1.3}>{r.name}</Text>
                            <Text size="xs" c="gray.7" lh={1.3}>{r.formula}</Text>
                          </Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{r.figures}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{r.value}</Table.Td>
                          <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{r.weight}</Table.Td>
                          <Table.Td ta="right">{r.button}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                  {/* On a phone: one block per indicator, its figures on one line under its name. */}
                  <Stack gap={0} hiddenFrom="sm">
                    {rowsOf(g.key).map((r) => (
                      <Stack key={r.key} gap={2} p="xs" data-indicator={r.key} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                        <Text size="sm" fw={550} lh={1.3}>{r.name}</Text>
                        <Text size="xs" c="gray.7" lh={1.3}>{r.formula}</Text>
                        <Group justify="space-between" gap="xs" wrap="nowrap">
                          <Text size="xs" className="motcua-figures">
                            {t('serviceIndex.unit.figures')}: {r.figures} · {t('serviceIndex.unit.value')}: {r.value} · {t('serviceIndex.unit.weight')}: {r.weight}
                          </Text>
                          {r.button}
                        </Group>
                      </Stack>
                    ))}
                  </Stack>
                </div>
                {indicator && serviceIndexIndicators.find((i) => i.key === indicator)?.group === g.key && (
                  <IndicatorItems key={`${indicator}-${target.agency}`} indicator={indicator} target={target} report={report} />
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Modal>
  );
}
