import { Paper, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EFormFields } from '../../shared/eform/EFormFields.tsx';
import type { DeclarationErrors } from '../../shared/eform/declaration.ts';
import type { IntakeDraft } from './intakeDraft.ts';

interface Props {
  draft: IntakeDraft;
  onChange: (change: Partial<IntakeDraft>) => void;
  errors: DeclarationErrors;
}

/**
 * The procedure's declaration e-form at the counter: the officer fills it from what the applicant
 * says (instead of a paper declaration); the component it replaces is then ticked as received.
 */
export function DeclarationPanel({ draft, onChange, errors }: Props) {
  const { t } = useTranslation();
  const form = draft.procedure?.declaration;
  if (!form) return null;
  const on = draft.declaration !== null;
  const toggle = (checked: boolean) => onChange({
    declaration: checked ? {} : null,
    components: draft.components.map((c) => (c.index === form.component ? { ...c, received: checked || c.files.length > 0 } : c)),
  });
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Switch label={t('eform.modeForm')} checked={on} onChange={(e) => toggle(e.currentTarget.checked)} data-testid="intake-eform-toggle" />
        {on && (
          <>
            <EFormFields form={form} value={draft.declaration!} onChange={(declaration) => onChange({ declaration })} errors={errors} />
            {Object.keys(errors).length > 0 && <Text size="sm" c="red.8" role="alert">{t('eform.fixErrors')}</Text>}
          </>
        )}
      </Stack>
    </Paper>
  );
}
