import { Button, Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reformLimits, type ReformArea } from '@motcua/domain';
import { useLanguage } from '../../shared/i18n/index.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { areaOptions, unitKey, unitName } from './labels.ts';
import type { TaskInput, UnitOut } from './reform.api.ts';

export interface TaskFormValues {
  area: ReformArea;
  title: string;
  expectedResult: string;
  deadline: string;
  lead: UnitOut | null;
  coordinators: UnitOut[];
}

const refOf = (key: string): TaskInput['lead'] => {
  const [kind, id] = key.split(':') as ['unit' | 'agency', string];
  return { kind, id };
};

/**
 * A task's fields: its area, title, expected result, deadline, lead unit and coordinating units
 * (chosen among the units the server offers for the plan). Used to add a task and to change one.
 */
export function TaskForm({ initial, choices, year, submitLabel, pending, error, onSubmit, onCancel }: {
  initial: TaskFormValues;
  choices: UnitOut[];
  year: number;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: TaskInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [area, setArea] = useState<ReformArea>(initial.area);
  const [title, setTitle] = useState(initial.title);
  const [expectedResult, setExpectedResult] = useState(initial.expectedResult);
  const [deadline, setDeadline] = useState(initial.deadline);
  const [lead, setLead] = useState<string | null>(initial.lead ? unitKey(initial.lead) : null);
  const [coordinators, setCoordinators] = useState<string[]>(initial.coordinators.map(unitKey));
  // Units named on the task but no longer offered (ended agencies) stay selectable as they are.
  const known = new Map([...initial.coordinators, ...(initial.lead ? [initial.lead] : []), ...choices].map((u) => [unitKey(u), u]));
  const options = [...known.values()].map((u) => ({ value: unitKey(u), label: unitName(u) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!lead || !deadline) return;
    onSubmit({
      area, title: title.trim(), expectedResult: expectedResult.trim(), deadline, lead: refOf(lead),
      coordinators: coordinators.filter((c) => c !== lead).map(refOf),
    });
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Select label={t('reform.taskForm.area')} data={areaOptions(language)} value={area} onChange={(v) => v && setArea(v as ReformArea)} allowDeselect={false} required />
        <Textarea label={t('reform.taskForm.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} autosize minRows={2} maxLength={reformLimits.title} required />
        <Textarea label={t('reform.taskForm.expectedResult')} value={expectedResult} onChange={(e) => setExpectedResult(e.currentTarget.value)} autosize minRows={2}
          maxLength={reformLimits.expectedResult} required />
        <DateField label={t('reform.taskForm.deadline')} description={t('reform.taskForm.deadlineHint', { year })} value={deadline} onChange={setDeadline} required
          minDate={`${year}-01-01`} maxDate={`${year + 1}-12-31`} />
        <Select label={t('reform.taskForm.lead')} data={options} value={lead} onChange={setLead} searchable required allowDeselect={false} />
        <MultiSelect label={t('reform.taskForm.coordinators')} data={options.filter((o) => o.value !== lead)} value={coordinators} onChange={setCoordinators}
          searchable clearable maxValues={reformLimits.coordinators} />
        {error ? <ProblemAlert title={t('reform.taskForm.failed')} error={error} /> : null}
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
          <Button type="submit" loading={pending} disabled={!lead || !deadline || !title.trim() || !expectedResult.trim()}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
