import { Button, Group, Select, SimpleGrid, VisuallyHidden } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { levelLabel, usePublicAgencies } from '../shared/catalogue.ts';
import type { CatalogueFilters } from './paths.ts';
import { useProcedureFields } from './procedures.api.ts';

interface Props {
  filters: CatalogueFilters;
  onChange: (filters: CatalogueFilters) => void;
}

/**
 * The search page's filters: field (lĩnh vực), level and implementing agency. The choices are the
 * catalogue's own: the fields of the procedures in force, the levels of the agencies in force, and
 * the agencies of the chosen level.
 */
export function ProcedureFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const fields = useProcedureFields();
  const allAgencies = usePublicAgencies();
  const agencies = usePublicAgencies(filters.level);
  const levels = [...new Set((allAgencies.data?.items ?? []).map((a) => a.level))];
  const any = Boolean(filters.field || filters.level || filters.agency);

  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <VisuallyHidden component="legend">{t('portal.procedures.filters.label')}</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('portal.procedures.filters.field')}
          placeholder={t('portal.procedures.filters.allFields')}
          data={(fields.data?.items ?? []).map((f) => ({ value: f.field, label: `${f.field} (${f.count})` }))}
          value={filters.field ?? null}
          onChange={(field) => onChange({ ...filters, field: field ?? undefined })}
          clearable
          searchable
          size="sm"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('portal.procedures.filters.level')}
          placeholder={t('portal.procedures.filters.allLevels')}
          data={levels.map((level) => ({ value: level, label: levelLabel(t, level) }))}
          value={filters.level ?? null}
          // An agency of another level would leave nothing to show.
          onChange={(level) => onChange({ ...filters, level: level ?? undefined, agency: undefined })}
          clearable
          size="sm"
        />
        <Select
          label={t('portal.procedures.filters.agency')}
          placeholder={t('portal.procedures.filters.allAgencies')}
          data={(agencies.data?.items ?? []).map((a) => ({ value: a.code, label: a.name }))}
          value={filters.agency ?? null}
          onChange={(agency) => onChange({ ...filters, agency: agency ?? undefined })}
          nothingFoundMessage={t('portal.procedures.filters.noAgency')}
          clearable
          searchable
          size="sm"
        />
      </SimpleGrid>
      {any && (
        <Group justify="flex-end" mt={6}>
          <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => onChange({})}>
            {t('portal.procedures.filters.clear')}
          </Button>
        </Group>
      )}
    </fieldset>
  );
}
