import { Button, Group, Select, TreeSelect } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../shared/format.ts';
import { vi } from '../../shared/i18n/vi.ts';
import { levelsOf, treeSelectData, type AgencyTree, type StaffAgency } from './agencyTree.ts';
import { channels, hasFilters, type ReportFilters as Filters } from './reportQuery.ts';
import type { CatalogueProcedure } from './reports.api.ts';

type Level = keyof typeof vi.console.reports.levels;

export function levelName(t: TFunction, level: string): string {
  return level in vi.console.reports.levels ? t(`console.reports.levels.${level as Level}`) : level;
}

interface Props {
  filters: Filters;
  tree: AgencyTree | undefined;
  agencies: readonly StaffAgency[];
  fields: readonly string[];
  procedures: readonly CatalogueProcedure[];
  onChange: (patch: Partial<Filters>) => void;
}

/** The agency subtree (a tree of the caller's agencies), level, field, procedure and channel. */
export function ReportFilters({ filters, tree, agencies, fields, procedures, onChange }: Props) {
  const { t } = useTranslation();
  // An agency that has ended (merged or abolished) keeps its history: it stays, saying since when (the server's `endedOn`).
  const agencyData = useMemo(
    () => (tree ? treeSelectData(tree, (a) => (a.endedOn ? t('console.reports.filters.ended', { name: a.name, date: formatPlainDate(a.endedOn) }) : a.name)) : []),
    [tree, t],
  );
  const levels = useMemo(() => levelsOf(agencies), [agencies]);
  const procedureData = useMemo(
    () => procedures
      .filter((p) => !filters.field || p.field === filters.field)
      .map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
    [procedures, filters.field],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('console.reports.filters.label')}>
      <TreeSelect
        label={t('console.reports.filters.agency')}
        placeholder={t('console.reports.filters.agencyAll')}
        data={agencyData}
        value={filters.agency || null}
        onChange={(agency) => onChange({ agency: agency ?? '' })}
        searchable
        clearable
        defaultExpandAll
        nothingFoundMessage={t('console.reports.filters.nothingFound')}
        chevronAriaLabels={{ expand: t('console.reports.filters.expand'), collapse: t('console.reports.filters.collapse') }}
        maxDropdownHeight={320}
        comboboxProps={{ width: 'min(520px, calc(100vw - 32px))', position: 'bottom-start' }}
        w={240}
        key={agencyData.length}
        data-testid="report-agency"
      />
      <Select
        label={t('console.reports.filters.level')}
        placeholder={t('console.reports.filters.levelAll')}
        data={levels.map((level) => ({ value: level, label: levelName(t, level) }))}
        value={filters.level || null}
        onChange={(level) => onChange({ level: level ?? '' })}
        clearable
        w={140}
      />
      <Select
        label={t('console.reports.filters.field')}
        placeholder={t('console.reports.filters.fieldAll')}
        data={fields.map((field) => ({ value: field, label: field }))}
        value={filters.field || null}
        onChange={(field) => {
          const keep = !field || procedures.find((p) => p.code === filters.procedure)?.field === field;
          onChange({ field: field ?? '', ...(keep ? {} : { procedure: '' }) });
        }}
        searchable
        clearable
        nothingFoundMessage={t('console.reports.filters.nothingFound')}
        comboboxProps={{ width: 280, position: 'bottom-start' }}
        w={150}
      />
      <Select
        label={t('console.reports.filters.procedure')}
        placeholder={t('console.reports.filters.procedureAll')}
        data={procedureData}
        value={filters.procedure || null}
        onChange={(procedure) => onChange({ procedure: procedure ?? '' })}
        searchable
        clearable
        nothingFoundMessage={t('console.reports.filters.nothingFound')}
        comboboxProps={{ width: 420, position: 'bottom-start' }}
        w={170}
      />
      <Select
        label={t('console.reports.filters.channel')}
        placeholder={t('console.reports.filters.channelAll')}
        data={channels.map((channel) => ({ value: channel, label: t(`console.reports.channels.${channel}`) }))}
        value={filters.channel || null}
        onChange={(channel) => onChange({ channel: (channel ?? '') as Filters['channel'] })}
        clearable
        w={150}
      />
      {(hasFilters(filters) || filters.agency) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} aria-hidden="true" />}
          onClick={() => onChange({ agency: '', level: '', field: '', procedure: '', channel: '' })}
        >
          {t('console.reports.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
