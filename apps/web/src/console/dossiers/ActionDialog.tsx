import '@mantine/dates/styles.css';
import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DatesProvider, DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconArrowsRight, IconFileText, IconInfoCircle } from '@tabler/icons-react';
import 'dayjs/locale/vi';
import { actionRules, type DossierAction } from '@motcua/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { newIdempotencyKey } from '../../shared/idempotency.ts';
import { toVietnamWallTime, vietnamWallTimeToIso } from '../../shared/vietnamTime.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { FileAttach } from '../../shared/ui/FileAttach.tsx';
import type { UploadedFile } from '../../shared/upload.ts';
import { isKnownStatus } from './DossierStatusBadge.tsx';
import { useAgencyStaff, useDossierAction, type ActionInput, type AllowedAction, type DossierDetail } from './dossiers.api.ts';
import { isFormNumber } from './forms.ts';
import { cleanReasons, ReasonsInput } from './ReasonsInput.tsx';

interface Props {
  dossier: DossierDetail;
  action: AllowedAction;
  onClose: () => void;
}

type Errors = Partial<Record<'reasons' | 'note' | 'newDueAt' | 'assigneeId' | 'result', string>>;

/**
 * Confirms one action of the transition table, asking only for what it needs: reasons (a
 * numbered list) when they are printed on a form, a note when it is mandatory, the new
 * appointment for an apology, the specialist for an assignment.
 */
export function ActionDialog({ dossier, action, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mutation = useDossierAction(dossier.id);
  // One key per intent: retrying the same input after a failure reuses it; changed input is a new intent.
  const attempt = useRef<{ key: string; body: string }>(undefined);
  const [reasons, setReasons] = useState<string[]>(['']);
  const [note, setNote] = useState('');
  const [newDueAt, setNewDueAt] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(dossier.step?.assigneeId ?? null);
  const [digitized, setDigitized] = useState(true);
  // The electronic result (docs/rules/results.md): an uploaded PDF or the generated notice.
  const [resultMode, setResultMode] = useState<'upload' | 'generate'>('upload');
  const [resultFiles, setResultFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(0);
  const [outcome, setOutcome] = useState('');
  const [signerTitle, setSignerTitle] = useState('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH');
  const [signerName, setSignerName] = useState('');
  const [delivery, setDelivery] = useState<'counter' | 'post'>(dossier.resultDelivery === 'post' ? 'post' : 'counter');
  const [errors, setErrors] = useState<Errors>({});

  const name = action.action;
  const label = localized(action.label, language);
  const isAssign = name === 'assign';
  const isApology = name === 'apologize';
  const staff = useAgencyStaff(dossier.handlingAgency.id, 'specialist', isAssign);
  const currentDue = dossier.apologyDueAt ?? dossier.dueAt;
  const target = name in actionRules ? actionRules[name as DossierAction].to : 'same';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const next: Errors = {};
    // The staff view offers staff actions only (the applicant's own go through the public route).
    const input: ActionInput = { action: name as ActionInput['action'] };
    if (action.needsReasons) {
      const list = cleanReasons(reasons);
      if (!list.length) next.reasons = t('console.dossier.dialog.reasonsRequired');
      input.reasons = list;
    }
    if (note.trim()) input.note = note.trim();
    else if (action.needsNote) next.note = t('console.dossier.dialog.noteRequired');
    if (isApology) {
      const iso = newDueAt ? vietnamWallTimeToIso(newDueAt) : undefined;
      if (!iso) next.newDueAt = t('console.dossier.dialog.newDueAtRequired');
      else if (currentDue && Date.parse(iso) <= Date.parse(currentDue)) {
        next.newDueAt = t('console.dossier.dialog.newDueAtAfter', { at: formatDateTime(currentDue) });
      } else input.newDueAt = iso;
    }
    if (isAssign) {
      if (!assigneeId) next.assigneeId = t('console.dossier.dialog.assigneeRequired');
      else input.assigneeId = assigneeId;
    }
    if (name === 'record_digitization') input.digitized = digitized;
    if (name === 'attach_result') {
      if (resultMode === 'upload') {
        if (resultFiles.length !== 1 || uploading) next.result = t('console.dossier.result.onePdf');
        else input.fileIds = [resultFiles[0]!.id];
      } else if (!outcome.trim()) next.result = t('console.dossier.result.outcomeRequired');
      else input.generateResult = { outcome: outcome.trim(), ...(signerTitle.trim() ? { signerTitle: signerTitle.trim().replace(/\s*\/\s*/g, '\n') } : {}), ...(signerName.trim() ? { signerName: signerName.trim() } : {}) };
    }
    if (name === 'return_result') input.delivery = delivery;
    setErrors(next);
    if (Object.keys(next).length) return;
    const body = JSON.stringify(input);
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    mutation.mutate(
      { input, idempotencyKey: attempt.current.key },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('console.dossier.dialog.done', { action: label }) });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{label}</Text>} size={action.needsReasons ? 'lg' : 'md'} closeOnClickOutside={!mutation.isPending} closeButtonProps={{ 'aria-label': t('console.dossier.dialog.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="gray.7">
            {t('console.dossier.dialog.intro', { code: dossier.code })}
          </Text>
          {target !== 'same' && isKnownStatus(target) && (
            <Text size="sm">
              {t('console.dossier.dialog.nextStatus')} <b>{t(`dossierStatus.${target}`)}</b>
            </Text>
          )}
          {name === 'forward' && dossier.forwardTo && (
            <Alert variant="light" color="blue" icon={<IconArrowsRight size={18} aria-hidden="true" />} py={8} data-testid="forward-to">
              <Text size="sm">
                {t(dossier.forwardTo.code ? 'console.dossier.dialog.forwardTo' : 'console.dossier.dialog.forwardToChoice')} <b>{dossier.forwardTo.name}</b>
              </Text>
            </Alert>
          )}
          {action.form && isFormNumber(action.form) && (
            <Alert variant="light" color="blue" icon={<IconFileText size={18} aria-hidden="true" />} py={8}>
              <Text size="sm">{t('console.dossier.dialog.issuesForm', { name: t(`dossier.forms.${action.form}`), form: action.form })}</Text>
            </Alert>
          )}
          {isAssign && (
            <Select
              label={t('console.dossier.dialog.assignee')}
              placeholder={t('console.dossier.dialog.assigneePlaceholder')}
              data={(staff.data?.items ?? []).map((member) => ({ value: member.id, label: `${member.fullName} (${member.username})` }))}
              value={assigneeId}
              onChange={setAssigneeId}
              error={errors.assigneeId}
              nothingFoundMessage={staff.isPending ? t('common.loading') : t('console.dossier.dialog.noSpecialists')}
              searchable
              required
              data-autofocus
            />
          )}
          {isApology && (
            <Alert variant="light" color="orange" icon={<IconInfoCircle size={18} aria-hidden="true" />} py={8} data-testid="apology-counted">
              <Text size="sm">{t('console.dossier.dialog.apologyWhen')}</Text>
              <Text size="sm" mt={4}>{t('console.dossier.dialog.apologyCounted', { at: formatDateTime(dossier.clock.dueAt ?? dossier.dueAt) })}</Text>
            </Alert>
          )}
          {isApology && (
            <DatesProvider settings={{ locale: language === 'vi' ? 'vi' : 'en', firstDayOfWeek: 1 }}>
              <DateTimePicker
                label={t('console.dossier.dialog.newDueAt')}
                description={t('console.dossier.dialog.newDueAtHint', { at: formatDateTime(currentDue) })}
                valueFormat="DD/MM/YYYY HH:mm"
                placeholder="dd/mm/yyyy hh:mm"
                value={newDueAt}
                onChange={setNewDueAt}
                minDate={currentDue ? toVietnamWallTime(currentDue) : undefined}
                // The new appointment keeps the hour of the old one unless changed.
                defaultTimeValue={currentDue ? toVietnamWallTime(currentDue)?.slice(11, 16) : undefined}
                error={errors.newDueAt}
                required
                clearable
                data-autofocus
              />
            </DatesProvider>
          )}
          {action.needsReasons && (
            <ReasonsInput
              label={t(name === 'refuse' || name === 'reject' ? 'console.dossier.dialog.refuseReasons' : 'console.dossier.dialog.reasons')}
              description={t('console.dossier.dialog.reasonsHint')}
              value={reasons}
              onChange={setReasons}
              error={errors.reasons}
              autoFocus={!isAssign && !isApology}
            />
          )}
          {name === 'attach_result' && (
            <Stack gap="xs">
              <SegmentedControl
                value={resultMode}
                onChange={(v) => setResultMode(v as 'upload' | 'generate')}
                data={[{ value: 'upload', label: t('console.dossier.result.upload') }, { value: 'generate', label: t('console.dossier.result.generate') }]}
              />
              {resultMode === 'upload' ? (
                <FileAttach
                  files={resultFiles}
                  onChange={setResultFiles}
                  onBusyChange={setUploading}
                  label={t('console.dossier.result.pdf')}
                  accessibleName={t('console.dossier.result.pdf')}
                  size="sm"
                  maxFiles={1}
                />
              ) : (
                <>
                  <Textarea
                    label={t('console.dossier.result.outcome')}
                    description={t('console.dossier.result.outcomeHint')}
                    value={outcome}
                    onChange={(event) => setOutcome(event.currentTarget.value)}
                    autosize
                    minRows={2}
                    maxLength={1000}
                    required
                    data-testid="result-outcome"
                  />
                  <TextInput
                    label={t('console.dossier.result.signerTitle')}
                    description={t('console.dossier.result.signerTitleHint')}
                    value={signerTitle}
                    onChange={(event) => setSignerTitle(event.currentTarget.value)}
                    maxLength={200}
                  />
                  <TextInput
                    label={t('console.dossier.result.signerName')}
                    value={signerName}
                    onChange={(event) => setSignerName(event.currentTarget.value)}
                    maxLength={200}
                  />
                </>
              )}
              {errors.result && <Text size="sm" c="red">{errors.result}</Text>}
            </Stack>
          )}
          {name === 'sign_result' && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} py={8}>
              <Text size="sm">{t('console.dossier.result.signIntro')}</Text>
            </Alert>
          )}
          {name === 'return_result' && (
            <Select
              label={t('console.dossier.result.delivery')}
              data={[{ value: 'counter', label: t('console.dossier.result.deliveryCounter') }, { value: 'post', label: t('console.dossier.result.deliveryPost') }]}
              value={delivery}
              onChange={(v) => setDelivery(v === 'post' ? 'post' : 'counter')}
              allowDeselect={false}
            />
          )}
          {name === 'record_digitization' && (
            <Checkbox label={t('console.dossier.dialog.digitized')} checked={digitized} onChange={(event) => setDigitized(event.currentTarget.checked)} />
          )}
          <Textarea
            label={t(action.needsNote ? (isApology ? 'console.dossier.dialog.apologyReason' : 'console.dossier.dialog.note') : 'console.dossier.dialog.noteOptional')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
            required={action.needsNote}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            data-autofocus={!action.needsReasons && !isAssign && !isApology ? true : undefined}
          />
          {isApology && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconInfoCircle size={16} color="var(--mantine-color-gray-6)" aria-hidden="true" style={{ flex: 'none', marginTop: 2 }} />
              <Text size="xs" c="gray.7">{t('console.dossier.dialog.apologyOnce')}</Text>
            </Group>
          )}
          {mutation.isError && <ProblemAlert title={t('console.dossier.dialog.failed')} error={mutation.error} />}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={mutation.isPending}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending} color={dangerActions.has(name) ? 'red' : undefined}>{label}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Actions that end or turn down a dossier: their buttons are red. */
export const dangerActions = new Set(['refuse', 'reject', 'withdraw']);
