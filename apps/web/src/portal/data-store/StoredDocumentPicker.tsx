/**
 * Picks documents of the data store for one component of a dossier: only documents of the
 * component's kind of paper are listed, and only valid ones can be chosen (the server checks the
 * same rule again, `storedDocumentUsable` in the domain). Used on the portal (the signed-in
 * citizen's own store) and at the counter (the applicant's, after the ID card is checked).
 */
import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../shared/format.ts';
import type { StoredDocument } from './dataStore.api.ts';
import { ValidityBadge } from './ValidityBadge.tsx';

export interface StoredDocumentPickerProps {
  /** The candidate documents (already of the component's kind). */
  documents: readonly StoredDocument[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** The component's name, for screen readers. */
  componentName: string;
}

export function StoredDocumentPicker({ documents, value, onChange, componentName }: StoredDocumentPickerProps) {
  const { t } = useTranslation();
  if (documents.length === 0) return null;
  return (
    <Stack gap={4} role="group" aria-label={t('dataStore.picker.label', { name: componentName })}>
      <Text size="xs" fw={600} c="gray.8">{t('dataStore.picker.title')}</Text>
      {documents.map((d) => {
        const usable = d.validity === 'valid';
        const checked = value.includes(d.id);
        return (
          <Checkbox
            key={d.id}
            size="sm"
            checked={checked}
            disabled={!usable && !checked}
            onChange={(event) => onChange(event.currentTarget.checked ? [...value, d.id] : value.filter((id) => id !== d.id))}
            label={(
              // The badge follows the title and wraps with the words: in a narrow column it is never cut.
              <span>
                {d.title}{' '}
                <ValidityBadge document={d} />
                <Text span size="xs" c="gray.7" display="block">
                  {d.issuingAgency}, {formatPlainDate(d.issuedOn)}
                  {d.sourceDossier ? ` · ${t('dataStore.fromDossier', { code: d.sourceDossier.code })}` : ''}
                </Text>
              </span>
            )}
          />
        );
      })}
    </Stack>
  );
}
