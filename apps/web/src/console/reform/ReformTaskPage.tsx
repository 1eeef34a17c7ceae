import { Alert, Anchor, Badge, Button, Card, Group, Modal, NumberInput, Progress, SimpleGrid, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconFile, IconInfoCircle, IconPencil, IconProgress, IconRotate } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reformLimits } from '@motcua/domain';
import { formatDateTime, formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { FileAttach } from '../../shared/ui/FileAttach.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { DateField } from '../../shared/ui/DateField.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { formatFileSize, type UploadedFile } from '../../shared/upload.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { areaLabel, areaNumeral, stateBadgeColor, stateColor, stateLabel, taskCode, unitName } from './labels.ts';
import { evidenceUrl, useEditTask, useRecordCompletion, useReopenTask, useReportProgress, useTask, type TaskDetail } from './reform.api.ts';
import { TaskForm } from './TaskForm.tsx';

/** One task: its particulars and state, the timeline of its progress with evidence, and what the user may do. */
export function ReformTaskPage() {
  return (
    <SectionGuard section="reform">
      <TaskLoader />
    </SectionGuard>
  );
}

function TaskLoader() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const task = useTask(id);
  usePageTitle(task.data?.title ?? t('reform.title'));
  if (task.isPending) return <PageLoader />;
  if (task.isError) return <ErrorState title={t('reform.task.notFound')} error={task.error} onRetry={() => void task.refetch()} />;
  return <TaskView task={task.data} />;
}

const fileUrl = (file: UploadedFile) => `/api/v1/files/${encodeURIComponent(file.id)}`;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const done = task.state === 'done_on_time' || task.state === 'done_late';
  return (
    <Stack gap="md" maw={1100}>
      <Button component={Link} to={`/console/cai-cach/${task.plan.id}`} variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('reform.task.back')}
      </Button>
      <Stack gap={4}>
        <Text size="sm" c="gray.7">{task.plan.title.includes(task.plan.agencyName) ? task.plan.title : `${task.plan.title} · ${task.plan.agencyName}`}</Text>
        <Group gap={6}>
          <Badge variant="light" color="gray" styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal' } }}>{areaNumeral(task.area)}. {areaLabel(task.area, language)}</Badge>
          <Badge variant={task.overdue ? 'filled' : 'light'} color={stateBadgeColor(task.state, task.overdue)} data-testid="reform-task-state">{stateLabel(task.state, language)}</Badge>
          {task.daysLate > 0 && <Text size="sm" c={task.overdue ? 'red.8' : 'gray.7'} fw={650}>{t('reform.plan.daysLate', { count: task.daysLate })}</Text>}
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={1} fz="h3" data-testid="reform-task-title">{taskCode(task.area, task.number)}. {task.title}</Title>
          {task.canEdit && (
            <Button variant="default" size="xs" onClick={() => setEditing(true)} leftSection={<IconPencil size={14} aria-hidden="true" />} style={{ flex: 'none' }}>
              {t('reform.task.edit')}
            </Button>
          )}
        </Group>
      </Stack>
      <Card padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Fact label={t('reform.task.expectedResult')}>{task.expectedResult}</Fact>
          <Fact label={t('reform.task.deadline')}>{formatPlainDate(task.deadline)}</Fact>
          <Fact label={t('reform.task.lead')}>{unitName(task.lead)}</Fact>
          <Fact label={t('reform.task.coordinators')}>{task.coordinators.length ? task.coordinators.map(unitName).join(', ') : t('reform.task.none')}</Fact>
          <Fact label={t('reform.task.progress')}>
            <Group gap="xs" wrap="nowrap">
              <Progress value={task.progress} color={stateColor[task.state]} w={120} aria-label={`${t('reform.task.progress')} ${task.progress}%`} />
              <span>{task.progress}%</span>
            </Group>
          </Fact>
          {done && <Fact label={t('reform.task.completedOn')}>{formatPlainDate(task.completedOn)}</Fact>}
          {done && <Fact label={t('reform.task.result')}>{task.result}</Fact>}
        </SimpleGrid>
      </Card>

      {task.part === 'coordinating' && !task.canReport && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>{t('reform.task.readOnly')}</Alert>
      )}
      {task.canReport && !done && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ProgressForm task={task} />
          <CompletionForm task={task} />
        </SimpleGrid>
      )}
      {task.canEdit && done && <ReopenForm task={task} />}

      <Stack gap="xs" component="section" aria-labelledby="reform-timeline">
        <Title order={2} fz="h4" id="reform-timeline">{t('reform.task.timeline')}</Title>
        <Card padding="md">
          {task.updates.length === 0 ? <Text size="sm" c="gray.7">{t('reform.task.noUpdates')}</Text> : <Updates task={task} />}
        </Card>
      </Stack>
      {task.canEdit && <EditDialog task={task} opened={editing} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function Updates({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const icon = { progress: IconProgress, completion: IconCircleCheck, reopening: IconRotate };
  const color = { progress: 'blue', completion: 'green', reopening: 'orange' };
  return (
    <Timeline bulletSize={26} lineWidth={2} active={task.updates.length - 1} data-testid="reform-timeline">
      {task.updates.map((u) => {
        const Icon = icon[u.kind];
        return (
          <Timeline.Item key={u.id} color={color[u.kind]} bullet={<Icon size={15} aria-hidden="true" />}
            title={<Text fw={650} size="sm" component="span">{t(`reform.task.kinds.${u.kind}`, { percent: u.percent ?? 100 })} · {t('reform.task.asOf', { date: formatPlainDate(u.reportedOn) })}</Text>}>
            {u.note && <Text size="sm">{u.note}</Text>}
            {u.evidence.length > 0 && (
              <Stack gap={2} mt={4}>
                <Text size="xs" c="gray.7">{t('reform.task.evidence')}</Text>
                {u.evidence.map((file) => (
                  <Group key={file.id} gap={4} wrap="nowrap">
                    <IconFile size={14} aria-hidden="true" color="var(--mantine-color-gray-6)" style={{ flex: 'none' }} />
                    <Anchor href={evidenceUrl(task.id, file.id)} target="_blank" rel="noopener" size="sm" truncate="end" maw={320}>{file.name}</Anchor>
                    <Text size="xs" c="gray.7" style={{ flex: 'none' }}>{formatFileSize(file.size)}</Text>
                  </Group>
                ))}
              </Stack>
            )}
            <Text size="xs" c="gray.7" mt={4}>{t('reform.task.recordedBy', { name: u.actorName ?? '—', at: formatDateTime(u.recordedAt) })}</Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function ProgressForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const report = useReportProgress(task.id);
  const [percent, setPercent] = useState<number>(Math.min(task.progress, reformLimits.maxProgressPercent));
  const [reportedOn, setReportedOn] = useState(task.today);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(0);
  function submit(event: FormEvent) {
    event.preventDefault();
    report.mutate({ percent, reportedOn, ...(note.trim() ? { note: note.trim() } : {}), fileIds: files.map((f) => f.id) }, {
      onSuccess: () => { setNote(''); setFiles([]); },
    });
  }
  return (
    <Card padding="md" component="section" aria-labelledby="reform-progress-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="reform-progress-title">{t('reform.task.progressTitle')}</Title>
          <Group grow align="flex-start">
            <NumberInput label={t('reform.task.percent')} description={t('reform.task.percentHint')} value={percent} min={0} max={reformLimits.maxProgressPercent}
              allowDecimal={false} clampBehavior="strict" onChange={(v) => setPercent(typeof v === 'number' ? v : 0)} required />
            <DateField label={t('reform.task.reportedOn')} value={reportedOn} onChange={setReportedOn} maxDate={task.today} required />
          </Group>
          <Textarea label={t('reform.task.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={reformLimits.note} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('reform.task.attach')}</Text>
            <FileAttach files={files} onChange={setFiles} viewUrl={fileUrl} onBusyChange={setBusy} label={t('reform.task.attachName')}
              accessibleName={t('reform.task.attachName')} maxFiles={reformLimits.evidencePerReport} size="sm" />
          </Stack>
          {report.isError && <ProblemAlert title={t('reform.task.failed')} error={report.error} />}
          {report.isSuccess && <Text size="sm" c="green.8" role="status">{t('reform.task.saved')}</Text>}
          <Button type="submit" loading={report.isPending} disabled={busy > 0 || !reportedOn} style={{ alignSelf: 'flex-start' }}>{t('reform.task.submitProgress')}</Button>
        </Stack>
      </form>
    </Card>
  );
}

function CompletionForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const complete = useRecordCompletion(task.id);
  const [completedOn, setCompletedOn] = useState(task.today);
  const [result, setResult] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(0);
  function submit(event: FormEvent) {
    event.preventDefault();
    complete.mutate({ completedOn, result: result.trim(), fileIds: files.map((f) => f.id) });
  }
  return (
    <Card padding="md" component="section" aria-labelledby="reform-completion-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="reform-completion-title">{t('reform.task.completionTitle')}</Title>
          <DateField label={t('reform.task.completedOnLabel')} value={completedOn} onChange={setCompletedOn} maxDate={task.today} required w={{ base: '100%', sm: 220 }} />
          <Textarea label={t('reform.task.resultLabel')} value={result} onChange={(e) => setResult(e.currentTarget.value)} autosize minRows={2} maxLength={reformLimits.expectedResult} required />
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('reform.task.attach')}</Text>
            <FileAttach files={files} onChange={setFiles} viewUrl={fileUrl} onBusyChange={setBusy} label={t('reform.task.attachName')}
              accessibleName={`${t('reform.task.attachName')} — ${t('reform.task.completionTitle')}`} maxFiles={reformLimits.evidencePerReport} size="sm" />
          </Stack>
          {complete.isError && <ProblemAlert title={t('reform.task.failed')} error={complete.error} />}
          <Button type="submit" color="green" loading={complete.isPending} disabled={busy > 0 || !completedOn || !result.trim()} style={{ alignSelf: 'flex-start' }}>
            {t('reform.task.submitCompletion')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function ReopenForm({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const reopen = useReopenTask(task.id);
  const [note, setNote] = useState('');
  return (
    <Card padding="md" component="section" aria-labelledby="reform-reopen-title">
      <form onSubmit={(event) => { event.preventDefault(); reopen.mutate(note.trim(), { onSuccess: () => setNote('') }); }}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="reform-reopen-title">{t('reform.task.reopenTitle')}</Title>
          <Text size="sm" c="gray.7">{t('reform.task.reopenHint')}</Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('reform.task.reopenNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={reformLimits.note} required w={{ base: '100%', sm: 420 }} />
            <Button type="submit" color="orange" variant="light" loading={reopen.isPending} disabled={!note.trim()}>{t('reform.task.submitReopen')}</Button>
          </Group>
          {reopen.isError && <ProblemAlert title={t('reform.task.failed')} error={reopen.error} />}
        </Stack>
      </form>
    </Card>
  );
}

function EditDialog({ task, opened, onClose }: { task: TaskDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditTask(task.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('reform.taskForm.editTitle')} size="lg" closeButtonProps={{ 'aria-label': t('reform.close') }}>
      <TaskForm
        key={`${task.id}:${task.title}:${task.deadline}`}
        initial={{ area: task.area, title: task.title, expectedResult: task.expectedResult, deadline: task.deadline, lead: task.lead, coordinators: task.coordinators }}
        choices={task.unitChoices} year={task.plan.year} submitLabel={t('reform.task.save')} pending={edit.isPending} error={edit.error}
        onSubmit={(input) => edit.mutate(input, { onSuccess: onClose })}
        onCancel={onClose}
      />
    </Modal>
  );
}
