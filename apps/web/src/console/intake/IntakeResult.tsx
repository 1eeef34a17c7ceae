import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconFileAlert, IconFilePlus, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { CopyCodeButton } from '../dossiers/DossierHeader.tsx';
import { formUrl, type DossierDetail } from '../dossiers/dossiers.api.ts';
import { formOfDecision, type Decision } from './intakeDraft.ts';

interface Props {
  dossier: DossierDetail;
  decision: Decision;
  onNew: () => void;
}

/** What the officer hands over: the dossier code and the appointment, large, and the form to print. */
export function IntakeResult({ dossier, decision, onNew }: Props) {
  const { t } = useTranslation();
  const form = formOfDecision[decision];
  const printRef = useRef<HTMLAnchorElement>(null);
  // The next thing the officer does is print: put the keyboard there.
  useEffect(() => printRef.current?.focus(), []);
  const received = decision === 'receive';

  return (
    <Paper withBorder p="lg" maw={900} style={{ borderTop: `4px solid var(--mantine-color-${received ? 'green-7' : 'orange-6'})` }} data-testid="intake-result">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="xl" color={received ? 'green' : 'orange'} variant="light">
            {received ? <IconCircleCheck size={24} aria-hidden="true" /> : <IconFileAlert size={24} aria-hidden="true" />}
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} fz="h3" aria-live="polite">{t(`console.intake.result.${decision}`)}</Title>
            <Text size="sm" c="gray.7">{dossier.procedure.name} · {dossier.applicant.name}</Text>
          </Stack>
        </Group>
        <Group gap={48} align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" c="gray.7">{t('console.intake.result.code')}</Text>
            <Group gap={6} wrap="nowrap">
              <Text fz={28} fw={700} className="motcua-code" lh={1.2} style={{ whiteSpace: 'nowrap' }} data-testid="intake-code">{dossier.code}</Text>
              <CopyCodeButton code={dossier.code} />
            </Group>
          </Stack>
          {received && (
            <Stack gap={2}>
              <Text size="sm" c="gray.7">{t('console.intake.result.appointment')}</Text>
              <Text fz={28} fw={700} className="motcua-figures" lh={1.2} c="brand.8" data-testid="intake-appointment">{formatDateTime(dossier.dueAt)}</Text>
            </Stack>
          )}
        </Group>
        {!received && <Text size="sm">{t(`console.intake.result.${decision}Hint`)}</Text>}
        <Group gap="sm">
          <Button
            ref={printRef}
            component="a"
            href={formUrl(dossier.id, form)}
            target="_blank"
            rel="noopener"
            size="md"
            leftSection={<IconPrinter size={18} aria-hidden="true" />}
          >
            {t('console.intake.result.print', { name: t(`dossier.formsShort.${form}`), form })}
          </Button>
          <Button variant="default" size="md" leftSection={<IconFilePlus size={18} aria-hidden="true" />} onClick={onNew}>
            {t('console.intake.result.newIntake')}
          </Button>
          <Button component={Link} to={`/console/ho-so/${dossier.id}`} variant="subtle" size="md">
            {t('console.intake.result.openDossier')}
          </Button>
        </Group>
        {received && <Text size="xs" c="gray.7">{t('console.intake.result.transferHint')}</Text>}
      </Stack>
    </Paper>
  );
}
