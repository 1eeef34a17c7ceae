import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInfoCircle, IconPlayerPlay, IconPlayerStop, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDateTime, formatNumber, formatPercent, formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { textIn } from '../../shared/survey/QuestionnaireForm.tsx';
import { SectionGuard } from '../SectionGuard.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { SurveyEditor } from './SurveyEditor.tsx';
import { SurveyResultsPanel } from './SurveyResultsPanel.tsx';
import { SurveyStatusBadge } from './SurveyStatusBadge.tsx';
import { useDeleteSurvey, useSamplePreview, useSurvey, useSurveyAction, type SurveyDetail } from './surveys.api.ts';

export function SurveyPage() {
  return (
    <SectionGuard section="surveys">
      <Survey />
    </SectionGuard>
  );
}

/** `/console/khao-sat/moi` (a new draft) and `/console/khao-sat/:id` (a draft to edit, or an open or closed survey). */
function Survey() {
  const { t } = useTranslation();
  const { id } = useParams();
  const survey = useSurvey(id);
  usePageTitle(survey.data?.title ?? t(id ? 'surveys.title' : 'surveys.editor.newTitle'));
  const back = (
    <Anchor component={Link} to="/console/khao-sat" size="sm">
      <Group gap={4}><IconArrowLeft size={14} aria-hidden="true" />{t('surveys.detail.back')}</Group>
    </Anchor>
  );
  if (!id) {
    return (
      <Stack gap="md" maw={1100}>
        {back}
        <Title order={1} data-testid="console-survey-new">{t('surveys.editor.newTitle')}</Title>
        <SurveyEditor />
      </Stack>
    );
  }
  if (survey.isPending) return <PageLoader />;
  if (survey.isError) return <Stack gap="md">{back}<ErrorState title={t('surveys.title')} error={survey.error} onRetry={() => void survey.refetch()} /></Stack>;
  const s = survey.data;
  return (
    <Stack gap="md" maw={1300}>
      {back}
      <Header survey={s} />
      {s.status === 'draft' && s.canManage ? (
        <Stack gap="md" maw={1100}>
          <SamplePreviewPanel survey={s} />
          <SurveyEditor key={`${s.id}`} survey={s} />
        </Stack>
      ) : <Overview survey={s} />}
    </Stack>
  );
}

/** Title, status, period, units, sampling and seed, counts, and the steps the caller may take. */
function Header({ survey: s }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useSurveyAction(s.id);
  const remove = useDeleteSurvey();
  const [confirming, setConfirming] = useState<'open' | 'close' | 'delete' | null>(null);
  const sampling = s.sampling.mode === 'size'
    ? t('surveys.detail.samplingSize', { size: formatNumber(s.sampling.size) })
    : t('surveys.detail.samplingFraction', { fraction: formatPercent(s.sampling.fraction), minimum: formatNumber(s.sampling.minimum ?? 0) });

  function confirm() {
    const what = confirming;
    setConfirming(null);
    if (what === 'delete') {
      remove.mutate(s.id, { onSuccess: () => { notifications.show({ color: 'green', message: t('surveys.editor.deleted') }); void navigate('/console/khao-sat'); } });
    } else if (what) {
      action.mutate(what, { onSuccess: () => notifications.show({ color: 'green', message: t(`surveys.actions.done.${what}`) }) });
    }
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} data-testid="console-survey">{s.title}</Title>
            <SurveyStatusBadge status={s.status} />
          </Group>
          <Text size="sm" c="gray.7" className="motcua-figures">
            {t('surveys.periodLine', { from: formatPlainDate(s.periodFrom), to: formatPlainDate(s.periodTo) })} · {sampling} · {t('surveys.detail.seedLine', { seed: s.seed })}
          </Text>
          <Group gap={6}>{s.agencies.map((a) => <Badge key={a.id} variant="outline" color="gray" tt="none">{a.name}</Badge>)}</Group>
          {s.status !== 'draft' && <Text size="sm">{t('surveys.detail.counts', { answered: formatNumber(s.answered), invited: formatNumber(s.invited) })}</Text>}
        </Stack>
        <Group gap="xs">
          {s.actions.includes('open') && <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} onClick={() => setConfirming('open')} loading={action.isPending}>{t('surveys.actions.open')}</Button>}
          {s.actions.includes('close') && <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} aria-hidden="true" />} onClick={() => setConfirming('close')} loading={action.isPending}>{t('surveys.actions.close')}</Button>}
          {s.status === 'draft' && s.canManage && <Button color="red" variant="subtle" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => setConfirming('delete')} loading={remove.isPending}>{t('surveys.editor.delete')}</Button>}
        </Group>
      </Group>
      {action.isError && <ProblemAlert title={t('surveys.actions.failed')} error={action.error} />}
      {remove.isError && <ProblemAlert title={t('surveys.actions.failed')} error={remove.error} />}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} closeButtonProps={{ 'aria-label': t('surveys.entry.close') }} title={confirming === 'delete' ? t('surveys.editor.delete') : confirming ? t(`surveys.actions.${confirming}`) : ''}>
        <Stack gap="md">
          <Text size="sm">{confirming === 'delete' ? t('surveys.editor.deleteConfirm') : confirming ? t(`surveys.actions.${confirming}Confirm`) : ''}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>{t('common.cancel')}</Button>
            <Button color={confirming === 'open' ? undefined : 'red'} onClick={confirm} data-autofocus>{confirming === 'delete' ? t('surveys.editor.delete') : confirming ? t(`surveys.actions.${confirming}`) : ''}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Per unit: the dossiers closed in the period and how many the plan draws (counted as of now while the period runs). */
function SamplePreviewPanel({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const preview = useSamplePreview(survey.id, true);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sample-preview-title">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="sample-preview-title">{t('surveys.preview.title')}</Title>
        <Text size="xs" c="gray.7">{t('surveys.preview.hint')}</Text>
        {preview.isPending ? <PageLoader minHeight={80} /> : preview.isError ? <ProblemAlert title={t('surveys.preview.title')} error={preview.error} /> : (
          <>
            {preview.data.asOf && (
              <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} aria-hidden="true" />}>{t('surveys.preview.asOf', { time: formatDateTime(preview.data.asOf) })}</Alert>
            )}
            <Table.ScrollContainer minWidth={420}>
              <Table verticalSpacing={6} data-testid="sample-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.preview.agency')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.preview.population')}</Table.Th>
                    <Table.Th ta="right">{t('surveys.preview.sampleSize')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.data.units.map((u) => (
                    <Table.Tr key={u.agency}>
                      <Table.Th scope="row" fw={500}>{u.agencyName}</Table.Th>
                      <Table.Td ta="right" className="motcua-figures">{formatNumber(u.population)}</Table.Td>
                      <Table.Td ta="right" className="motcua-figures">{formatNumber(u.sampleSize)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t('surveys.preview.total')}</Table.Th>
                    <Table.Td ta="right" className="motcua-figures" fw={700}>{formatNumber(preview.data.total.population)}</Table.Td>
                    <Table.Td ta="right" className="motcua-figures" fw={700}>{formatNumber(preview.data.total.sampleSize)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** An open or closed survey (or a draft seen by a reader): results, invitations, questionnaire. */
function Overview({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = ['results', 'invitations', 'questionnaire'] as const;
  const fallback = survey.status === 'draft' ? 'questionnaire' : 'results';
  const tab = tabs.find((x) => x === params.get('xem')) ?? fallback;
  return (
    <Stack gap="md">
      {!survey.canManage && <Text size="sm" c="gray.7">{t('surveys.detail.readOnly')}</Text>}
      {survey.status === 'draft' && <SamplePreviewPanel survey={survey} />}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== fallback ? { xem: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {survey.status !== 'draft' && <Tabs.Tab value="results">{t('surveys.detail.tabs.results')}</Tabs.Tab>}
          {survey.status !== 'draft' && <Tabs.Tab value="invitations">{t('surveys.detail.tabs.invitations')}</Tabs.Tab>}
          <Tabs.Tab value="questionnaire">{t('surveys.detail.tabs.questionnaire')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="results" pt="md"><SurveyResultsPanel surveyId={survey.id} /></Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md"><InvitationsPanel survey={survey} /></Tabs.Panel>
        <Tabs.Panel value="questionnaire" pt="md"><QuestionnaireView survey={survey} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function QuestionnaireView({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <List type="ordered" spacing="sm">
      {survey.questionnaire.questions.map((q) => (
        <List.Item key={q.key}>
          <Text fw={600}>{textIn(q.text, language)}</Text>
          <Text size="xs" c="gray.7">{t(`surveys.editor.kinds.${q.kind}`)}{q.required ? ` · ${t('surveys.editor.required')}` : ''}</Text>
          {q.options && <Text size="sm">{q.options.map((o) => textIn(o.text, language)).join(' · ')}</Text>}
        </List.Item>
      ))}
    </List>
  );
}
