import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { starterQuestionnaire, surveyLimits, type PlainDate } from '@motcua/domain';
import { IconDeviceFloppy, IconInfoCircle, IconTemplate } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { PeriodPicker } from '../reports/PeriodPicker.tsx';
import { calendarQuarter, vietnamToday } from '../reports/periods.ts';
import { useStaffAgencies } from '../reports/reports.api.ts';
import { QuestionnaireEditor } from './QuestionnaireEditor.tsx';
import { surveyPeriodOf } from './surveyPeriod.ts';
import { useSaveSurvey, type Questionnaire, type SurveyDetail, type SurveyInput } from './surveys.api.ts';

type Sampling = SurveyInput['sampling'];

/** The quarter before the one of `today`: the usual survey of a period just over. */
function lastQuarter(today: PlainDate) {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? calendarQuarter(year - 1, 4) : calendarQuarter(year, quarter - 1);
}

const copy = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A draft survey, new or saved: its title, period (the dashboard's periods), the units surveyed, the
 * sampling plan and seed, and the questionnaire. The server checks everything again and names the
 * fields it refuses.
 */
export function SurveyEditor({ survey }: { survey?: SurveyDetail | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useMemo(() => vietnamToday(Date.now()), []);
  const agencies = useStaffAgencies();
  const save = useSaveSurvey(survey?.id);
  const initialPeriod = survey
    ? { from: survey.periodFrom as PlainDate, to: survey.periodTo as PlainDate, custom: survey.period.kind === 'custom' }
    : { ...lastQuarter(today), custom: false };
  const [title, setTitle] = useState(survey?.title ?? '');
  const [period, setPeriod] = useState(initialPeriod);
  const [codes, setCodes] = useState<string[]>(survey?.agencies.map((a) => a.code) ?? []);
  const [sampling, setSampling] = useState<Sampling>(survey?.sampling ?? { mode: 'size', size: 30 });
  const [seed, setSeed] = useState(survey?.seed ?? '');
  const [questionnaire, setQuestionnaire] = useState<Questionnaire>(survey ? copy(survey.questionnaire) : copy(starterQuestionnaire) as Questionnaire);
  const issues = isApiError(save.error) ? save.error.issues : [];
  const issueAt = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const agencyOptions = useMemo(() => (agencies.data?.items ?? [])
    .filter((a) => !a.validTo || a.validTo >= period.from)
    .map((a) => ({ value: a.code, label: `${a.shortName ?? a.name} (${a.code})` })), [agencies.data, period.from]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: SurveyInput = {
      title: title.trim(), period: surveyPeriodOf(period), agencies: codes, questionnaire, sampling, ...(seed.trim() ? { seed: seed.trim() } : {}),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('surveys.editor.saved') });
        if (!survey) void navigate(`/console/khao-sat/${saved.id}`, { replace: true });
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">{t('surveys.editor.general')}</Title>
            <TextInput label={t('surveys.editor.name')} placeholder={t('surveys.editor.namePlaceholder')} value={title} required maxLength={surveyLimits.titleMax}
              onChange={(e) => setTitle(e.currentTarget.value)} error={issueAt('title')} />
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('surveys.editor.period')}</Text>
              {/* The dashboard's picker; on a phone its row of period kinds scrolls sideways rather than widening the page. */}
              <div style={{ overflowX: 'auto', paddingBottom: 2 }}>
                <PeriodPicker value={period} today={today} onChange={setPeriod} />
              </div>
              <Text size="xs" c="gray.7">{t('surveys.editor.periodHint')}</Text>
            </Stack>
            <MultiSelect label={t('surveys.editor.agencies')} description={t('surveys.editor.agenciesHint')} placeholder={codes.length ? undefined : t('surveys.editor.agenciesPlaceholder')}
              data={agencyOptions} value={codes} onChange={setCodes} searchable clearable required error={issueAt('agencies')} maxValues={surveyLimits.agenciesMax} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">{t('surveys.editor.sampling')}</Title>
            <Radio.Group value={sampling.mode} aria-label={t('surveys.editor.sampling')}
              onChange={(mode) => setSampling(mode === 'size' ? { mode: 'size', size: 30 } : { mode: 'fraction', fraction: 0.1, minimum: 10 })}>
              <Group gap="lg">
                <Radio value="size" label={t('surveys.editor.modeSize')} />
                <Radio value="fraction" label={t('surveys.editor.modeFraction')} />
              </Group>
            </Radio.Group>
            <Group gap="sm" align="flex-start">
              {sampling.mode === 'size' ? (
                <NumberInput label={t('surveys.editor.size')} value={sampling.size} min={1} max={100000} allowDecimal={false} w={180}
                  onChange={(v) => setSampling({ mode: 'size', size: Number(v) || 1 })} error={issueAt('sampling')} />
              ) : (
                <>
                  <NumberInput label={t('surveys.editor.fraction')} value={Math.round(sampling.fraction * 1000) / 10} min={0.1} max={100} decimalScale={1} decimalSeparator="," w={160}
                    onChange={(v) => setSampling({ ...sampling, fraction: Math.min(1, Math.max(0.001, (Number(v) || 0.1) / 100)) })} error={issueAt('sampling')} />
                  <NumberInput label={t('surveys.editor.minimum')} value={sampling.minimum ?? 0} min={0} max={100000} allowDecimal={false} w={180}
                    onChange={(v) => setSampling({ ...sampling, minimum: Number(v) || 0 })} />
                </>
              )}
              <TextInput label={t('surveys.editor.seed')} description={t('surveys.editor.seedHint')} value={seed} maxLength={surveyLimits.seedMax}
                onChange={(e) => setSeed(e.currentTarget.value)} className="motcua-code" style={{ flex: '1 1 260px' }} />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between" gap="sm">
              <Title order={2} fz="lg">{t('surveys.editor.questions')}</Title>
              <Button variant="subtle" size="xs" leftSection={<IconTemplate size={14} aria-hidden="true" />} onClick={() => setQuestionnaire(copy(starterQuestionnaire) as Questionnaire)}>
                {t('surveys.editor.useStarter')}
              </Button>
            </Group>
            <QuestionnaireEditor value={questionnaire} onChange={setQuestionnaire} issues={issues} />
          </Stack>
        </Paper>
        {save.isError && <ProblemAlert title={t('surveys.editor.saveFailed')} error={save.error} />}
        {!survey && <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>{t('surveys.preview.saveFirst')}</Alert>}
        <Group>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>{t('surveys.editor.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
