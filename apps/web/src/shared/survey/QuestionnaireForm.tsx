import { Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { surveyLimits, type Questionnaire, type SurveyAnswerValue, type SurveyText } from '@motcua/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/index.ts';

/** The five levels, very satisfied first (5 … 1), as ratings show them. */
const levels = ['5', '4', '3', '2', '1'] as const;

export type AnswerDraft = Record<string, SurveyAnswerValue | undefined>;

/** A questionnaire text in the reader's language (the Vietnamese when there is no English). */
export function textIn(text: SurveyText, language: 'vi' | 'en'): string {
  return (language === 'en' && text.en.trim()) ? text.en : text.vi;
}

/**
 * The questions of a survey as a form: large tap targets (a card per level or option), one
 * question a fieldset. Used by the applicant's page and by the officer who enters answers taken by
 * phone or letter. `errors` are per question key (from the domain's `checkAnswers`).
 */
export function QuestionnaireForm({ questionnaire, value, onChange, errors, idPrefix }: {
  questionnaire: Questionnaire;
  value: AnswerDraft;
  onChange: (next: AnswerDraft) => void;
  errors: Record<string, string | undefined>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = (key: string, answer: SurveyAnswerValue | undefined) => onChange({ ...value, [key]: answer });
  return (
    <Stack gap="lg">
      {questionnaire.questions.map((q, index) => {
        const label = (
          <Text span fw={600} size="md">
            {`${index + 1}. ${textIn(q.text, language)}`}
            {q.required && <Text span c="red.8" size="sm" fw={400}>{` ${t('surveys.form.requiredMark')}`}</Text>}
          </Text>
        );
        const error = errors[q.key];
        const id = `${idPrefix}-${q.key}`;
        switch (q.kind) {
          case 'scale5':
          case 'single_choice': {
            const choices = q.kind === 'scale5'
              ? levels.map((l) => ({ key: l, label: t(`surveys.results.levels.${l}`) }))
              : (q.options ?? []).map((o) => ({ key: o.key, label: textIn(o.text, language) }));
            const current = value[q.key];
            return (
              <Radio.Group key={q.key} id={id} label={label} value={current === undefined ? '' : String(current)} error={error}
                onChange={(v) => set(q.key, q.kind === 'scale5' ? Number(v) : v)}>
                <Stack gap={6} mt="xs">
                  {choices.map((c) => (
                    <Radio.Card key={c.key} value={c.key} p="sm" radius="md" mih={48}>
                      <Group gap="sm" wrap="nowrap">
                        <Radio.Indicator />
                        <Text size="md">{c.label}</Text>
                      </Group>
                    </Radio.Card>
                  ))}
                </Stack>
              </Radio.Group>
            );
          }
          case 'multiple_choice': {
            const current = Array.isArray(value[q.key]) ? (value[q.key] as string[]) : [];
            return (
              <Checkbox.Group key={q.key} id={id} label={label} description={t('surveys.form.chooseMany')} value={current} error={error}
                onChange={(v) => set(q.key, v.length ? v : undefined)}>
                <Stack gap={6} mt="xs">
                  {(q.options ?? []).map((o) => (
                    <Checkbox.Card key={o.key} value={o.key} p="sm" radius="md" mih={48}>
                      <Group gap="sm" wrap="nowrap">
                        <Checkbox.Indicator />
                        <Text size="md">{textIn(o.text, language)}</Text>
                      </Group>
                    </Checkbox.Card>
                  ))}
                </Stack>
              </Checkbox.Group>
            );
          }
          case 'free_text':
            return (
              <Textarea key={q.key} id={id} label={label} placeholder={t('surveys.form.textPlaceholder')} error={error} autosize minRows={3} maxRows={8}
                maxLength={surveyLimits.freeTextMax} value={typeof value[q.key] === 'string' ? (value[q.key] as string) : ''}
                onChange={(e) => set(q.key, e.currentTarget.value)} size="md" />
            );
        }
      })}
    </Stack>
  );
}

/** The answers to send: what was filled in, nothing undefined. */
export function answersOf(draft: AnswerDraft): Record<string, SurveyAnswerValue> {
  return Object.fromEntries(Object.entries(draft).filter((entry): entry is [string, SurveyAnswerValue] => entry[1] !== undefined));
}
