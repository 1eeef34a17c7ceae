import { Badge, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconWorld } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../shared/api.ts';
import { processingTimeLabel, type ProcedureDetail, type PublicProcedure } from '../../shared/catalogue.ts';
import { useProcedureSearch } from '../../shared/catalogue.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import type { StaffAssignment } from '../auth/session.ts';
import classes from './ProcedureStep.module.css';

interface Props {
  counters: StaffAssignment[];
  agencyId: string | undefined;
  onAgency: (agencyId: string) => void;
  onPick: (procedure: ProcedureDetail) => void;
}

/**
 * Step 1: the procedure, searched in the catalogue of the receiving agency as the officer types.
 * ↑/↓ move through the results, Enter takes the highlighted one.
 */
export function ProcedureStep({ counters, agencyId, onAgency, onPick }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const id = useId();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState<string>();
  const [error, setError] = useState<unknown>();
  const inputRef = useRef<HTMLInputElement>(null);
  const agencyCode = counters.find((c) => c.agencyId === agencyId)?.agencyCode;
  const result = useProcedureSearch({ q: debounced.trim(), agency: agencyCode, limit: 10 }, Boolean(agencyCode));
  const items = result.data?.items ?? [];
  // The list matches what is typed only once the search has caught up with the keyboard; an
  // Enter pressed before that waits for it rather than taking a stale first result.
  const settled = debounced === q && !result.isPlaceholderData && !result.isFetching && result.isSuccess;
  const [enterPending, setEnterPending] = useState(false);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => setActive(0), [debounced]);

  async function pick(item: PublicProcedure) {
    setLoading(item.code);
    setError(undefined);
    try {
      const detail = await queryClient.fetchQuery({
        queryKey: ['public', 'procedure', item.code],
        queryFn: ({ signal }) => client.get('/public/procedures/{code}', { params: { code: item.code }, signal }),
        staleTime: 5 * 60_000,
      });
      onPick(detail);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(undefined);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(items.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!settled) setEnterPending(true);
      else if (items[active] && !loading) void pick(items[active]);
    }
  }

  useEffect(() => {
    if (!enterPending || !settled) return;
    setEnterPending(false);
    if (items[active]) void pick(items[active]);
    // Runs when the search settles (pick and items are read at that moment).
  }, [enterPending, settled]);

  return (
    <Stack gap="sm">
      {counters.length > 1 && (
        <Select
          label={t('console.intake.agency')}
          data={counters.map((c) => ({ value: c.agencyId, label: `${c.agencyName} (${c.agencyCode})` }))}
          value={agencyId ?? null}
          onChange={(value) => value && onAgency(value)}
          allowDeselect={false}
          maw={520}
        />
      )}
      <TextInput
        ref={inputRef}
        label={t('console.intake.procedureSearch')}
        description={t('console.intake.procedureHint')}
        placeholder={t('console.intake.procedurePlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        rightSection={result.isFetching ? <Loader size={14} /> : null}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={items[active] ? `${id}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        maw={720}
      />
      {error !== undefined && <ProblemAlert title={t('console.intake.procedureFailed')} error={error} />}
      {result.data && items.length === 0 && <Text size="sm" c="gray.7">{t('console.intake.noProcedures')}</Text>}
      {items.length > 0 && (
        <ul className={classes.list} id={`${id}-list`} role="listbox" aria-label={t('console.intake.procedureSearch')} style={{ maxWidth: 720, opacity: settled ? 1 : 0.6 }} aria-busy={!settled}>
          {items.map((item, index) => (
            <li
              key={item.code}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              data-active={index === active || undefined}
              className={classes.option}
              onMouseEnter={() => setActive(index)}
              onClick={() => void pick(item)}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} miw={0}>
                  <Text size="sm" fw={600}>{item.name}</Text>
                  <Text size="xs" c="gray.7">
                    <span className="motcua-code">{item.code}</span> · {item.field} · {processingTimeLabel(language, item.processingTime)} · {localized(item.fee.text, language)}
                  </Text>
                </Stack>
                <Group gap={6} wrap="nowrap" style={{ flex: 'none' }}>
                  {item.fullyOnline && (
                    <Badge size="sm" color="green" leftSection={<IconWorld size={11} aria-hidden="true" />}>{t('portal.procedures.fullyOnline')}</Badge>
                  )}
                  {loading === item.code && <Loader size={14} />}
                </Group>
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
