import { Button, CloseButton, Group, MultiSelect, SegmentedControl, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierStatuses, type DossierStatus } from '@motcua/domain';
import { isFiltered, type InboxFilters as Filters } from './inboxQuery.ts';
import { ProcedureSelect } from './ProcedureSelect.tsx';

/** Every status, in the domain's order, drafts last (they wait for the applicant, not for staff). */
const filterStatuses: DossierStatus[] = [...dossierStatuses.filter((s) => s !== 'draft'), 'draft'];

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
}

/** Search (by code, name, ID number, phone), status, procedure and appointment filters. */
export function InboxFilters({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const searchRef = useRef<HTMLInputElement>(null);
  const pushQ = useDebouncedCallback((value: string) => onChange({ q: value.trim() }), 350);
  // Follow the address when it changes from elsewhere (back button, a link from the workspace).
  useEffect(() => setQ(filters.q), [filters.q]);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        label={t('console.inbox.search')}
        placeholder={t('console.inbox.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        rightSection={q ? <CloseButton size="sm" aria-label={t('console.inbox.clearSearch')} onClick={() => { setQ(''); onChange({ q: '' }); }} /> : null}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          pushQ(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            pushQ.flush?.();
            onChange({ q: q.trim() });
          }
        }}
        w={{ base: '100%', sm: 320 }}
        spellCheck={false}
        autoComplete="off"
      />
      <MultiSelect
        label={t('console.inbox.status')}
        placeholder={filters.status.length ? undefined : t('console.inbox.statusAny')}
        data={filterStatuses.map((status) => ({ value: status, label: t(`dossierStatus.${status}`) }))}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        clearable
        w={{ base: '100%', sm: 240 }}
        maxDropdownHeight={320}
      />
      <ProcedureSelect
        label={t('console.inbox.procedure')}
        placeholder={t('console.inbox.procedureAny')}
        value={filters.procedure}
        onChange={(procedure) => onChange({ procedure })}
        w={{ base: '100%', sm: 260 }}
      />
      {isFiltered(filters) && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={() => { setQ(''); onClear(); }}>
          {t('console.inbox.clearFilters')}
        </Button>
      )}
    </Group>
  );
}

/** Any deadline, overdue, or due within 2 days: the filter officers reach for most, beside the view. */
export function DueFilter({ value, onChange }: { value: Filters['due']; onChange: (due: Filters['due']) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('console.inbox.due')}
      value={value || 'any'}
      onChange={(next) => onChange(next === 'any' ? '' : (next as 'overdue' | 'soon'))}
      data={[
        { value: 'any', label: t('console.inbox.dueAny') },
        { value: 'overdue', label: t('dossier.due.overdue') },
        { value: 'soon', label: t('dossier.due.soon') },
      ]}
    />
  );
}
