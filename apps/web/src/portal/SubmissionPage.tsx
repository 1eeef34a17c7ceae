import { Alert, Anchor, Button, Checkbox, Container, Group, Paper, Radio, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../shared/api.ts';
import { EFormFields } from '../shared/eform/EFormFields.tsx';
import { checkDeclaration, declarationBody, identityOf, initialDeclaration, serverDeclarationErrors, type DeclarationDraft } from '../shared/eform/declaration.ts';
import { applicantBody, checkApplicant, emptyApplicant, selfApplicant, type ApplicantClaimField, type ApplicantErrors } from '../shared/applicant.ts';
import { componentKindLabel, useProcedure, usePublicAgencies, type ProcedureDetail } from '../shared/catalogue.ts';
import { newIdempotencyKey } from '../shared/idempotency.ts';
import { ApplicantFields } from '../shared/ui/ApplicantFields.tsx';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { FileAttach } from '../shared/ui/FileAttach.tsx';
import { MyStoredDocumentPicker } from './data-store/MyStoredDocumentPicker.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import type { UploadedFile } from '../shared/upload.ts';
import { useSubmission, type SubmissionBody } from './dossiers.api.ts';
import { citizenSignInUrl, useCitizen } from './citizen/session.ts';
import { procedurePath } from './paths.ts';
import { SubmissionReceipt } from './SubmissionReceipt.tsx';

/** `/nop-ho-so/:code`: filing a dossier online — where, who, the papers as files, how the result comes back. */
export function SubmissionPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const procedure = useProcedure(code);
  usePageTitle(t('portal.submit.title'));
  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Anchor component={Link} to={procedurePath(code ?? '')} size="sm" c="gray.8">
          <Group gap={4}><IconArrowLeft size={16} aria-hidden="true" />{t('portal.submit.back')}</Group>
        </Anchor>
        <Stack gap={2}>
          <Title order={1} data-testid="submission-page">{t('portal.submit.title')}</Title>
          {procedure.data && <Text fw={600} fz="lg">{procedure.data.name}</Text>}
        </Stack>
        {procedure.isPending ? <PageLoader /> : procedure.isError ? (
          <ErrorState title={t('portal.procedure.errorTitle')} error={procedure.error} onRetry={() => void procedure.refetch()} />
        ) : !procedure.data.inForce ? (
          <Alert color="orange" variant="light">{t('portal.procedure.notInForce')}</Alert>
        ) : (
          <SubmissionForm procedure={procedure.data} />
        )}
      </Stack>
    </Container>
  );
}

type Delivery = SubmissionBody['resultDelivery'];

function SubmissionForm({ procedure }: { procedure: ProcedureDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const citizen = useCitizen();
  // The declaration e-form, when the procedure has one: filled here instead of uploading a scan (which stays possible).
  const form = procedure.declaration;
  const [declarationMode, setDeclarationMode] = useState<'form' | 'scan'>(form ? 'form' : 'scan');
  const [declaration, setDeclaration] = useState<DeclarationDraft>({});
  const [verified, setVerified] = useState<string[]>([]);
  const agencies = usePublicAgencies();
  const submission = useSubmission();
  const [agencyCode, setAgencyCode] = useState<string | null>(null);
  const [applicant, setApplicant] = useState({ ...emptyApplicant });
  // Signed in, a person files for themselves (the e-ID's fields locked) unless they choose to file for someone else.
  const [forOther, setForOther] = useState(false);
  const [applicantVerified, setApplicantVerified] = useState<ApplicantClaimField[]>([]);
  const [files, setFiles] = useState<UploadedFile[][]>(() => procedure.components.map(() => []));
  const [stored, setStored] = useState<string[][]>(() => procedure.components.map(() => []));
  const [delivery, setDelivery] = useState<Delivery>('online');
  const [feeRow, setFeeRow] = useState<string | null>(null);
  const [pledge, setPledge] = useState(false);
  const [uploading, setUploading] = useState<Record<number, number>>({});
  // After the first attempt, the marks follow the form: a field turns back to normal once fixed.
  const [tried, setTried] = useState(false);
  const attempt = useRef<{ key: string; body: string }>(undefined);
  const profile = citizen.data;
  // Once the signed-in citizen is known: what the e-ID vouches for is filled in, and never asked again.
  useEffect(() => {
    if (!profile) return;
    if (form) {
      const start = initialDeclaration(form, profile);
      setDeclaration((current) => ({ ...current, ...start.draft }));
      setVerified(start.verified);
    }
  }, [profile, form]);
  useEffect(() => {
    if (!profile) {
      setApplicantVerified([]);
      return;
    }
    if (forOther) {
      setApplicant({ ...emptyApplicant });
      setApplicantVerified([]);
      return;
    }
    const self = selfApplicant(identityOf(profile));
    // What the e-ID does not vouch for (a business's address) stays as typed.
    setApplicant((current) => ({ ...self.draft, address: self.verified.includes('address') ? self.draft.address : current.address }));
    setApplicantVerified(self.verified);
  }, [profile, forOther]);
  const usingForm = Boolean(form) && declarationMode === 'form';

  const eligible = (agencies.data?.items ?? []).filter((agency) =>
    procedure.agencies.length ? procedure.agencies.includes(agency.code) : procedure.levels.includes(agency.level));
  const busy = Object.values(uploading).some((n) => n > 0);
  const agencyName = eligible.find((a) => a.code === agencyCode)?.name ?? '';
  const check = () => ({
    agency: !agencyCode,
    applicant: checkApplicant(applicant, { phoneRequired: true }),
    files: procedure.components.flatMap((c, i) => (c.required && files[i]!.length === 0 && stored[i]!.length === 0 && !(usingForm && form?.component === i) ? [i] : [])),
    declaration: usingForm && form ? checkDeclaration(form, declaration, language) : {},
    pledge: !pledge,
    feeRow: procedure.fee.kind === 'table' && !feeRow,
  });
  const errors: ReturnType<typeof check> = tried ? check() : { agency: false, applicant: {} as ApplicantErrors, files: [], pledge: false, feeRow: false, declaration: {} };
  const serverErrors = usingForm && isApiError(submission.error) ? serverDeclarationErrors(submission.error.issues, language) : {};
  const declarationErrors = { ...serverErrors, ...errors.declaration };
  const invalid = errors.agency || Object.keys(errors.applicant).length > 0 || errors.files.length > 0 || errors.pledge || errors.feeRow || Object.keys(errors.declaration).length > 0;

  if (submission.isSuccess) {
    return <SubmissionReceipt receipt={submission.data} procedureName={procedure.name} agencyName={agencyName} />;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (submission.isPending || busy) return;
    const next = check();
    setTried(true);
    if (next.agency || Object.keys(next.applicant).length || next.files.length || next.pledge || next.feeRow || Object.keys(next.declaration).length) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]')?.focus());
      return;
    }
    const all = files.flat();
    const body: SubmissionBody = {
      procedureCode: procedure.code,
      agencyCode: agencyCode!,
      // The phone is required online (checked above).
      applicant: { ...applicantBody(applicant), phone: applicant.phone.trim() },
      components: files.flatMap((list, index) => (list.length || stored[index]!.length
        ? [{ index, fileIds: list.map((f) => f.id), ...(stored[index]!.length ? { storedDocumentIds: stored[index] } : {}) }]
        : [])),
      resultDelivery: delivery,
      ...(feeRow ? { feeRow } : {}),
      uploadTokens: Object.fromEntries(all.filter((f) => f.uploadToken).map((f) => [f.id, f.uploadToken!])),
      ...(usingForm && form ? { declaration: declarationBody(form, declaration) } : {}),
    };
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { key: newIdempotencyKey(), body: serialized };
    submission.mutate({ body, key: attempt.current.key });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!procedure.fullyOnline && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>{t('portal.procedure.onlinePartly')}</Alert>
        )}
        <Section title={t('portal.submit.agency')} number={1}>
          <Select
            label={t('portal.submit.agencyLabel')}
            placeholder={t('portal.submit.agencyPlaceholder')}
            data={eligible.map((a) => ({ value: a.code, label: a.name }))}
            value={agencyCode}
            onChange={setAgencyCode}
            searchable
            openOnFocus={false}
            required
            error={errors.agency ? t('portal.submit.agencyRequired') : undefined}
            nothingFoundMessage={agencies.isPending ? t('common.loading') : t('portal.submit.noAgency')}
          />
        </Section>
        <Section title={t('portal.submit.applicant')} number={2}>
          {profile && (
            <Group gap="xs" mb="sm" align="center" wrap="wrap">
              <Text size="sm" c="gray.7" style={{ flex: '1 1 20rem' }}>{t(forOther ? 'citizen.applicant.other' : 'citizen.applicant.self')}</Text>
              <Button variant="subtle" size="compact-sm" onClick={() => setForOther((v) => !v)}>
                {t(forOther ? 'citizen.applicant.forSelf' : 'citizen.applicant.forOther')}
              </Button>
            </Group>
          )}
          <ApplicantFields value={applicant} onChange={setApplicant} errors={errors.applicant} phoneRequired verified={applicantVerified} />
          <Text size="xs" c="gray.7" mt="xs">{t('portal.submit.phoneWhy')}</Text>
        </Section>
        {form && (
          <Section title={t('eform.title')} number={3}>
            <Stack gap="sm">
              <SegmentedControl
                fullWidth
                styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
                aria-label={t('eform.mode')}
                value={declarationMode}
                onChange={(mode) => setDeclarationMode(mode as 'form' | 'scan')}
                data={[{ value: 'form', label: t('eform.modeForm') }, { value: 'scan', label: t('eform.modeScan') }]}
              />
              {usingForm && (
                <>
                  {verified.length > 0 ? (
                    <Text size="sm" c="gray.7">{t('eform.verifiedHint')}</Text>
                  ) : !profile && (
                    <Text size="sm" c="gray.7">
                      {t('eform.signInHint')}{' '}
                      <Anchor href={citizenSignInUrl(window.location.pathname)} underline="always">{t('eform.signIn')}</Anchor>
                    </Text>
                  )}
                  <EFormFields form={form} value={declaration} onChange={setDeclaration} errors={declarationErrors} verified={verified} />
                  {Object.keys(declarationErrors).length > 0 && <Text size="sm" c="red.8" role="alert">{t('eform.fixErrors')}</Text>}
                </>
              )}
            </Stack>
          </Section>
        )}
        <Section title={t('portal.submit.components')} number={form ? 4 : 3}>
          <Text size="sm" c="gray.7" mb="sm">{t('portal.submit.componentsHint')}</Text>
          <Stack gap="sm">
            {procedure.components.map((component, index) => {
              const missing = errors.files.includes(index);
              return (
                <Paper key={index} withBorder p="sm" data-invalid={missing || undefined} tabIndex={missing ? -1 : undefined} style={missing ? { borderColor: 'var(--mantine-color-error)' } : undefined}>
                  <Stack gap={6}>
                    <Text size="sm" fw={600}>
                      {index + 1}. {component.name}
                      {component.required ? <Text span c="red.8"> *</Text> : <Text span size="xs" c="gray.7" fw={400}> ({t('portal.procedure.ifAny')})</Text>}
                    </Text>
                    <Text size="xs" c="gray.7">{componentKindLabel(t, component.kind)} · {t('portal.submit.copies', { count: component.count })}</Text>
                    {usingForm && form?.component === index ? <Text size="sm" c="teal.8">{t('eform.filledByForm')}</Text> : <FileAttach
                      files={files[index]!}
                      onChange={(list) => setFiles((current) => current.map((l, i) => (i === index ? list : l)))}
                      publicUpload
                      onBusyChange={(n) => setUploading((current) => ({ ...current, [index]: n }))}
                      label={t('portal.submit.attach')}
                      accessibleName={t('console.intake.components.attachFor', { name: component.name })}
                      size="sm"
                    />}
                    {!(usingForm && form?.component === index) && (
                      <MyStoredDocumentPicker
                        documentType={component.documentType}
                        componentName={component.name}
                        value={stored[index]!}
                        onChange={(ids) => setStored((current) => current.map((l, i) => (i === index ? ids : l)))}
                      />
                    )}
                    {missing && <Text size="xs" c="red.8" role="alert">{t('portal.submit.fileRequired')}</Text>}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </Section>
        <Section title={t('portal.submit.delivery')} number={form ? 5 : 4}>
          <Radio.Group value={delivery} onChange={(value) => setDelivery(value as Delivery)} aria-label={t('portal.submit.delivery')}>
            <Stack gap="xs">
              {(['online', 'counter', 'post'] as const).map((value) => (
                <Radio key={value} value={value} label={t(`dossier.delivery.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {procedure.fee.kind === 'table' && (
            <Select
              mt="sm"
              label={t('console.intake.feeRow')}
              data={procedure.fee.table.map((row) => row.label)}
              value={feeRow}
              onChange={setFeeRow}
              required
              error={errors.feeRow ? t('console.intake.feeRowRequired') : undefined}
            />
          )}
        </Section>
        <Checkbox
          label={t('portal.submit.pledge')}
          checked={pledge}
          onChange={(event) => setPledge(event.currentTarget.checked)}
          error={errors.pledge ? t('portal.submit.pledgeRequired') : undefined}
        />
        {invalid && <Text size="sm" c="red.8" role="alert">{t('portal.submit.fixErrors')}</Text>}
        {submission.isError && <ProblemAlert title={t('portal.submit.failed')} error={submission.error} />}
        <Group>
          <Button type="submit" size="md" loading={submission.isPending} disabled={busy} leftSection={<IconSend size={18} aria-hidden="true" />}>
            {t('portal.submit.submit')}
          </Button>
          {busy && <Text size="sm" c="gray.7">{t('console.intake.waitUploads')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, number, children }: { title: string; number: number; children: ReactNode }) {
  return (
    // A fieldset is as wide as its widest content by default (min-inline-size: min-content): 0 lets it fit a phone.
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <Text component="legend" fz="h3" fw={650} mb="sm" style={{ float: 'left', width: '100%', padding: 0 }}>
        <Text span inherit c="brand.7" fw={700} mr={6} className="motcua-figures">{number}.</Text>{title}
      </Text>
      <div style={{ clear: 'both' }}>{children}</div>
    </Paper>
  );
}
