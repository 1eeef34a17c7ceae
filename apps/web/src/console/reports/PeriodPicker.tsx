import '@mantine/dates/styles.css';
import { Group, SegmentedControl, Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import type { PlainDate } from '@motcua/domain';
import type { TFunction } from 'i18next';
import 'dayjs/locale/vi';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import {
  isValidRange, periodKinds, periodOfKindNear, periodOptions, recognizePeriod, type DateRange, type OfficialPart, type PeriodKind,
  type PeriodOption,
} from './periods.ts';

const romans = ['I', 'II', 'III', 'IV'];

/** "9 tháng 2023", "Quý I/2023", "Tháng 03/2023", "Năm 2023 (dương lịch)". */
export function periodLabel(t: TFunction, option: PeriodOption): string {
  switch (option.kind) {
    case 'official':
      return t(`console.reports.period.official.${option.part as OfficialPart}`, { year: option.year });
    case 'month':
      return t('console.reports.period.month', { month: String(option.part).padStart(2, '0'), year: option.year });
    case 'quarter':
      return t('console.reports.period.quarter', { quarter: romans[Number(option.part) - 1], year: option.year });
    case 'year':
      return t('console.reports.period.year', { year: option.year });
  }
}

/** The name of the period in a sentence: the preset's label, or "Khoảng ngày đã chọn". */
export function describePeriod(t: TFunction, range: DateRange, custom: boolean): string {
  const preset = custom ? undefined : recognizePeriod(range);
  return preset ? periodLabel(t, preset) : t('console.reports.period.custom');
}

interface Props {
  value: DateRange & { custom: boolean };
  today: PlainDate;
  onChange: (range: DateRange & { custom: boolean }) => void;
}

/**
 * Official periods (Decree 09/2019: from the 15th), calendar months, quarters and years, or any
 * date range. The choice is only `from`/`to` (and `custom`) in the address.
 */
export function PeriodPicker({ value, today, onChange }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 30em)');
  const language = useLanguage();
  const preset = value.custom ? undefined : recognizePeriod(value);
  const kind: PeriodKind = preset?.kind ?? 'custom';
  // The range being picked: the first click sets only its start, the address changes on the second.
  const [draft, setDraft] = useState<[string | null, string | null]>([value.from, value.to]);
  useEffect(() => setDraft([value.from, value.to]), [value.from, value.to]);

  const options = useMemo(() => (kind === 'custom' ? [] : periodOptions(kind, today)), [kind, today]);
  const data = useMemo(() => {
    const groups = new Map<number, ComboboxItem[]>();
    for (const option of options) {
      const items = groups.get(option.year) ?? [];
      items.push({ value: option.id, label: periodLabel(t, option) });
      groups.set(option.year, items);
    }
    // A preset that is not offered (a future period typed into the address) still shows its name.
    if (preset && !options.some((o) => o.id === preset.id)) groups.set(preset.year, [{ value: preset.id, label: periodLabel(t, preset) }]);
    return [...groups.entries()].map(([year, items]) => ({ group: String(year), items }));
  }, [options, preset, t]);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);

  function changeKind(next: string) {
    if (next === 'custom') {
      onChange({ from: value.from, to: value.to, custom: true });
      return;
    }
    const option = periodOfKindNear(next as Exclude<PeriodKind, 'custom'>, value, today);
    if (option) onChange({ from: option.from, to: option.to, custom: false });
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Stack gap={4} w={narrow ? '100%' : undefined}>
        <Text component="span" size="sm" fw={500} id="report-period-kind">{t('console.reports.period.kindLabel')}</Text>
        {/* Five kinds do not fit across a phone: stacked there, rather than widening the page. */}
        <SegmentedControl
          aria-labelledby="report-period-kind"
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          value={kind}
          onChange={changeKind}
          data={periodKinds.map((k) => ({ value: k, label: t(`console.reports.period.kinds.${k}`) }))}
        />
      </Stack>
      {kind === 'custom' ? (
        <DatesProvider settings={{ locale: language === 'vi' ? 'vi' : 'en', firstDayOfWeek: 1 }}>
          <DatePickerInput
            type="range"
            label={t('console.reports.period.dates')}
            placeholder={t('console.reports.period.datesPlaceholder')}
            valueFormat="DD/MM/YYYY"
            value={draft}
            onChange={(range) => {
              setDraft(range);
              const [from, to] = range;
              if (from && to && isValidRange(from, to)) onChange({ from: from as PlainDate, to: to as PlainDate, custom: true });
            }}
            allowSingleDateInRange
            w={250}
            data-testid="report-period-dates"
          />
        </DatesProvider>
      ) : (
        <Select
          label={t('console.reports.period.choose')}
          data={data}
          value={preset?.id ?? null}
          onChange={(id) => {
            const option = id ? byId.get(id) : undefined;
            if (option) onChange({ from: option.from, to: option.to, custom: false });
          }}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('console.reports.period.nothingFound')}
          maxDropdownHeight={320}
          w={230}
          data-testid="report-period-select"
          renderOption={({ option, checked }) => {
            const o = byId.get(option.value);
            return (
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconCheck size={14} aria-hidden="true" style={{ visibility: checked ? 'visible' : 'hidden', marginTop: 3, flex: 'none' }} />
                <Stack gap={0}>
                  <Text size="sm" fw={checked ? 650 : undefined}>{option.label}</Text>
                  {o && <Text size="xs" c="gray.7" className="motcua-figures">{formatPlainDate(o.from)} – {formatPlainDate(o.to)}</Text>}
                </Stack>
              </Group>
            );
          }}
        />
      )}
      {kind === 'official' && <Text size="xs" c="gray.7" maw={320} pb={2}>{t('console.reports.period.officialHint')}</Text>}
    </Group>
  );
}
