import { Button, Group, Modal, Paper, Radio, SegmentedControl, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { checkAnswers, staffAnswerChannels, type Questionnaire } from '@motcua/domain';
import { IconPencilPlus, IconPrinter, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { ListPager } from '../../shared/ui/ListPager.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { answersOf, QuestionnaireForm, type AnswerDraft } from '../../shared/survey/QuestionnaireForm.tsx';
import { printInvitations, useEnterAnswer, useInvitations, type InvitationItem, type SurveyDetail } from './surveys.api.ts';

const pageSize = 25;

/**
 * The follow-up of a survey's invitations at the caller's agencies (docs/rules/service-quality.md,
 * "Invitations"): who was drawn, whether they were sent the link and whether they answered; the
 * printed list of the unanswered with one-time QR codes; and the answers an officer takes by
 * phone, letter or at the counter.
 */
export function InvitationsPanel({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [agency, setAgency] = useState<string | null>(null);
  const [answered, setAnswered] = useState<'all' | 'pending' | 'done'>('pending');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [entering, setEntering] = useState<InvitationItem | null>(null);
  const [printing, setPrinting] = useState(false);
  const open = survey.status === 'open';
  const query = {
    ...(agency ? { agency } : {}), ...(answered === 'all' ? {} : { answered: String(answered === 'done') as 'true' | 'false' }), ...(q ? { q } : {}),
    limit: pageSize, offset: (page - 1) * pageSize,
  };
  const list = useInvitations(survey.id, query as never, survey.status !== 'draft');
  if (survey.status === 'draft') return <Text c="gray.7">{t('surveys.invitations.notOpen')}</Text>;

  async function print() {
    setPrinting(true);
    try {
      await printInvitations(survey.id, agency ?? undefined);
    } catch (error) {
      notifications.show({ color: 'red', title: t('surveys.invitations.printFailed'), message: isApiError(error) ? localized(error.messages, language) : t('errors.unexpected') });
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {survey.agencies.length > 1 && (
          <Select label={t('surveys.results.unitFilter')} value={agency ?? ''} allowDeselect={false} w={260}
            onChange={(v) => { setAgency(v || null); setPage(1); }}
            data={[{ value: '', label: t('surveys.results.allUnits') }, ...survey.agencies.map((a) => ({ value: a.code, label: a.name }))]} />
        )}
        <Stack gap={4}>
          <Text component="span" size="sm" fw={500} id="invitations-show">{t('surveys.invitations.show')}</Text>
          <SegmentedControl aria-labelledby="invitations-show" value={answered} onChange={(v) => { setAnswered(v as typeof answered); setPage(1); }}
            data={[{ value: 'pending', label: t('surveys.invitations.pending') }, { value: 'done', label: t('surveys.invitations.done') }, { value: 'all', label: t('surveys.invitations.all') }]} />
        </Stack>
        <TextInput label={t('surveys.invitations.search')} value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }}
          leftSection={<IconSearch size={16} aria-hidden="true" />} w={280} />
        {open && (
          <Stack gap={2}>
            <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden="true" />} loading={printing} onClick={() => void print()}>{t('surveys.invitations.print')}</Button>
          </Stack>
        )}
      </Group>
      {open && <Text size="xs" c="gray.7">{t('surveys.invitations.printHint')}</Text>}
      {list.isPending ? <PageLoader /> : list.isError ? (
        <ErrorState title={t('surveys.detail.tabs.invitations')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="gray.7">{t('surveys.invitations.empty')}</Text>
      ) : (
        <>
          <Paper withBorder>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" data-testid="survey-invitations">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.invitations.dossier')}</Table.Th>
                    <Table.Th>{t('surveys.invitations.applicant')}</Table.Th>
                    <Table.Th>{t('surveys.invitations.contact')}</Table.Th>
                    <Table.Th>{t('surveys.invitations.notified')}</Table.Th>
                    <Table.Th>{t('surveys.invitations.answer')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Text size="sm" fw={600} className="motcua-code">{i.dossierCode}</Text>
                        <Text size="xs" c="gray.7">{i.procedureName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{i.applicantName}</Text>
                        {survey.agencies.length > 1 && <Text size="xs" c="gray.7">{i.agencyName}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="motcua-figures">{i.applicantPhone ?? '—'}</Text>
                        {i.applicantAddress && <Text size="xs" c="gray.7">{i.applicantAddress}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={i.notified ? 'green.9' : 'gray.7'} style={{ whiteSpace: 'nowrap' }}>{t(i.notified ? 'surveys.invitations.sent' : 'surveys.invitations.notSent')}</Text>
                      </Table.Td>
                      <Table.Td>
                        {i.answeredAt ? (
                          <Stack gap={0}>
                            <Text size="sm">{i.channel ? t(`surveys.invitations.channels.${i.channel}`) : ''}</Text>
                            <Text size="xs" c="gray.7">{formatDateTime(i.answeredAt)}</Text>
                          </Stack>
                        ) : open ? (
                          <Button size="xs" variant="light" leftSection={<IconPencilPlus size={14} aria-hidden="true" />} onClick={() => setEntering(i)}
                            aria-label={`${t('surveys.invitations.enter')} ${i.dossierCode}`}>
                            {t('surveys.invitations.enter')}
                          </Button>
                        ) : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <ListPager page={page} pageSize={pageSize} total={list.data.total} onPage={setPage}
            range={(v) => t('surveys.invitations.range', v)} paginationLabel={t('surveys.invitations.pages')} />
        </>
      )}
      {entering && <AnswerEntry survey={survey} invitation={entering} onClose={() => setEntering(null)} />}
    </Stack>
  );
}

/** An officer enters the answers the applicant gave by phone, letter or at the counter. */
function AnswerEntry({ survey, invitation, onClose }: { survey: SurveyDetail; invitation: InvitationItem; onClose: () => void }) {
  const { t } = useTranslation();
  const enter = useEnterAnswer(survey.id);
  const [channel, setChannel] = useState<(typeof staffAnswerChannels)[number]>('phone');
  const [note, setNote] = useState('');
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const questionnaire = survey.questionnaire as Questionnaire;

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkAnswers(questionnaire, answersOf(draft));
    setErrors(Object.fromEntries(checked.issues.map((i) => [i.path.replace(/^answers\./, ''), t('surveys.form.required')])));
    if (checked.issues.length) return;
    enter.mutate({ invitationId: invitation.id, body: { channel, answers: checked.answers as never, ...(note.trim() ? { note: note.trim() } : {}) } }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('surveys.entry.saved') });
        onClose();
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={t('surveys.entry.title', { code: invitation.dossierCode })} size="lg" closeButtonProps={{ 'aria-label': t('surveys.entry.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Radio.Group label={t('surveys.entry.channel')} value={channel} onChange={(v) => setChannel(v as typeof channel)}>
            <Group gap="md" mt={4}>
              {staffAnswerChannels.map((c) => <Radio key={c} value={c} label={t(`surveys.invitations.channels.${c}`)} />)}
            </Group>
          </Radio.Group>
          <QuestionnaireForm questionnaire={questionnaire} value={draft} onChange={(next) => { setDraft(next); setErrors({}); }} errors={errors} idPrefix={`entry-${invitation.id}`} />
          <Textarea label={t('surveys.entry.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={1} />
          {enter.isError && <ProblemAlert title={t('surveys.entry.failed')} error={enter.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={enter.isPending}>{t('surveys.entry.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
