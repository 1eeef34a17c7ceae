import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleOff, IconInfoCircle, IconSitemap } from '@tabler/icons-react';
import type { PlainDate } from '@motcua/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../../shared/format.ts';
import { levelName } from '../../reports/ReportFilters.tsx';
import { shortAgencyName } from '../../reports/agencyTree.ts';
import { adminApi, agencyChangeKeys, useAgencyOffices, type AgencyChanges } from '../admin.api.ts';
import { useAdminMutation } from '../feedback.ts';
import { AgencyCalendarForm } from './AgencyCalendarForm.tsx';
import { AddAgencyDialog, EndAgencyDialog } from './AgencyDialogs.tsx';
import { AgencyInfoForm } from './AgencyInfoForm.tsx';
import { stateOf, type AgencyForest, type AgencyNode } from './agencyModel.ts';
import { AgencyOffices } from './AgencyOffices.tsx';

interface Props {
  agency: AgencyNode;
  forest: AgencyForest;
  today: PlainDate;
  /** The administrator manages it (else they may only read it). */
  managed: boolean;
  onSelect: (code: string) => void;
}

const stateColors = { active: 'green', ending: 'orange', future: 'blue', ended: 'gray' } as const;

/** One agency: what it is and until when, its details, counters, units and working calendar. */
export function AgencyDetails({ agency, forest, today, managed, onSelect }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'end' | 'add' | 'reopen'>();
  const offices = useAgencyOffices(agency.id);
  const state = stateOf(agency, today);
  const ended = state === 'ended';
  const successor = agency.successorCode ? forest.byCode.get(agency.successorCode) : undefined;
  const reopen = useAdminMutation({
    mutationFn: (body: AgencyChanges) => adminApi.updateAgency(agency.id, body),
    invalidate: () => agencyChangeKeys,
    success: () => t('console.admin.agencies.reopened', { name: agency.name }),
    failure: t('console.admin.agencies.saveFailed'),
  });

  return (
    <Stack gap="md" data-testid="agency-details">
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Stack gap={4} miw={0}>
              <Title order={2} fz="xl" c={ended ? 'gray.7' : undefined}>{agency.name}</Title>
              <Group gap={8}>
                <Text size="sm" className="motcua-code" c="gray.8">{agency.code}</Text>
                <Text size="sm" c="gray.6">·</Text>
                <Text size="sm" c="gray.8">{levelName(t, agency.level)}</Text>
                <Badge size="sm" color={stateColors[state]} data-testid="agency-state">
                  {t(`console.admin.agencies.state.${state}`, {
                    from: formatPlainDate(agency.validFrom),
                    to: formatPlainDate(agency.validTo),
                  })}
                </Badge>
              </Group>
              {agency.parent && (
                <Text size="xs" c="gray.7">
                  {t('console.admin.agencies.under')}{' '}
                  <Anchor component="button" type="button" size="xs" onClick={() => onSelect(agency.parent!.code)}>
                    {shortAgencyName(agency.parent.name, agency.parent.shortName)}
                  </Anchor>
                </Text>
              )}
            </Stack>
            {managed && <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
              {!ended && (
                <Button size="xs" variant="default" leftSection={<IconSitemap size={14} aria-hidden="true" />} onClick={() => setDialog('add')}>
                  {t('console.admin.agencies.add.open')}
                </Button>
              )}
              {agency.validTo ? (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowBackUp size={14} aria-hidden="true" />}
                  onClick={() => setDialog('reopen')}
                >
                  {t('console.admin.agencies.reopen')}
                </Button>
              ) : (
                <Button size="xs" variant="outline" color="red" leftSection={<IconCircleOff size={14} aria-hidden="true" />} onClick={() => setDialog('end')}>
                  {t('console.admin.agencies.end.open')}
                </Button>
              )}
            </Group>}
          </Group>
          {!managed && <Text size="sm" c="gray.7">{t('console.admin.agencies.readOnly')}</Text>}
          {agency.validTo && (
            <Alert variant="light" color={ended ? 'gray' : 'orange'} icon={<IconInfoCircle size={18} aria-hidden="true" />} py={8}>
              <Text size="sm">
                {agency.successorCode
                  ? t('console.admin.agencies.mergedInto', { date: formatPlainDate(agency.validTo), name: successor ? successor.name : agency.successorCode })
                  : t('console.admin.agencies.abolishedOn', { date: formatPlainDate(agency.validTo) })}{' '}
                {successor && (
                  <Anchor component="button" type="button" size="sm" onClick={() => onSelect(successor.code)}>
                    {t('console.admin.agencies.openSuccessor')}
                  </Anchor>
                )}
              </Text>
            </Alert>
          )}
        </Stack>
      </Paper>

      <AgencyInfoForm key={`${agency.id}:${agency.name}:${agency.shortName}:${agency.address}:${agency.phone}:${agency.email}`} agency={agency} readOnly={!managed} />
      <AgencyOffices agency={agency} offices={offices} readOnly={ended || !managed} />
      <AgencyCalendarForm
        key={`${agency.id}:${JSON.stringify(offices.data?.calendar ?? null)}`}
        agency={agency}
        calendar={offices.data?.calendar}
        loading={offices.isPending}
        readOnly={ended || !managed}
      />

      <Modal opened={dialog === 'reopen'} onClose={() => setDialog(undefined)} title={<Text fw={650}>{t('console.admin.agencies.reopenTitle')}</Text>}>
        <Stack gap="sm">
          <Text size="sm">{t('console.admin.agencies.reopenConfirm', { name: agency.name })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(undefined)} disabled={reopen.isPending}>{t('common.cancel')}</Button>
            <Button loading={reopen.isPending} onClick={() => reopen.mutate({ validTo: null, successorCode: null }, { onSuccess: () => setDialog(undefined) })}>
              {t('console.admin.agencies.reopen')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {dialog === 'end' && <EndAgencyDialog agency={agency} forest={forest} today={today} onClose={() => setDialog(undefined)} />}
      {dialog === 'add' && (
        <AddAgencyDialog
          parent={agency}
          forest={forest}
          onClose={() => setDialog(undefined)}
          onCreated={(created) => {
            setDialog(undefined);
            onSelect(created.code);
          }}
        />
      )}
    </Stack>
  );
}
