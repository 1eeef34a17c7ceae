import { Alert, Badge, Button, Group, NumberInput, Paper, Skeleton, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import {
  indexVersionInForce, localDateOf, serviceIndexGroups, serviceIndexIndicators, settingsProblems, type IndicatorSettings, type PlainDate, type ServiceIndexIndicator,
} from '@motcua/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPlainDate } from '../../../shared/format.ts';
import { localized, useLanguage } from '../../../shared/i18n/index.ts';
import { isApiError } from '../../../shared/api.ts';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { groupLabel, indicatorLabel, useCreateIndexVersion, useIndexVersions, type IndexVersion } from '../../reports/serviceIndex.api.ts';
import classes from '../Admin.module.css';

/** Target shares are edited as percentages (80 for 0.8). */
const toPercent = (share: number) => Math.round(share * 1000) / 10;

function VersionItem({ version, state }: { version: IndexVersion; state: 'current' | 'pending' | 'superseded' }) {
  const { t } = useTranslation();
  const color = state === 'current' ? 'green' : state === 'pending' ? 'blue' : 'gray';
  return (
    <Paper withBorder p="xs" data-version={version.number}>
      <Group justify="space-between" gap={4}>
        <Text fw={650} size="sm">{t('serviceIndex.admin.version', { number: version.number })}</Text>
        <Badge color={color} variant="light" c={`${color}.9`}>{t(`serviceIndex.admin.${state}`)}</Badge>
      </Group>
      <Text size="sm">{t('serviceIndex.admin.effectiveFrom', { date: formatPlainDate(version.effectiveFrom) })}</Text>
      {version.note && <Text size="xs" c="gray.8">{version.note}</Text>}
      <Text size="xs" c="gray.7">{t('serviceIndex.admin.createdBy', { who: version.createdBy ?? '—', at: formatDateTime(version.createdAt) })}</Text>
    </Paper>
  );
}

function IndicatorName({ indicator }: { indicator: ServiceIndexIndicator }) {
  const language = useLanguage();
  const label = indicatorLabel(indicator, language);
  return (
    <>
      <Text size="sm" fw={550} lh={1.3}>{label.name}</Text>
      <Text size="xs" c="gray.7" lh={1.3}>{label.formula}</Text>
    </>
  );
}

/**
 * "Trọng số chỉ số phục vụ": every version of the indicators' weights and targets, and, for an
 * administrator of the province, a new version from the latest one. The server decides when it
 * takes effect (the first day of next month) and checks it; the form checks it with the domain's
 * own rule first (docs/rules/service-quality.md, "Versions of the weights").
 */
export function IndexWeightsTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const versions = useIndexVersions();
  const create = useCreateIndexVersion();
  const today = useMemo(() => localDateOf(Date.now()), []);
  const items = versions.data?.items ?? [];
  const latest = items.at(-1);
  const [draft, setDraft] = useState<IndicatorSettings | null>(null);
  const [note, setNote] = useState('');
  const settings = draft ?? (latest?.indicators as IndicatorSettings | undefined);
  const current = items.length ? indexVersionInForce(items.map((v) => ({ number: v.number, effectiveFrom: v.effectiveFrom as PlainDate })), today) : undefined;
  const problems = settings ? settingsProblems(settings) : [];
  const canManage = versions.data?.canManage ?? false;
  const from = versions.data ? formatPlainDate(versions.data.nextEffectiveFrom) : '';

  const set = (key: ServiceIndexIndicator, field: 'weight' | 'target', value: number) => {
    if (!settings) return;
    setDraft({ ...settings, [key]: { ...settings[key], [field]: value } });
  };

  /** The two inputs of an indicator; on a phone they carry a visible label. */
  const inputs = (key: ServiceIndexIndicator, labelled = false) => {
    const name = indicatorLabel(key, language).name;
    return {
      weight: (
        <NumberInput
          size="xs" min={0} max={100} decimalScale={2} decimalSeparator="," allowNegative={false} disabled={!canManage}
          value={settings![key].weight} onChange={(v) => set(key, 'weight', Number(v) || 0)}
          {...(labelled ? { label: t('serviceIndex.admin.weight') } : {})}
          aria-label={`${t('serviceIndex.admin.weight')}: ${name}`}
        />
      ),
      target: (
        <NumberInput
          size="xs" min={1} max={100} decimalScale={1} decimalSeparator="," allowNegative={false} suffix="%" disabled={!canManage}
          value={toPercent(settings![key].target)} onChange={(v) => set(key, 'target', (Number(v) || 0) / 100)}
          {...(labelled ? { label: t('serviceIndex.admin.target') } : {})}
          aria-label={`${t('serviceIndex.admin.target')}: ${name}`}
        />
      ),
    };
  };

  async function save() {
    if (!settings || problems.length) return;
    try {
      const made = await create.mutateAsync({ indicators: settings, ...(note.trim() ? { note: note.trim() } : {}) });
      notifications.show({ color: 'green', message: t('serviceIndex.admin.saved', { number: made.number, from: formatPlainDate(made.effectiveFrom) }) });
      setDraft(null);
      setNote('');
    } catch (error) {
      notifications.show({ color: 'red', title: t('serviceIndex.admin.failed'), message: isApiError(error) ? localized(error.messages, language) : t('errors.network') });
    }
  }

  if (versions.isPending) return <Skeleton h={320} />;
  if (versions.isError) return <ErrorState title={t('serviceIndex.errorTitle')} error={versions.error} onRetry={() => void versions.refetch()} />;

  return (
    <div className={classes.split} data-testid="index-weights">
      <Paper withBorder p="xs" className={classes.sticky}>
        <Stack gap="xs">
          <Text size="sm" fw={650} px={4}>{t('serviceIndex.admin.versions')}</Text>
          {[...items].reverse().map((v) => (
            <VersionItem key={v.number} version={v} state={v.number === current?.number ? 'current' : v.effectiveFrom > today ? 'pending' : 'superseded'} />
          ))}
        </Stack>
      </Paper>
      <Stack gap="sm">
        <Title order={2} fz="lg">{t('serviceIndex.admin.title')}</Title>
        <Text size="sm" c="gray.8">{t('serviceIndex.admin.intro', { from })}</Text>
        {!canManage && <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>{t('serviceIndex.admin.readOnly')}</Alert>}
        {settings && serviceIndexGroups.map((g) => {
          const { name, points } = groupLabel(g.key, language);
          const groupProblem = problems.some((p) => p.path === `groups.${g.key}`);
          return (
            <Paper key={g.key} withBorder p="xs" data-group={g.key}>
              <Group justify="space-between" gap="xs" mb={4}>
                <Text fw={650} size="sm">{name} ({points})</Text>
                {groupProblem && <Text size="xs" c="red.8" role="alert">{t('serviceIndex.admin.groupNeedsWeight')}</Text>}
              </Group>
              {/* Wide screens: a table; phones: each indicator with its two inputs under it. */}
              <Table fz="sm" verticalSpacing={4} visibleFrom="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('serviceIndex.unit.indicator')}</Table.Th>
                    <Table.Th w={120}>{t('serviceIndex.admin.weight')}</Table.Th>
                    <Table.Th w={130}>{t('serviceIndex.admin.target')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {serviceIndexIndicators.filter((i) => i.group === g.key).map((i) => (
                    <Table.Tr key={i.key} data-indicator={i.key}>
                      <Table.Td><IndicatorName indicator={i.key} /></Table.Td>
                      <Table.Td>{inputs(i.key).weight}</Table.Td>
                      <Table.Td>{inputs(i.key).target}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Stack gap="xs" hiddenFrom="sm">
                {serviceIndexIndicators.filter((i) => i.group === g.key).map((i) => (
                  <Stack key={i.key} gap={4} data-indicator={i.key}>
                    <IndicatorName indicator={i.key} />
                    <Group grow gap="xs">
                      {inputs(i.key, true).weight}
                      {inputs(i.key, true).target}
                    </Group>
                  </Stack>
                ))}
              </Stack>
            </Paper>
          );
        })}
        {canManage && (
          <Stack gap="xs">
            <Textarea label={t('serviceIndex.admin.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
            <Group gap="xs">
              <Button onClick={() => void save()} loading={create.isPending} disabled={problems.length > 0} data-testid="index-weights-save">
                {t('serviceIndex.admin.save', { from })}
              </Button>
              <Button variant="default" onClick={() => { setDraft(null); setNote(''); }} disabled={!draft}>{t('serviceIndex.admin.reset')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </div>
  );
}
