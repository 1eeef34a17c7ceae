import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconMoodCry, IconMoodSad } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { criterionAnswerLabel, criterionMaxPoints, ratingCriteria, type CriterionPoints, type RatingCriterion } from '@motcua/domain';
import { isApiError } from '../../shared/api.ts';
import { formatDateTime, formatNumber } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useHandleAlert, useRatingAlerts, type RatingAlert, type RatingAlertQuery } from './ratings.api.ts';

const pageSize = 20;
const states = ['open', 'handled', 'all'] as const;

export function RatingAlertsPage() {
  return (
    <SectionGuard section="ratings">
      <RatingAlerts />
    </SectionGuard>
  );
}

/**
 * `/console/danh-gia` ("Đánh giá hài lòng"): the low ratings (2 and 1) of the dossiers the user's
 * units received, the open ones first by default, each with its criteria and comment; a leader
 * marks one handled, saying what was done (docs/rules/service-quality.md). `?ho-so=<code>` opens
 * one dossier's alert: the link of the leader's message.
 */
function RatingAlerts() {
  const { t } = useTranslation();
  usePageTitle(t('ratings.console.title'));
  const [params, setParams] = useSearchParams();
  const code = params.get('ho-so') || undefined;
  const state = (states as readonly string[]).includes(params.get('xem') ?? '') ? (params.get('xem') as RatingAlertQuery['state']) : code ? 'all' : 'open';
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const query: RatingAlertQuery = { state, ...(code ? { code } : {}), limit: pageSize, offset: (page - 1) * pageSize };
  const list = useRatingAlerts(query);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value); else next.delete(key);
    if (!('trang' in patch)) next.delete('trang');
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];

  return (
    <Stack gap="md" maw={1200}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-ratings">{t('ratings.console.title')}</Title>
        <Text size="sm" c="gray.7">{t('ratings.console.subtitle')}</Text>
      </Stack>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('ratings.console.state.label')}
          value={state}
          onChange={(value) => set({ xem: value })}
          data={states.map((s) => ({ value: s, label: t(`ratings.console.state.${s}`) }))}
        />
        {list.data && (
          <Badge size="lg" variant={list.data.open > 0 ? 'filled' : 'light'} color={list.data.open > 0 ? 'red.8' : 'green'} className="motcua-figures">
            {t('ratings.console.openCount', { count: list.data.open, formattedCount: formatNumber(list.data.open) })}
          </Badge>
        )}
      </Group>
      {code && (
        <Alert variant="light" color="blue">
          <Group gap="sm" justify="space-between">
            <Text size="sm">{t('ratings.console.filtered', { code })}</Text>
            <Button size="xs" variant="default" onClick={() => set({ 'ho-so': undefined })}>{t('ratings.console.showAll')}</Button>
          </Group>
        </Alert>
      )}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState title={t('ratings.console.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg"><Text>{t(state === 'open' ? 'ratings.console.emptyOpen' : 'ratings.console.empty')}</Text></Paper>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="rating-alerts">
          {items.map((alert) => <li key={alert.dossierId}><AlertCard alert={alert} /></li>)}
        </Stack>
      )}
      {list.data && list.data.total > pageSize && (
        <ListPager
          page={page}
          pageSize={pageSize}
          total={list.data.total}
          onPage={(p) => set({ trang: p > 1 ? String(p) : undefined })}
          range={(v) => `${v.from}–${v.to} / ${v.total}`}
          paginationLabel={t('ratings.console.title')}
        />
      )}
    </Stack>
  );
}

function AlertCard({ alert }: { alert: RatingAlert }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [handling, setHandling] = useState(false);
  const answered = ratingCriteria.filter((c) => alert.criteria[c.key as RatingCriterion] !== undefined);
  const Mood = alert.score === 1 ? IconMoodCry : IconMoodSad;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-code={alert.code} component="article" aria-labelledby={`alert-${alert.dossierId}`}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} fz="h4" id={`alert-${alert.dossierId}`}>
              <Anchor component={Link} to={`/console/ho-so/${alert.dossierId}`} className="motcua-code" style={{ wordBreak: 'break-all' }}
                aria-label={`${t('ratings.console.openDossier')} ${alert.code}`}>
                {alert.code}
              </Anchor>
            </Title>
            <Text size="sm" fw={600}>{alert.procedureName}</Text>
            <Text size="sm" c="gray.7">{alert.agency.name} · {t('ratings.console.applicant', { name: alert.applicantName })}</Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Badge size="lg" variant="light" color={alert.score === 1 ? 'red' : 'orange'} leftSection={<Mood size={16} aria-hidden="true" />} data-score={alert.score}>
              {alert.score} – {localized(alert.level, language)}
            </Badge>
            <Text size="xs" c="gray.7" className="motcua-figures">{t('ratings.console.ratedAt', { at: formatDateTime(alert.ratedAt) })}</Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('ratings.console.comment')}</Text>
            {alert.comment ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{alert.comment}</Text> : <Text size="sm" c="gray.7">{t('ratings.console.noComment')}</Text>}
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('ratings.console.criteria')}</Text>
            {answered.length === 0 ? <Text size="sm" c="gray.7">{t('ratings.console.noCriteria')}</Text> : (
              <Stack gap={2} component="dl" m={0}>
                {answered.map((c) => {
                  const points = alert.criteria[c.key as RatingCriterion] as CriterionPoints;
                  return (
                    <Group key={c.key} gap={6} wrap="nowrap" align="baseline">
                      <Text component="dt" size="sm" c="gray.8" style={{ flex: '0 1 45%' }}>{localized(c.short, language)}</Text>
                      <Text component="dd" size="sm" m={0} fw={points === 0 ? 700 : 500} c={points === 0 ? 'red.8' : points === criterionMaxPoints ? 'green.8' : undefined}>
                        {localized(criterionAnswerLabel(c.key as RatingCriterion, points), language)} ({points}/{criterionMaxPoints})
                      </Text>
                    </Group>
                  );
                })}
              </Stack>
            )}
          </Stack>
        </SimpleGrid>
        {alert.handledAt ? (
          <Alert variant="light" color="green" icon={<IconCircleCheck size={18} aria-hidden="true" />} data-testid="alert-handled">
            <Stack gap={2}>
              <Text size="sm" fw={600}>{t('ratings.console.handledBy', { at: formatDateTime(alert.handledAt), name: alert.handledBy ?? '—' })}</Text>
              {alert.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{alert.note}</Text>}
            </Stack>
          </Alert>
        ) : alert.canHandle && (
          <Group>
            <Button onClick={() => setHandling(true)} aria-label={`${t('ratings.console.handle')} ${alert.code}`}>{t('ratings.console.handle')}</Button>
          </Group>
        )}
      </Stack>
      {handling && <HandleDialog alert={alert} onClose={() => setHandling(false)} />}
    </Paper>
  );
}

function HandleDialog({ alert, onClose }: { alert: RatingAlert; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const handle = useHandleAlert();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const empty = tried && !note.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!note.trim()) return;
    handle.mutate({ dossierId: alert.dossierId, note: note.trim() }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('ratings.console.saved') });
        onClose();
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t('ratings.console.handleTitle', { code: alert.code })}</Text>} size="lg"
      closeOnClickOutside={!handle.isPending} closeButtonProps={{ 'aria-label': t('common.cancel') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Textarea
            label={t('ratings.console.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={empty ? t('ratings.console.noteRequired') : undefined}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
          />
          {handle.isError && (
            <Alert color="red" variant="light" title={t('ratings.console.failed')}>
              {isApiError(handle.error) ? localized(handle.error.messages, language) : t('errors.unexpected')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={handle.isPending}>{t('ratings.console.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
