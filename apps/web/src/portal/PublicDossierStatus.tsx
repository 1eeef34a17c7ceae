import { Alert, Badge, DataList, Group, List, Paper, Stack, Stepper, Text, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconMailForward } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyValue, formatDateTime } from '../shared/format.ts';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import { formatWorkingTimeLeft } from '../shared/timeLeft.ts';
import type { PublicDossier } from './dossiers.api.ts';
import { stagesOf } from './dossierStages.ts';

export const statusColors: Record<string, string> = {
  submitted: 'violet', received: 'blue', processing: 'blue', supplement_requested: 'orange', paused: 'orange',
  resolved: 'green', rejected: 'red', returned: 'teal', refused: 'red', withdrawn: 'gray', draft: 'orange',
};

/** A dossier's public status: where it is, the appointment, the time left, and its history. */
export function PublicDossierStatus({ dossier }: { dossier: PublicDossier }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = useMediaQuery('(max-width: 48em)');
  const stages = stagesOf(dossier);
  const active = stages.findIndex((s) => s.state === 'current' || s.state === 'stopped');

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="dossier-code">
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} id="dossier-code" fz="lg" className="motcua-code" style={{ wordBreak: 'break-all' }}>{dossier.code}</Title>
          <Badge size="lg" color={statusColors[dossier.status] ?? 'blue'} data-status={dossier.status}>{localized(dossier.statusLabel, language)}</Badge>
        </Group>

        <Stepper
          active={active < 0 ? stages.length : active}
          orientation={narrow ? 'vertical' : 'horizontal'}
          size="xs"
          iconSize={28}
          wrap={false}
          allowNextStepsSelect={false}
          aria-label={t('portal.lookup.progress')}
        >
          {stages.map((stage) => (
            <Stepper.Step
              key={stage.key}
              label={t(`portal.lookup.stages.${stage.key}`)}
              description={stage.at ? formatDateTime(stage.at) : undefined}
              color={stage.state === 'stopped' ? 'red' : undefined}
            />
          ))}
        </Stepper>

        {(dossier.status === 'supplement_requested' || dossier.status === 'draft') && (
          <Alert variant="light" color="orange" icon={<IconAlertTriangle size={18} aria-hidden="true" />} data-testid="supplement-request">
            <Stack gap={6}>
              <Text size="sm">
                {t(dossier.status === 'draft' ? 'portal.lookup.completionNotice' : 'portal.lookup.supplementNotice', { agency: dossier.agency.name })}
              </Text>
              {dossier.supplementRequest && dossier.supplementRequest.items.length > 0 && (
                <>
                  <Text size="sm" fw={600}>{t('portal.lookup.supplementItems')}</Text>
                  <List size="sm" spacing={2}>
                    {dossier.supplementRequest.items.map((item, index) => <List.Item key={index}>{item}</List.Item>)}
                  </List>
                </>
              )}
              {dossier.supplementRequest?.note && <Text size="sm" fs="italic">{dossier.supplementRequest.note}</Text>}
            </Stack>
          </Alert>
        )}
        {dossier.newDueAt && (
          <Alert variant="light" color="yellow" icon={<IconMailForward size={18} aria-hidden="true" />}>
            {t('portal.lookup.apologyNotice', { at: formatDateTime(dossier.newDueAt) })}
          </Alert>
        )}

        <DataList labelWidth="12.5rem" withDivider orientation={narrow ? 'vertical' : 'horizontal'}>
          <Item label={t('portal.lookup.procedure')}>{dossier.procedure.name}</Item>
          <Item label={t('portal.lookup.agency')}>{dossier.agency.name}</Item>
          <Item label={t('portal.lookup.applicant')}>{dossier.applicantInitials}</Item>
          <Item label={t('portal.lookup.submittedAt')} figures>{formatDateTime(dossier.submittedAt)}</Item>
          <Item label={t('portal.lookup.receivedAt')} figures>{dossier.receivedAt ? formatDateTime(dossier.receivedAt) : t('portal.lookup.notReceived')}</Item>
          <Item label={t('portal.lookup.dueAt')} figures>
            <Text component="span" fw={600} td={dossier.newDueAt ? 'line-through' : undefined} c={dossier.newDueAt ? 'gray.6' : undefined}>
              {dossier.dueAt ? formatDateTime(dossier.dueAt) : t('portal.lookup.dueAfterReception')}
            </Text>
          </Item>
          {dossier.newDueAt && <Item label={t('portal.lookup.newDueAt')} figures><Text component="span" fw={700}>{formatDateTime(dossier.newDueAt)}</Text></Item>}
          {dossier.currentStep && <Item label={t('portal.lookup.currentStep')}>{dossier.currentStep}</Item>}
          <TimeLeft dossier={dossier} />
          {dossier.resultAt && <Item label={t('portal.lookup.resultAt')} figures>{formatDateTime(dossier.resultAt)}</Item>}
          {dossier.returnedAt && <Item label={t('portal.lookup.returnedAt')} figures>{formatDateTime(dossier.returnedAt)}</Item>}
        </DataList>

        <Title order={3}>{t('portal.lookup.steps')}</Title>
        {dossier.steps.length === 0 ? (
          <Text size="sm" c="gray.7">{t('portal.lookup.noSteps')}</Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={dossier.steps.length - 1}>
            {dossier.steps.map((step, index) => (
              <Timeline.Item key={index} title={<Text size="sm" fw={600}>{localized(step.label, language)}</Text>}>
                <Text size="xs" c="gray.7" className="motcua-figures">
                  {formatDateTime(step.at)} · {localized(step.statusLabel, language)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}

function Item({ label, children, figures }: { label: string; children: ReactNode; figures?: boolean }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue className={figures ? 'motcua-figures' : undefined}>{children ?? emptyValue}</DataList.ItemValue>
    </DataList.Item>
  );
}

function TimeLeft({ dossier }: { dossier: PublicDossier }) {
  const { t } = useTranslation();
  const { clock } = dossier;
  if (clock.state === 'not_started' || clock.state === 'closed') return null;
  const minutes = clock.workingMinutesLeft;
  return (
    <Item label={t('portal.lookup.timeLeft')}>
      {/* A clock stopped before the appointment waits; one stopped after it is still overdue (the server says which). */}
      {clock.state === 'stopped' && !clock.overdue ? (
        <Text component="span" c="orange.8" fw={600}>{t('portal.lookup.clockStopped')}</Text>
      ) : minutes === null ? emptyValue : (
        <Text component="span" fw={600} c={clock.overdue ? 'red.8' : undefined}>{formatWorkingTimeLeft(t, minutes)}</Text>
      )}
    </Item>
  );
}
