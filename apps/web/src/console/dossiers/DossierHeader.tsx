import { ActionIcon, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/index.ts';
import { processingTimeLabel } from '../../shared/catalogue.ts';
import { formatDateTime } from '../../shared/format.ts';
import { dueStateOf, formatWorkingTimeLeft } from '../../shared/timeLeft.ts';
import { useStaff } from '../useStaff.ts';
import { DossierStatusBadge, DueBadge } from './DossierStatusBadge.tsx';
import { useAgencyStaff, type DossierDetail } from './dossiers.api.ts';
import { activeStep } from './workflowProgress.ts';

/** The dossier at a glance: code, status, procedure, appointment, the legal clock and the current step. */
export function DossierHeader({ dossier, now }: { dossier: DossierDetail; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = dueStateOf({ status: dossier.status, timeliness: dossier.clock.timeliness });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <Title order={1} fz="h2" className="motcua-code" data-testid="console-dossier">{dossier.code}</Title>
            <CopyCodeButton code={dossier.code} />
            <DossierStatusBadge status={dossier.status} size="lg" />
            <DueBadge state={state} size="lg" />
          </Group>
          <Text fw={600} fz="lg" lh={1.35}>{dossier.procedure.name}</Text>
          <Text size="sm" c="gray.7">
            <span className="motcua-code">{dossier.procedure.code}</span>
            {' · '}{dossier.procedure.field}
            {' · '}{t('console.dossier.legalTime')}: {processingTimeLabel(language, dossier.procedure.processingTime)}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label={dossier.receivedAt ? t('console.dossier.receivedAt') : t('console.dossier.submittedAt')}>
            {formatDateTime(dossier.receivedAt ?? dossier.submittedAt)}
          </Fact>
          <Fact label={t('console.dossier.appointment')}>
            <Text fw={700} fz="lg" className="motcua-figures" td={dossier.apologyDueAt ? 'line-through' : undefined} c={dossier.apologyDueAt ? 'gray.6' : undefined}>
              {formatDateTime(dossier.dueAt)}
            </Text>
            {dossier.apologyDueAt && (
              <Text fw={700} fz="lg" className="motcua-figures">
                {formatDateTime(dossier.apologyDueAt)} <Text span size="xs" fw={500} c="gray.7">({t('console.dossier.newAppointment')})</Text>
              </Text>
            )}
          </Fact>
          <Fact label={t('console.dossier.clock')}>
            <ClockText dossier={dossier} />
          </Fact>
          {dossier.resultAt || dossier.withdrawnAt ? (
            <Fact label={t('console.dossier.outcome')}>
              {dossier.resultAt && <Text size="sm">{t('console.dossier.resultAtLine', { at: formatDateTime(dossier.resultAt) })}</Text>}
              {dossier.returnedAt && <Text size="sm">{t('console.dossier.returnedAtLine', { at: formatDateTime(dossier.returnedAt) })}</Text>}
              {dossier.withdrawnAt && <Text size="sm">{t('console.dossier.withdrawnAtLine', { at: formatDateTime(dossier.withdrawnAt) })}</Text>}
            </Fact>
          ) : (
            <Fact label={t('console.dossier.currentStep')}>
              <CurrentStep dossier={dossier} now={now} />
            </Fact>
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="gray.6" fw={500}>{label}</Text>
      <div className="motcua-figures">{children}</div>
    </Stack>
  );
}

export function CopyCodeButton({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={code} timeout={1600}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('console.dossier.copied') : t('console.dossier.copyCode')} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('console.dossier.copyCode')}>
            {copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function ClockText({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const { clock } = dossier;
  if (clock.state === 'closed') {
    return (
      <Text size="sm" fw={600} c={dossier.resultClass === 'overdue' ? 'red.8' : 'green.8'}>
        {dossier.resultClass ? t(`dossier.resultClass.${dossier.resultClass}`) : t('dossier.clock.closed')}
      </Text>
    );
  }
  if (clock.state === 'not_started' || clock.workingMinutesLeft === null) return <Text size="sm" c="gray.7">{t('dossier.clock.not_started')}</Text>;
  const text = formatWorkingTimeLeft(t, clock.workingMinutesLeft);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} c={clock.overdue ? 'red.8' : clock.timeliness === 'due_soon' ? 'orange.9' : undefined}>{text}</Text>
      {clock.state === 'stopped' && <Text size="xs" c="orange.8">{t('dossier.clock.stopped')}</Text>}
      {clock.dueAt && formatDateTime(clock.dueAt) !== formatDateTime(dossier.dueAt) && (
        <Text size="xs" c="gray.7">{t('console.dossier.clockDueAt', { at: formatDateTime(clock.dueAt) })}</Text>
      )}
    </Stack>
  );
}

function CurrentStep({ dossier, now }: { dossier: DossierDetail; now: number }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const step = activeStep(dossier);
  const assigneeId = step?.assigneeId ?? undefined;
  const specialists = useAgencyStaff(dossier.handlingAgency.id, 'specialist', Boolean(assigneeId) && assigneeId !== staff.user.id);
  if (!step) return <Text size="sm" c="gray.7">{t('console.dossier.noStep')}</Text>;
  const assignee = assigneeId === staff.user.id
    ? t('console.dossier.assignedToYou')
    : specialists.data?.items.find((member) => member.id === assigneeId)?.fullName;
  const late = step.dueAt !== null && Date.parse(step.dueAt) < now;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} lh={1.35}>{step.name}</Text>
      <Text size="xs" c="gray.7">{t(`roles.${step.role as 'officer'}`)}{assigneeId ? ` · ${assignee ?? t('console.dossier.assigned')}` : ''}</Text>
      {step.dueAt && (
        <Text size="xs" c={late ? 'red.8' : 'gray.7'} fw={late ? 600 : undefined}>
          {t('console.dossier.stepDue', { at: formatDateTime(step.dueAt) })}
        </Text>
      )}
    </Stack>
  );
}
