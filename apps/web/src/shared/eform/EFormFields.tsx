import { Badge, Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EFormDefinition, EFormField } from '@motcua/domain';
import { TypedDateField } from '../ui/TypedDateField.tsx';
import type { DeclarationDraft, DeclarationErrors, DraftValue } from './declaration.ts';

interface Props {
  form: EFormDefinition;
  value: DeclarationDraft;
  onChange: (value: DeclarationDraft) => void;
  errors: DeclarationErrors;
  /** Keys filled from the e-ID: read-only, with a badge. */
  verified?: readonly string[];
}

/**
 * An e-form declaration rendered from its definition: one Mantine input per field, by type, in
 * its sections; half-width fields side by side on wide screens. Verified fields are read-only.
 */
export function EFormFields({ form, value, onChange, errors, verified = [] }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const locked = new Set(verified);
  const set = (key: string, v: DraftValue | undefined) => {
    const next = { ...value };
    if (v === undefined || v === '') delete next[key];
    else next[key] = v;
    onChange(next);
  };

  return (
    <Stack gap="md" data-testid="eform">
      <Text size="xs" c="gray.7">{t('eform.legalForm', { name: form.legalForm.name, basis: form.legalForm.basis })}</Text>
      {form.sections.map((section) => (
        <Stack key={section.key} gap="xs">
          {form.sections.length > 1 && <Title order={4} fz="md">{section.title[language]}</Title>}
          {rows(section.fields).map((row) => (
            <SimpleGrid key={row[0]!.key} cols={{ base: 1, sm: row.length }} spacing="sm">
              {row.map((field) => (
                <FieldInput
                  key={field.key}
                  field={field}
                  language={language}
                  value={value[field.key]}
                  error={errors[field.key]}
                  verified={locked.has(field.key)}
                  verifiedLabel={t('eform.verified')}
                  chooseLabel={t('eform.choose')}
                  onChange={(v) => set(field.key, v)}
                />
              ))}
            </SimpleGrid>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** Consecutive half-width fields pair up on one row. */
function rows(fields: readonly EFormField[]): EFormField[][] {
  const out: EFormField[][] = [];
  for (let i = 0; i < fields.length; i++) {
    const next = fields[i + 1];
    if (fields[i]!.half && next?.half) {
      out.push([fields[i]!, next]);
      i++;
    } else out.push([fields[i]!]);
  }
  return out;
}

interface FieldProps {
  field: EFormField;
  language: 'vi' | 'en';
  value: DraftValue | undefined;
  error: string | undefined;
  verified: boolean;
  verifiedLabel: string;
  chooseLabel: string;
  onChange: (value: DraftValue | undefined) => void;
}

function FieldInput({ field, language, value, error, verified, verifiedLabel, chooseLabel, onChange }: FieldProps) {
  // The badge flows after the words (wrapping under them on a phone, never cut); a field the
  // citizen cannot change shows no "required" asterisk.
  const label: ReactNode = verified ? (
    <>
      {field.label[language]}{' '}
      <Badge component="span" size="xs" color="teal" variant="light" style={{ verticalAlign: 'text-bottom' }} leftSection={<IconShieldCheck size={12} aria-hidden="true" />}>
        {verifiedLabel}
      </Badge>
    </>
  ) : field.label[language];
  const common = {
    label,
    description: field.hint?.[language],
    required: Boolean(field.required),
    withAsterisk: Boolean(field.required) && !verified,
    error,
    readOnly: verified,
    'data-field': field.key,
    'data-verified': verified || undefined,
  };
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} autosize minRows={2} maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'date':
      return <TypedDateField {...common} minDate={dateLimit(field.minDate)} maxDate={dateLimit(field.maxDate)} value={text} onChange={(v) => onChange(v)} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          allowDecimal={!field.integer}
          min={typeof field.min === 'number' ? field.min : undefined}
          value={typeof value === 'number' ? value : text}
          onChange={(v) => onChange(v === '' ? undefined : v)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          placeholder={chooseLabel}
          data={(field.choices ?? []).map((c) => ({ value: c.value, label: c.label[language] }))}
          value={text || null}
          onChange={(v) => onChange(v ?? undefined)}
          disabled={verified}
        />
      );
    case 'radio':
      return (
        <Radio.Group {...common} value={text} onChange={(v) => !verified && onChange(v)}>
          <Group gap="md" mt={4}>
            {(field.choices ?? []).map((c) => <Radio key={c.value} value={c.value} label={c.label[language]} disabled={verified && c.value !== text} />)}
          </Group>
        </Radio.Group>
      );
    case 'checkbox':
      return <Checkbox label={label} error={error} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked || undefined)} disabled={verified} />;
    default:
      return (
        <TextInput
          {...common}
          type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
          inputMode={field.type === 'personalId' ? 'numeric' : undefined}
          maxLength={field.maxLength ?? (field.type === 'personalId' ? 12 : undefined)}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** A date limit for the calendar: a plain date as is; `today` left to the check (it moves). */
const dateLimit = (limit: string | undefined) => (limit && limit !== 'today' ? limit : undefined);
