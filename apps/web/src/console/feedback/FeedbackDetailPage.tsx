import { Alert, Badge, Button, Card, Grid, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconClockPause, IconInfoCircle, IconShieldCheck } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { redactionKinds, separateProcedureCategories, separateProcedures, type FeedbackAction, type SeparateProcedureCategory } from '@motcua/domain';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { usePublicAgencies } from '../../shared/catalogue.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useFeedback, useFeedbackAction, type FeedbackDetail } from './feedback.api.ts';
import { feedbackStatusColor } from './FeedbackListPage.tsx';

export function FeedbackDetailPage() {
  return (
    <SectionGuard section="feedback">
      <Detail />
    </SectionGuard>
  );
}

/** `/console/phan-anh/:id`: one feedback, its sender, the steps the server allows the user now, and its timeline. */
function Detail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const feedback = useFeedback(id);
  usePageTitle(feedback.data?.code ?? t('feedback.console.title'));
  if (feedback.isPending) return <PageLoader />;
  if (feedback.isError) return <ErrorState title={t('feedback.console.detail.notFound')} error={feedback.error} onRetry={() => void feedback.refetch()} />;
  return <FeedbackView feedback={feedback.data} />;
}

function Fact({ label, value, strong }: { label: string; value: string | null | undefined; strong?: 'red' }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">{label}</Text>
      <Text size="sm" c={strong === 'red' ? 'red.8' : undefined} fw={strong ? 650 : undefined}>{value || '—'}</Text>
    </Stack>
  );
}

function FeedbackView({ feedback: f }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="md" maw={1100}>
      <Button component={Link} to="/console/phan-anh" variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('feedback.console.detail.back')}
      </Button>
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light" color={feedbackStatusColor[f.status]} c={`${feedbackStatusColor[f.status]}.9`} data-testid="feedback-status">{t(`feedback.status.${f.status}`)}</Badge>
          <Badge variant="light" color="gray">{t(`feedback.category.${f.category}`)}</Badge>
          {f.overdue && <Badge color="red">{t('feedback.overdue')}</Badge>}
          {f.onTime !== null && <Badge variant="light" color={f.onTime ? 'green' : 'red'} c={f.onTime ? 'green.9' : 'red.9'}>{t(f.onTime ? 'feedback.onTime' : 'feedback.late')}</Badge>}
        </Group>
        <Title order={1} fz="h2" className="motcua-code" data-testid="feedback-code">{f.code}</Title>
        <Text fw={600}>{f.title}</Text>
        <Text size="sm" c="gray.7">{f.agencyName}</Text>
      </Stack>

      <Card padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Fact label={t('feedback.console.detail.receivedAt')} value={formatDateTime(f.receivedAt)} />
          <Fact label={t('feedback.console.detail.dueAt')} value={f.status === 'refused' ? null : formatDateTime(f.dueAt)} strong={f.overdue ? 'red' : undefined} />
          <Fact label={t('feedback.console.detail.channel')} value={t(`feedback.channel.${f.channel}`)} />
          <Fact label={t('feedback.console.detail.addressed')} value={f.addressedAgencyName} />
          <Fact label={t('feedback.console.detail.assignedAt')} value={f.assignedAt ? formatDateTime(f.assignedAt) : null} />
          {f.waitingSince && <Fact label={t('feedback.console.detail.waitingSince')} value={formatDateTime(f.waitingSince)} />}
          <Fact label={t('feedback.console.detail.answeredAt')} value={f.answeredAt ? formatDateTime(f.answeredAt) : null} />
          <Fact label={t('feedback.console.detail.consent')} value={t(f.publishConsent ? 'feedback.console.detail.consentYes' : 'feedback.console.detail.consentNo')} />
        </SimpleGrid>
        {f.waitingSince && (
          <Alert mt="sm" variant="light" color="yellow" icon={<IconClockPause size={18} aria-hidden="true" />}>
            <Text size="sm" c="gray.9">{t('feedback.console.forms.askHint')}</Text>
          </Alert>
        )}
      </Card>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
        <Card padding="md" h="100%" component="section" aria-labelledby="feedback-content">
          <Stack gap="xs">
            <Title order={2} fz="h4" id="feedback-content">{t('feedback.console.detail.content')}</Title>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{f.content}</Text>
            {f.answer && (
              <>
                <Title order={3} fz="h5" mt="sm">{t('feedback.console.detail.answer')}</Title>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="feedback-answer">{f.answer}</Text>
              </>
            )}
            {f.refusal && (
              <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} title={t(`feedback.category.${f.refusal.category}`)}>
                <Text size="sm" c="gray.9">{localized(f.refusal.guidance, language)}</Text>
              </Alert>
            )}
            {f.publication && (
              <Alert variant="light" color="green" icon={<IconShieldCheck size={18} aria-hidden="true" />} title={`${t('feedback.console.detail.publication')} · ${formatDateTime(f.publication.publishedAt)}`}>
                <Text size="sm" c="gray.9" style={{ whiteSpace: 'pre-line' }}>{f.publication.answer}</Text>
              </Alert>
            )}
          </Stack>
        </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
        <Card padding="md" h="100%" component="section" aria-labelledby="feedback-sender">
          <Stack gap="xs">
            <Title order={2} fz="h4" id="feedback-sender">{t('feedback.console.detail.sender')}</Title>
            {f.sender.name ? (
              <>
                <Fact label={t('feedback.console.detail.senderName')} value={f.sender.name} />
                <Fact label={t('feedback.console.detail.phone')} value={f.sender.phone} />
                <Fact label={t('feedback.console.detail.email')} value={f.sender.email} />
                <Fact label={t('feedback.console.detail.address')} value={f.sender.address} />
              </>
            ) : <Text size="sm" c="gray.7">{t('feedback.console.anonymous')}</Text>}
            {f.citizenLinked && <Badge variant="light" color="teal" c="teal.9" style={{ alignSelf: 'flex-start' }}>{t('feedback.console.detail.eid')}</Badge>}
          </Stack>
        </Card>
        </Grid.Col>
      </Grid>

      <Steps feedback={f} />

      <Stack gap="xs" component="section" aria-labelledby="feedback-timeline">
        <Title order={2} fz="h4" id="feedback-timeline">{t('feedback.console.detail.timeline')}</Title>
        <Card padding="md">
          <Timeline bulletSize={14} lineWidth={2} active={f.events.length - 1} data-testid="feedback-timeline">
            {f.events.map((e, i) => (
              <Timeline.Item key={i} title={<Text size="sm" fw={600}>{t(`feedback.console.action.${e.action}`)}</Text>}>
                <Text size="xs" c="gray.7">{formatDateTime(e.at)} · {e.actorKind === 'staff' ? e.actorName ?? '—' : t('feedback.console.detail.bySender')}</Text>
                <EventDetails details={e.details} />
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </Stack>
    </Stack>
  );
}

/** What a log row carries worth reading: the unit, the note, the new due instant, the timeliness. */
function EventDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (typeof details.agencyName === 'string') parts.push(details.agencyName);
  if (typeof details.note === 'string') parts.push(details.note);
  if (typeof details.category === 'string' && details.category in { complaint: 1, denunciation: 1 }) parts.push(t(`feedback.category.${details.category as SeparateProcedureCategory}`));
  if (typeof details.dueAt === 'string' && typeof details.previousDueAt === 'string') parts.push(`${t('feedback.console.detail.dueAt')}: ${formatDateTime(details.dueAt)}`);
  if (details.timeliness === 'late' || details.timeliness === 'on_time') parts.push(t(details.timeliness === 'late' ? 'feedback.late' : 'feedback.onTime'));
  return parts.length ? <Text size="sm" mt={2}>{parts.join(' · ')}</Text> : null;
}

/** The buttons are `allowedActions` of the server's answer; each opens what its step needs. */
function Steps({ feedback: f }: { feedback: FeedbackDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<FeedbackAction | null>(null);
  return (
    <Stack gap="xs" component="section" aria-labelledby="feedback-steps">
      <Title order={2} fz="h4" id="feedback-steps">{t('feedback.console.detail.steps')}</Title>
      <Card padding="md">
        {f.allowedActions.length === 0 ? (
          <Text size="sm" c="gray.7">{t('feedback.console.detail.noSteps')}</Text>
        ) : (
          <Group gap="sm">
            {f.allowedActions.map((a) => (
              <Button key={a} variant={a === 'refuse' ? 'default' : a === 'answer' || a === 'publish' ? 'filled' : 'light'} onClick={() => setOpen(a)} data-action={a}>
                {t(`feedback.console.action.${a}`)}
              </Button>
            ))}
          </Group>
        )}
      </Card>
      {open && <StepDialog key={open} feedback={f} action={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function StepDialog({ feedback: f, action, onClose }: { feedback: FeedbackDetail; action: FeedbackAction; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mutation = useFeedbackAction(f.id);
  const agencies = usePublicAgencies();
  const agencyOptions = useMemo(() => (agencies.data?.items ?? []).map((a) => ({ value: a.code, label: a.name })), [agencies.data]);
  const [note, setNote] = useState('');
  const [agency, setAgency] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const [category, setCategory] = useState<SeparateProcedureCategory>('complaint');
  const [published, setPublished] = useState({ title: f.preview?.title ?? '', content: f.preview?.content ?? '', answer: f.preview?.answer ?? '' });
  const [tried, setTried] = useState(false);
  const required = action === 'ask_sender' ? !note.trim() : action === 'answer' ? !answer.trim() : action === 'publish' ? !published.title.trim() || !published.content.trim() || !published.answer.trim() : false;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (required) return;
    mutation.mutate({
      action,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(action === 'assign' && agency ? { agency } : {}),
      ...(action === 'answer' ? { answer: answer.trim() } : {}),
      ...(action === 'refuse' ? { category } : {}),
      ...(action === 'publish' ? { publication: { title: published.title.trim(), content: published.content.trim(), answer: published.answer.trim() } } : {}),
    }, { onSuccess: onClose });
  }

  const removed = f.preview?.removed;
  const removedText = removed
    ? redactionKinds.filter((k) => removed[k] > 0).map((k) => t(`feedback.console.forms.removedKinds.${k}`, { count: removed[k] })).join(', ')
    : '';
  const missing = tried && required ? t('feedback.portal.form.required', { field: '' }).trim() : undefined;

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{t(`feedback.console.action.${action}`)}</Text>} size={action === 'publish' ? 'xl' : 'lg'} centered
      closeOnClickOutside={!mutation.isPending} closeButtonProps={{ 'aria-label': t('feedback.console.forms.cancel') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {action === 'assign' && (
            <Select label={t('feedback.console.forms.assignAgency')} description={t('feedback.console.forms.assignAgencyHint')} data={agencyOptions} value={agency}
              onChange={setAgency} searchable clearable placeholder={f.agencyName} maxDropdownHeight={260} comboboxProps={{ withinPortal: true }} />
          )}
          {action === 'answer' && (
            <Textarea label={t('feedback.console.forms.answer')} description={t('feedback.console.forms.answerHint')} required autosize minRows={6} maxRows={16}
              maxLength={20_000} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={tried && !answer.trim() ? missing : undefined} data-autofocus />
          )}
          {action === 'refuse' && (
            <>
              <Radio.Group label={t('feedback.console.forms.refuseCategory')} value={category} onChange={(v) => setCategory(v as SeparateProcedureCategory)}>
                <Group mt="xs">
                  {separateProcedureCategories.map((c) => <Radio key={c} value={c} label={t(`feedback.category.${c}`)} />)}
                </Group>
              </Radio.Group>
              <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} title={t('feedback.console.forms.refuseHint')}>
                <Text size="sm" c="gray.9">{localized(separateProcedures[category].guidance, language)}</Text>
              </Alert>
            </>
          )}
          {action === 'publish' && (
            <>
              <Alert variant="light" color="gold" icon={<IconShieldCheck size={18} aria-hidden="true" />} title={t('feedback.console.forms.publishTitle')}>
                <Text size="sm" c="gray.9">{t('feedback.console.forms.publishHint')}</Text>
                <Text size="sm" c="gray.9" fw={600} mt={4} data-testid="publish-removed">
                  {removedText ? t('feedback.console.forms.removed', { items: removedText }) : t('feedback.console.forms.removedNone')}
                </Text>
              </Alert>
              <TextInput label={t('feedback.console.forms.publishTitleField')} value={published.title} maxLength={300} onChange={(e) => setPublished({ ...published, title: e.currentTarget.value })} />
              <Textarea label={t('feedback.console.forms.publishContent')} value={published.content} autosize minRows={4} maxRows={12} maxLength={10_000}
                onChange={(e) => setPublished({ ...published, content: e.currentTarget.value })} data-testid="publish-content" />
              <Textarea label={t('feedback.console.forms.publishAnswer')} value={published.answer} autosize minRows={4} maxRows={12} maxLength={20_000}
                onChange={(e) => setPublished({ ...published, answer: e.currentTarget.value })} />
            </>
          )}
          {action !== 'publish' && action !== 'answer' && (
            <Textarea
              label={action === 'ask_sender' ? t('feedback.console.forms.askNote') : action === 'resume' ? t('feedback.console.forms.resumeNote') : t('feedback.console.forms.note')}
              description={action === 'ask_sender' ? t('feedback.console.forms.askHint') : action === 'resume' ? t('feedback.console.forms.resumeHint') : undefined}
              required={action === 'ask_sender'} autosize minRows={2} maxRows={6} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)}
              error={action === 'ask_sender' && tried && !note.trim() ? missing : undefined}
            />
          )}
          {mutation.isError && <ProblemAlert title={t('feedback.console.detail.failed')} error={mutation.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>{t('feedback.console.forms.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending} data-testid="step-confirm">{t('feedback.console.forms.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
