import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { localDateOf } from '@motcua/domain';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/index.ts';
import { shortAgencyName } from '../../reports/agencyTree.ts';
import type { Agency, AuditFilterValues, StaffAccount } from '../admin.api.ts';
import { DateField } from '../../../shared/ui/DateField.tsx';
import { actionOptions, entityLabel, entityTypes } from './auditText.ts';

export type AuditFilterPatch = { [K in keyof AuditFilterValues]?: string | undefined };

/** Every filter removed. */
export const noAuditFilters: AuditFilterPatch = { entityType: undefined, entityId: undefined, action: undefined, actor: undefined, from: undefined, to: undefined };

export function hasAuditFilters(values: AuditFilterValues): boolean {
  return Object.values(values).some(Boolean);
}

interface Props {
  values: AuditFilterValues;
  /** Set when the address holds a `to` before `from` (the API refuses it; the list ignores `to`). */
  toError?: string | undefined;
  agencies: Agency[];
  accounts: StaffAccount[];
  onChange: (patch: AuditFilterPatch) => void;
}

/**
 * What was changed (its kind, and which one: an agency or an account picked by name, else a typed
 * code), which family of actions, by whom (part of a username, typed) and on which days. Typed
 * texts reach the address after a pause; the row wraps in groups that belong together.
 */
export function AuditFilters({ values, toError, agencies, accounts, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { entityType, entityId, action, actor, from, to } = values;
  const today = useMemo(() => localDateOf(Date.now()), []);
  const typedId = useTypedText(entityId, (value) => onChange({ entityId: value }));
  const typedActor = useTypedText(actor, (value) => onChange({ actor: value }));
  const clear = () => {
    typedId.cancel();
    typedActor.cancel();
    onChange(noAuditFilters);
  };
  const which = { label: t('console.admin.audit.entityId'), w: { base: '100%', xs: 260 } } as const;

  return (
    <Group gap="sm" align="flex-start" wrap="wrap" data-testid="audit-filters">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label={t('console.admin.audit.entityType')}
          placeholder={t('console.admin.audit.entityAny')}
          data={entityTypes.map((type) => ({ value: type, label: entityLabel(t, type) }))}
          value={entityType || null}
          onChange={(type) => onChange({ entityType: type ?? undefined, entityId: undefined })}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        {entityType === 'agency' ? (
          <Select
            {...which}
            placeholder={t('console.admin.audit.entityAll')}
            data={agencies.map((a) => ({ value: a.code, label: `${shortAgencyName(a.name, a.shortName)} (${a.code})` }))}
            value={entityId || null}
            onChange={(code) => onChange({ entityId: code ?? undefined })}
            searchable
            clearable
            nothingFoundMessage={t('console.admin.nothingFound')}
          />
        ) : entityType === 'user' ? (
          <Select
            {...which}
            placeholder={t('console.admin.audit.entityAll')}
            data={accounts.map((u) => ({ value: u.id, label: `${u.username} — ${u.fullName}` }))}
            value={entityId || null}
            onChange={(id) => onChange({ entityId: id ?? undefined })}
            searchable
            clearable
            nothingFoundMessage={t('console.admin.nothingFound')}
          />
        ) : (
          <TextInput
            {...which}
            placeholder={t('console.admin.audit.entityIdPlaceholder')}
            {...typedId.props}
            classNames={{ input: 'motcua-code' }}
            spellCheck={false}
            autoComplete="off"
          />
        )}
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label={t('console.admin.audit.action')}
          placeholder={t('console.admin.audit.actionAny')}
          data={actionOptions(t, language, action)}
          value={action || null}
          onChange={(next) => onChange({ action: next ?? undefined })}
          clearable
          maxDropdownHeight={300}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          label={t('console.admin.audit.actor')}
          placeholder={t('console.admin.audit.actorPlaceholder')}
          {...typedActor.props}
          classNames={{ input: 'motcua-code' }}
          spellCheck={false}
          autoComplete="off"
          w={{ base: '100%', xs: 160 }}
        />
      </Group>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <DateField
          label={t('console.admin.audit.from')}
          value={from}
          onChange={(next) => onChange({ from: next })}
          maxDate={to && !toError ? to : today}
          clearable
          w={140}
        />
        <DateField
          label={t('console.admin.audit.to')}
          value={to}
          onChange={(next) => onChange({ to: next })}
          minDate={from || undefined}
          maxDate={today}
          error={toError}
          clearable
          w={140}
        />
      </Group>
      {hasAuditFilters(values) && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} aria-hidden="true" />}
          onClick={clear}
          mt={{ base: 0, xs: 25 }}
        >
          {t('console.admin.audit.clear')}
        </Button>
      )}
    </Group>
  );
}

/**
 * A text field that shows every keystroke at once and hands the trimmed text on after a pause; a
 * change from elsewhere (back, "clear filters") replaces what is typed unless only spaces differ.
 */
function useTypedText(value: string, commit: (value: string) => void) {
  const [typed, setTyped] = useState(value);
  const push = useDebouncedCallback((next: string) => commit(next.trim()), 400);
  useEffect(() => setTyped((current) => (current.trim() === value ? current : value)), [value]);
  const props = {
    value: typed,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setTyped(event.currentTarget.value);
      push(event.currentTarget.value);
    },
  };
  return { props, cancel: push.cancel };
}
