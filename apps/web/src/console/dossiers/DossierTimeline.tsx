import { Anchor, Badge, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { DossierStatusBadge, isKnownStatus } from './DossierStatusBadge.tsx';
import { formUrl, type DossierDetail, type TimelineEntry } from './dossiers.api.ts';
import { isFormNumber } from './forms.ts';

/** Every action on the dossier, oldest first: who, when, what, the note, the reasons, the form issued. */
export function DossierTimeline({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} fz="h4" id="timeline-title" mb="sm">{t('console.dossier.sections.timeline')}</Title>
      <Timeline bulletSize={12} lineWidth={2} active={dossier.timeline.length - 1}>
        {dossier.timeline.map((entry) => (
          <Timeline.Item key={entry.seq} title={<EntryTitle entry={entry} />}>
            <EntryBody dossierId={dossier.id} entry={entry} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

function EntryTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changed = entry.fromStatus !== entry.toStatus;
  const status = (s: string) => (isKnownStatus(s) ? t(`dossierStatus.${s}`) : s);
  return (
    <Group gap={8} wrap="wrap">
      <Text size="sm" fw={650}>{localized(entry.actionLabel, language)}</Text>
      {changed && (
        <Group gap={4} wrap="nowrap">
          {entry.fromStatus && <Badge size="xs" variant="outline" color="gray">{status(entry.fromStatus)}</Badge>}
          {entry.fromStatus && <IconArrowRight size={12} aria-label={t('console.dossier.timeline.to')} />}
          <DossierStatusBadge status={entry.toStatus} size="xs" />
        </Group>
      )}
    </Group>
  );
}

function EntryBody({ dossierId, entry }: { dossierId: number; entry: TimelineEntry }) {
  const { t } = useTranslation();
  const actor = entry.actorName
    ? `${entry.actorName}${entry.actorRole && entry.actorRole in roleKeys ? ` (${t(`roles.${entry.actorRole as keyof typeof roleKeys}`)})` : ''}`
    : entry.actorRole === 'citizen' ? t('console.dossier.timeline.citizen') : t('console.dossier.timeline.system');
  return (
    <Stack gap={2} mt={2}>
      <Text size="xs" c="gray.7" className="motcua-figures">{formatDateTime(entry.at)} · {actor}</Text>
      {entry.stepName && entry.stepDueAt && (
        <Text size="xs" c="gray.7">{t('console.dossier.timeline.handOff', { step: entry.stepName, at: formatDateTime(entry.stepDueAt) })}</Text>
      )}
      {entry.newDueAt && <Text size="sm" fw={600}>{t('console.dossier.timeline.newDueAt', { at: formatDateTime(entry.newDueAt) })}</Text>}
      {entry.reasons && entry.reasons.length > 0 && (
        <List type="ordered" size="sm" spacing={0} withPadding>
          {entry.reasons.map((reason, i) => <List.Item key={i}>{reason}</List.Item>)}
        </List>
      )}
      {entry.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>“{entry.note}”</Text>}
      {entry.form && isFormNumber(entry.form) && (
        <Anchor href={formUrl(dossierId, entry.form)} target="_blank" rel="noopener" size="xs">
          {t('console.dossier.timeline.form', { name: t(`dossier.forms.${entry.form}`), form: entry.form })}
        </Anchor>
      )}
    </Stack>
  );
}

const roleKeys = { officer: 1, specialist: 1, leader: 1, manager: 1, admin: 1 } as const;
