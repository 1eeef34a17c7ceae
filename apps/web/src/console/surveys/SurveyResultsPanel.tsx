import { Button, Group, List, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatPercent } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { isApiError } from '../../shared/api.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { textIn } from '../../shared/survey/QuestionnaireForm.tsx';
import { downloadFile } from '../reports/download.ts';
import { formatAverage } from '../reports/figures.ts';
import { ExternalFiguresBeside } from './ExternalFiguresBeside.tsx';
import { useSurveyResults, type SurveyResults } from './surveys.api.ts';

type Figures = SurveyResults['total'];
type QuestionResult = Figures['questions'][number];
const levels = ['5', '4', '3', '2', '1'] as const;

/** One bar: the label, the count and its share of the question's answers. */
function Bar({ label, count, share }: { label: string; count: number; share: number | null }) {
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" className="motcua-figures" c="gray.8">{formatNumber(count)} · {formatPercent(share)}</Text>
      </Group>
      <Progress value={share === null ? 0 : share * 100} size="md" aria-hidden="true" />
    </Stack>
  );
}

/**
 * The results of a survey (docs/rules/service-quality.md, "Results"): per unit (the caller's) and
 * in total, the response rate and the averages; per question, the distribution or the comments,
 * for all the units or one; the XLSX; SIPAS and PAR Index beside. Every count, rate and average is
 * the API's; only the widths of the bars are drawn from them.
 */
export function SurveyResultsPanel({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const results = useSurveyResults(surveyId, true);
  const [unit, setUnit] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (results.isPending) return <PageLoader />;
  if (results.isError) return <ErrorState title={t('surveys.detail.tabs.results')} error={results.error} onRetry={() => void results.refetch()} />;
  const r = results.data;
  const questions = r.survey.questionnaire.questions;
  const scales = questions.map((q, i) => ({ q, n: i + 1 })).filter(({ q }) => q.kind === 'scale5');
  const shown: Figures = (unit && r.units.find((u) => u.agency === unit)) || r.total;
  const averageOf = (f: Figures, key: string) => f.questions.find((x) => x.key === key)?.average ?? null;

  async function exportXlsx() {
    setBusy(true);
    try {
      await downloadFile(`/api/v1/surveys/${surveyId}/results.xlsx`, 'ket-qua-khao-sat.xlsx');
    } catch (error) {
      notifications.show({ color: 'red', title: t('surveys.results.exportFailed'), message: isApiError(error) ? localized(error.messages, language) : t('errors.unexpected') });
    } finally {
      setBusy(false);
    }
  }

  const row = (label: string, f: Figures, key: string, bold = false) => (
    <Table.Tr key={key} fw={bold ? 650 : undefined}>
      <Table.Th scope="row" fw={bold ? 700 : 500}>{label}</Table.Th>
      <Table.Td ta="right" className="motcua-figures">{formatNumber(f.invited)}</Table.Td>
      <Table.Td ta="right" className="motcua-figures">{formatNumber(f.answered)}</Table.Td>
      <Table.Td ta="right" className="motcua-figures">{formatPercent(f.responseRate)}</Table.Td>
      {scales.map(({ q }) => <Table.Td key={q.key} ta="right" className="motcua-figures">{formatAverage(averageOf(f, q.key))}</Table.Td>)}
    </Table.Tr>
  );

  const detail = (qr: QuestionResult) => {
    const q = questions.find((x) => x.key === qr.key)!;
    if (qr.kind === 'scale5') {
      return <Stack gap={6}>{levels.map((l) => <Bar key={l} label={t(`surveys.results.levels.${l}`)} count={qr.levels?.[l] ?? 0} share={qr.answered ? (qr.levels?.[l] ?? 0) / qr.answered : null} />)}</Stack>;
    }
    if (qr.kind === 'free_text') {
      return qr.texts?.length ? (
        <List size="sm" spacing={4} styles={{ itemWrapper: { whiteSpace: 'pre-wrap' } }}>{qr.texts.map((text, i) => <List.Item key={i}>{text}</List.Item>)}</List>
      ) : <Text size="sm" c="gray.7">{t('surveys.results.noTexts')}</Text>;
    }
    return <Stack gap={6}>{(qr.options ?? []).map((o) => <Bar key={o.key} label={textIn(q.options!.find((x) => x.key === o.key)!.text, language)} count={o.count} share={o.share} />)}</Stack>;
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Text size="xs" c="gray.7">{t('surveys.results.generatedAt', { at: formatDateTime(r.generatedAt) })}</Text>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />} loading={busy} onClick={() => void exportXlsx()}>{t('surveys.results.export')}</Button>
      </Group>
      <Stack gap="xs" component="section" aria-labelledby="survey-summary-title">
        <Title order={2} fz="lg" id="survey-summary-title">{t('surveys.results.summary')}</Title>
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="survey-summary">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('surveys.results.agency')}</Table.Th>
                  <Table.Th ta="right">{t('surveys.results.invited')}</Table.Th>
                  <Table.Th ta="right">{t('surveys.results.answered')}</Table.Th>
                  <Table.Th ta="right">{t('surveys.results.responseRate')}</Table.Th>
                  {scales.map(({ q, n }) => <Table.Th key={q.key} ta="right" title={textIn(q.text, language)}>{`${t('surveys.results.average')} ${t('surveys.editor.question', { n })}`}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.units.map((u) => row(u.agencyName, u, u.agency))}
                {r.units.length > 1 && row(t('surveys.results.total'), r.total, 'total', true)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="survey-questions-title">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Title order={2} fz="lg" id="survey-questions-title">{t('surveys.results.byQuestion')}</Title>
          {r.units.length > 1 && (
            <Select label={t('surveys.results.unitFilter')} value={unit ?? ''} onChange={(v) => setUnit(v || null)} allowDeselect={false} w={280}
              data={[{ value: '', label: t('surveys.results.allUnits') }, ...r.units.map((u) => ({ value: u.agency, label: u.agencyName }))]} />
          )}
        </Group>
        {shown.answered === 0 && <Text size="sm" c="gray.7">{t('surveys.results.none')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {shown.questions.map((qr, i) => (
            <Paper key={qr.key} withBorder p="md">
              <Stack gap="xs">
                <Text fw={650}>{`${i + 1}. ${textIn(questions[i]!.text, language)}`}</Text>
                <Text size="xs" c="gray.7">
                  {t('surveys.results.answersCount', { count: qr.answered })}
                  {qr.kind === 'scale5' ? ` · ${t('surveys.results.average')} ${formatAverage(qr.average)}` : ''}
                </Text>
                {detail(qr)}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
      <ExternalFiguresBeside figures={r.externalFigures} id="survey-external-title" />
    </Stack>
  );
}
