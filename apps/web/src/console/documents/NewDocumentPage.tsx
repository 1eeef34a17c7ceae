import { Button, Card, Checkbox, FileInput, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DEFAULT_HANDLING_WORKING_DAYS, MAX_HANDLING_WORKING_DAYS, type OfficialDocumentType } from '@motcua/domain';
import { client } from '../../shared/api.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { uploadFile } from '../../shared/upload.ts';
import { useStaff } from '../useStaff.ts';
import { useDraftOutgoing, useRegisterIncoming } from './documents.api.ts';
import { typeOptions } from './labels.ts';
import { agenciesWith } from './roles.ts';

/** The units of an agency (phòng ban), to route to or to name as the drafting unit. */
export function useUnits(agencyId: string | null) {
  return useQuery({
    queryKey: ['agencies', agencyId, 'offices'],
    queryFn: ({ signal }) => client.get('/agencies/{id}/offices', { params: { id: agencyId! }, signal }),
    enabled: Boolean(agencyId),
    select: (offices) => offices.units.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` })),
  });
}

/**
 * A new document: an incoming one registered with its scan (and routed at once if wanted), or an
 * outgoing draft with its PDF. The number is the server's: the arrival number on registration,
 * the outgoing number at issue.
 */
export function NewDocumentPage({ direction }: { direction: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const incoming = direction === 'incoming';
  usePageTitle(t(incoming ? 'documents.form.incomingTitle' : 'documents.form.outgoingTitle'));
  const navigate = useNavigate();
  const staff = useStaff();
  const agencies = agenciesWith(staff.assignments, incoming ? ['officer'] : ['officer', 'specialist']);
  const [agencyId, setAgencyId] = useState<string | null>(agencies[0]?.value ?? null);
  const [type, setType] = useState<OfficialDocumentType>(incoming ? 'cong_van' : 'quyet_dinh');
  const [summary, setSummary] = useState('');
  const [issuingBody, setIssuingBody] = useState('');
  const [originalNumber, setOriginalNumber] = useState('');
  const [documentDate, setDocumentDate] = useState('');
  const [recipients, setRecipients] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [routeNow, setRouteNow] = useState(false);
  const [workingDays, setWorkingDays] = useState<number>(DEFAULT_HANDLING_WORKING_DAYS);
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const units = useUnits(agencyId);
  const register = useRegisterIncoming();
  const draft = useDraftOutgoing();
  const mutation = incoming ? register : draft;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!agencyId || !file) return;
    setUploadError(null);
    setUploading(true);
    let fileId: string;
    try {
      fileId = (await uploadFile(file)).id;
    } catch (error) {
      setUploadError(error);
      return;
    } finally {
      setUploading(false);
    }
    const created = incoming
      ? await register.mutateAsync({
        agencyId, type, summary, issuingBody, fileId,
        ...(originalNumber.trim() ? { originalNumber } : {}), ...(documentDate ? { documentDate } : {}),
        ...(routeNow && unitId ? { route: { unitId, workingDays } } : {}),
      }).catch(() => undefined)
      : await draft.mutateAsync({ agencyId, type, summary, fileId, ...(recipients.trim() ? { recipients } : {}), ...(unitId ? { draftingUnitId: unitId } : {}) }).catch(() => undefined);
    if (created) navigate(`/console/van-ban/${created.id}`);
  }

  return (
    <Stack gap="md" maw={880} component="form" onSubmit={submit}>
      <Button component={Link} to="/console/van-ban" variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('documents.detail.back')}
      </Button>
      <Title order={1}>{t(incoming ? 'documents.form.incomingTitle' : 'documents.form.outgoingTitle')}</Title>
      <Text size="sm" c="gray.7">{t(`documents.form.numberHint.${direction}`)}</Text>
      <Card padding="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('documents.form.agency')} data={agencies} value={agencyId} onChange={(v) => { setAgencyId(v); setUnitId(null); }} required allowDeselect={false} />
            <Select label={t('documents.form.type')} data={typeOptions(language)} value={type} onChange={(v) => v && setType(v as OfficialDocumentType)} searchable required allowDeselect={false} />
          </SimpleGrid>
          <Textarea label={t('documents.form.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} required autosize minRows={2} maxLength={2000} />
          {incoming ? (
            <>
              <TextInput label={t('documents.form.issuingBody')} value={issuingBody} onChange={(e) => setIssuingBody(e.currentTarget.value)} required maxLength={300} />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('documents.form.originalNumber')} placeholder={t('documents.form.originalNumberPlaceholder')} value={originalNumber} onChange={(e) => setOriginalNumber(e.currentTarget.value)} maxLength={100} />
                <DateField label={t('documents.form.documentDate')} value={documentDate} onChange={setDocumentDate} clearable />
              </SimpleGrid>
              <Checkbox label={t('documents.form.routeNow')} checked={routeNow} onChange={(e) => setRouteNow(e.currentTarget.checked)} />
              {routeNow && (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select label={t('documents.route.unit')} data={units.data ?? []} value={unitId} onChange={setUnitId} required />
                  <NumberInput label={t('documents.route.workingDays')} value={workingDays} min={1} max={MAX_HANDLING_WORKING_DAYS} allowDecimal={false}
                    onChange={(v) => setWorkingDays(typeof v === 'number' ? v : DEFAULT_HANDLING_WORKING_DAYS)} />
                </SimpleGrid>
              )}
            </>
          ) : (
            <>
              <Textarea label={t('documents.form.recipients')} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
              <Select label={t('documents.form.draftingUnit')} description={t('documents.form.draftingUnitHint')} data={units.data ?? []} value={unitId} onChange={setUnitId}
                clearable required={type === 'cong_van'} />
            </>
          )}
          <FileInput
            label={t('documents.form.file')}
            description={t(incoming ? 'documents.form.fileHintIncoming' : 'documents.form.fileHintOutgoing')}
            accept={incoming ? 'application/pdf,image/jpeg,image/png' : 'application/pdf'}
            value={file}
            onChange={setFile}
            leftSection={<IconPaperclip size={16} aria-hidden="true" />}
            required
            clearable
          />
        </Stack>
      </Card>
      {(uploadError ?? mutation.error) ? <ProblemAlert title={t('documents.form.failed')} error={uploadError ?? mutation.error} /> : null}
      <Group justify="flex-end">
        <Button type="submit" loading={uploading || mutation.isPending} disabled={!agencyId || !file}>
          {uploading ? t('documents.form.uploading') : t(incoming ? 'documents.form.submitIncoming' : 'documents.form.submitOutgoing')}
        </Button>
      </Group>
    </Stack>
  );
}
