import { Alert, Group, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonsInput } from '../dossiers/ReasonsInput.tsx';
import { missingRequired, type Decision, type IntakeDraft } from './intakeDraft.ts';

interface Props {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
  reasonsError?: string;
}

const decisions: Decision[] = ['receive', 'request_completion', 'refuse'];

/**
 * Step 4: the outcome of the check (Decree 118/2025 art. 17): receive (form 01), ask for the
 * missing items without receiving (form 02), or refuse (form 03) — with the items or reasons
 * that will be printed on the form.
 */
export function DecisionStep({ draft, onChange, reasonsError }: Props) {
  const { t } = useTranslation();
  // The keyboard lands on the proposed decision: Enter confirms it, Space and a click change it.
  const chosen = useRef<HTMLButtonElement>(null);
  useEffect(() => chosen.current?.focus(), []);
  const missing = missingRequired(draft.components);
  const received = draft.components.filter((c) => c.received).length;
  const scans = draft.components.reduce((n, c) => n + c.files.length, 0);

  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.7">
        {t('console.intake.decision.summary', {
          name: draft.applicant.name.trim(), received, total: draft.components.length, scans, sets: draft.sets,
        })}
      </Text>
      <Radio.Group value={draft.decision} onChange={(value) => onChange({ decision: value as Decision })} aria-label={t('console.intake.steps.decision')}>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {decisions.map((decision) => {
            const blocked = decision === 'receive' && missing.length > 0;
            return (
              <Radio.Card
                key={decision}
                ref={decision === draft.decision ? chosen : undefined}
                value={decision}
                p="sm"
                radius="md"
                disabled={blocked}
                data-decision={decision}
                style={blocked ? { opacity: 0.6 } : undefined}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  onChange({ decision });
                  // Submit once the choice is in the state the form will read.
                  const form = event.currentTarget.form;
                  requestAnimationFrame(() => form?.requestSubmit());
                }}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator disabled={blocked} />
                  <Stack gap={2}>
                    <Text fw={650} size="sm">{t(`console.intake.decision.${decision}.title`)}</Text>
                    <Text size="xs" c="gray.7">{t(`console.intake.decision.${decision}.body`)}</Text>
                  </Stack>
                </Group>
              </Radio.Card>
            );
          })}
        </SimpleGrid>
      </Radio.Group>
      {missing.length > 0 && (
        <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} aria-hidden="true" />} py={8}>
          <Text size="sm">{t('console.intake.decision.receiveBlocked', { items: missing.map((c) => c.name).join('; ') })}</Text>
        </Alert>
      )}
      {draft.decision !== 'receive' && (
        <ReasonsInput
          label={t(draft.decision === 'refuse' ? 'console.intake.decision.refuseReasons' : 'console.intake.decision.missingItems')}
          description={t('console.dossier.dialog.reasonsHint')}
          value={draft.reasons}
          onChange={(reasons) => onChange({ reasons })}
          error={reasonsError}
        />
      )}
      <Textarea
        label={t('console.intake.decision.note')}
        value={draft.note}
        onChange={(event) => onChange({ note: event.currentTarget.value })}
        autosize
        minRows={1}
        maxRows={4}
        maxLength={2000}
      />
    </Stack>
  );
}
