import { ActionIcon, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { surveyLimits, surveyQuestionKinds, type FieldIssue } from '@motcua/domain';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Question, Questionnaire } from './surveys.api.ts';

const isChoice = (kind: Question['kind']) => kind === 'single_choice' || kind === 'multiple_choice';

/** A key not used yet in `used`: `<base>`, `<base>_2`, … */
function freshKey(base: string, used: readonly string[]): string {
  if (!used.includes(base)) return base;
  for (let i = 2; ; i++) if (!used.includes(`${base}_${i}`)) return `${base}_${i}`;
}

/**
 * The questionnaire as data: questions of four kinds (five levels, one choice, several choices,
 * free text), required or not, in Vietnamese and English, with their options. The server checks
 * it again (`questionnaireIssues`); `issues` are its findings, shown on the fields they name.
 */
export function QuestionnaireEditor({ value, onChange, issues }: { value: Questionnaire; onChange: (next: Questionnaire) => void; issues: FieldIssue[] }) {
  const { t } = useTranslation();
  const questions = value.questions;
  const issueAt = (path: string) => issues.find((i) => i.path === `questionnaire.${path}`)?.message;
  const setQuestions = (next: Question[]) => onChange({ questions: next });
  const update = (index: number, patch: Partial<Question>) => setQuestions(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const move = (index: number, by: number) => {
    const next = [...questions];
    const [q] = next.splice(index, 1);
    next.splice(index + by, 0, q!);
    setQuestions(next);
  };
  const add = () => setQuestions([...questions, {
    key: freshKey('cau_hoi', questions.map((q) => q.key)), kind: 'scale5', required: false, text: { vi: '', en: '' },
  }]);

  return (
    <Stack gap="sm">
      {questions.map((q, index) => {
        const n = index + 1;
        const options = q.options ?? [];
        return (
          <Paper key={index} withBorder p="sm" role="group" aria-labelledby={`question-${index}-title`}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Text fw={650} id={`question-${index}-title`}>{t('surveys.editor.question', { n })}</Text>
                <Group gap={4}>
                  <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('surveys.editor.moveUp', { n })}>
                    <IconArrowUp size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="gray" disabled={index === questions.length - 1} onClick={() => move(index, 1)} aria-label={t('surveys.editor.moveDown', { n })}>
                    <IconArrowDown size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => setQuestions(questions.filter((_, i) => i !== index))} aria-label={t('surveys.editor.remove', { n })}>
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <Select label={t('surveys.editor.questionKind')} value={q.kind} allowDeselect={false}
                  data={surveyQuestionKinds.map((k) => ({ value: k, label: t(`surveys.editor.kinds.${k}`) }))}
                  onChange={(kind) => {
                    if (!kind) return;
                    const k = kind as Question['kind'];
                    update(index, { kind: k, options: isChoice(k) ? (options.length ? options : [{ key: 'a', text: { vi: '', en: '' } }, { key: 'b', text: { vi: '', en: '' } }]) : undefined });
                  }} />
                <TextInput label={t('surveys.editor.questionKey')} value={q.key} error={issueAt(`questions.${index}.key`)} maxLength={40}
                  onChange={(e) => update(index, { key: e.currentTarget.value })} className="motcua-code" />
                <Checkbox label={t('surveys.editor.required')} checked={q.required} onChange={(e) => update(index, { required: e.currentTarget.checked })} mt={{ base: 0, sm: 30 }} />
              </SimpleGrid>
              <TextInput label={t('surveys.editor.textVi')} value={q.text.vi} required maxLength={surveyLimits.questionTextMax}
                error={issueAt(`questions.${index}.text.vi`)} onChange={(e) => update(index, { text: { ...q.text, vi: e.currentTarget.value } })} />
              <TextInput label={t('surveys.editor.textEn')} value={q.text.en} maxLength={surveyLimits.questionTextMax}
                onChange={(e) => update(index, { text: { ...q.text, en: e.currentTarget.value } })} />
              {isChoice(q.kind) && (
                <Stack gap={6}>
                  <Text size="sm" fw={500}>{t('surveys.editor.options')}</Text>
                  {issueAt(`questions.${index}.options`) && <Text size="xs" c="red.8">{issueAt(`questions.${index}.options`)}</Text>}
                  {options.map((o, j) => {
                    const setOption = (patch: Partial<typeof o>) => update(index, { options: options.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
                    return (
                      <Group key={j} gap="xs" align="flex-end" wrap="nowrap">
                        <TextInput label={t('surveys.editor.optionVi', { n: j + 1 })} value={o.text.vi} style={{ flex: 2 }} maxLength={surveyLimits.optionTextMax}
                          error={issueAt(`questions.${index}.options.${j}.text.vi`) ?? issueAt(`questions.${index}.options.${j}.key`)}
                          onChange={(e) => setOption({ text: { ...o.text, vi: e.currentTarget.value } })} />
                        <TextInput label={t('surveys.editor.optionEn', { n: j + 1 })} value={o.text.en} style={{ flex: 2 }} maxLength={surveyLimits.optionTextMax}
                          onChange={(e) => setOption({ text: { ...o.text, en: e.currentTarget.value } })} visibleFrom="sm" />
                        <ActionIcon variant="subtle" color="red" mb={4} onClick={() => update(index, { options: options.filter((_, k) => k !== j) })}
                          aria-label={t('surveys.editor.removeOption', { n: j + 1 })}>
                          <IconX size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Group>
                    );
                  })}
                  {options.length < surveyLimits.optionsMax && (
                    <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden="true" />}
                      onClick={() => update(index, { options: [...options, { key: freshKey(`p${options.length + 1}`, options.map((x) => x.key)), text: { vi: '', en: '' } }] })}>
                      {t('surveys.editor.addOption')}
                    </Button>
                  )}
                </Stack>
              )}
            </Stack>
          </Paper>
        );
      })}
      {questions.length < surveyLimits.questionsMax && (
        <Button variant="light" w="fit-content" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={add}>{t('surveys.editor.addQuestion')}</Button>
      )}
    </Stack>
  );
}
