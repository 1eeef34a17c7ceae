import { Badge, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconWorld } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client, type ApiBody } from '../../shared/api.ts';
import { feeRows, processingTimeLabel, type ProcedureDetail } from '../../shared/catalogue.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { idempotencyHeader, newIdempotencyKey } from '../../shared/idempotency.ts';
import { checkApplicant, type ApplicantErrors } from '../../shared/applicant.ts';
import { ApplicantFields } from '../../shared/ui/ApplicantFields.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import type { DossierDetail } from '../dossiers/dossiers.api.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { checkDeclaration, serverDeclarationErrors, type DeclarationErrors } from '../../shared/eform/declaration.ts';
import { isApiError } from '../../shared/api.ts';
import { ComponentsStep } from './ComponentsStep.tsx';
import { DeclarationPanel } from './DeclarationPanel.tsx';
import { DecisionStep } from './DecisionStep.tsx';
import { AssistedResult, AssistedStep, assistedContactProblem, type AssistedPrepared } from './AssistedFiling.tsx';
import { assistedBody, componentsOf, emptyDraft, intakeBody, missingRequired, type IntakeDraft } from './intakeDraft.ts';
import { IntakeResult } from './IntakeResult.tsx';
import { ProcedureStep } from './ProcedureStep.tsx';

/**
 * The counter intake, or (`mode="assisted"`, `/console/nop-ho`) assisted online filing: the same
 * steps prepare an online dossier for a citizen, who confirms it with a one-time code or the e-ID.
 */
export function IntakePage({ mode = 'counter' }: { mode?: IntakeMode }) {
  return (
    <SectionGuard section={mode === 'assisted' ? 'assisted' : 'intake'}>
      <Intake mode={mode} />
    </SectionGuard>
  );
}

export type IntakeMode = 'counter' | 'assisted';

/**
 * `/console/tiep-nhan`: receiving a dossier at the counter in four short steps — procedure,
 * applicant, papers, decision — each submitted with Enter. Built for a whole working day at the
 * counter: compact, keyboard first, one click to print the receipt.
 */
function Intake({ mode }: { mode: IntakeMode }) {
  const { t } = useTranslation();
  const assisted = mode === 'assisted';
  const language = useLanguage();
  usePageTitle(t(assisted ? 'console.nav.assisted' : 'console.nav.intake'));
  const staff = useStaff();
  // Where the caller may work: counters of their officer roles, or (assisted) the agencies where they may prepare.
  const counters = staff.assignments
    .filter((a) => a.role === 'officer' || (assisted && a.role === 'helper'))
    .filter((a, i, all) => all.findIndex((b) => b.agencyId === a.agencyId) === i);
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyDraft(counters[0]?.agencyId));
  const [step, setStep] = useState(0);
  // After a first attempt to go on, the marks follow the fields as they are corrected.
  const [applicantTried, setApplicantTried] = useState(false);
  const [stepError, setStepError] = useState<{ feeRow?: string; reasons?: string; applicant?: string }>({});
  const [uploading, setUploading] = useState(0);
  const [declarationErrors, setDeclarationErrors] = useState<DeclarationErrors>({});
  const [done, setDone] = useState<{ dossier: DossierDetail; decision: IntakeDraft['decision'] }>();
  const [prepared, setPrepared] = useState<AssistedPrepared>();
  // The idempotency key belongs to one set of data: retrying the same submission reuses it.
  const attempt = useRef<{ key: string; body: string }>(undefined);

  const submit = useMutation({
    mutationFn: ({ body, key }: { body: ApiBody<'/dossiers'>; key: string; decision: IntakeDraft['decision'] }) =>
      client.post('/dossiers', body, { headers: { [idempotencyHeader]: key } }),
    onSuccess: (dossier, { decision }) => setDone({ dossier, decision }),
    // A declaration the server refuses goes back to the e-form, its fields marked.
    onError: (error) => { if (isApiError(error, 'declaration.invalid')) setStep(2); },
  });
  const prepare = useMutation({
    mutationFn: ({ body, key }: { body: ApiBody<'/dossiers/assisted'>; key: string }) =>
      client.post('/dossiers/assisted', body, { headers: { [idempotencyHeader]: key } }),
    onSuccess: (dossier) => setPrepared(dossier),
    onError: (error) => { if (isApiError(error, 'declaration.invalid')) setStep(2); },
  });
  const sending = assisted ? prepare : submit;

  const applicantErrors: ApplicantErrors = applicantTried ? checkApplicant(draft.applicant) : {};
  const patch = (change: Partial<IntakeDraft>) => setDraft((current) => ({ ...current, ...change }));

  function pickProcedure(procedure: ProcedureDetail) {
    patch({ procedure, components: componentsOf(procedure), feeRow: '', feeExemption: '', decision: 'receive', reasons: [''], declaration: null });
    setStep(1);
  }

  function next(event: FormEvent) {
    event.preventDefault();
    if (step === 1) {
      const errors = checkApplicant(draft.applicant);
      setApplicantTried(true);
      if (assisted) {
        const contact = assistedContactProblem(draft);
        setStepError(contact ? { applicant: t(`assisted.console.${contact}`) } : {});
        if (contact) return;
      }
      if (Object.keys(errors).length) {
        const first = errors.name ? 'applicant-name' : errors.idNumber ? 'applicant-id' : 'applicant-phone';
        document.querySelector<HTMLInputElement>(`input[name="${first}"]`)?.focus();
        return;
      }
      setStep(2);
    } else if (step === 2) {
      if (uploading > 0) return;
      const declarationIssues = draft.declaration && draft.procedure?.declaration
        ? checkDeclaration(draft.procedure.declaration, draft.declaration, language === 'en' ? 'en' : 'vi')
        : {};
      setDeclarationErrors(declarationIssues);
      if (Object.keys(declarationIssues).length) return;
      if (feeRows(draft.procedure!.fee).length && !draft.feeRow) {
        setStepError({ feeRow: t('console.intake.feeRowRequired') });
        return;
      }
      setStepError({});
      // Incomplete papers: propose the supplement request, listing every missing item.
      const missing = assisted ? [] : missingRequired(draft.components);
      const reasonsEmpty = draft.reasons.every((r) => !r.trim());
      if (missing.length) {
        patch({
          decision: draft.decision === 'receive' ? 'request_completion' : draft.decision,
          ...(reasonsEmpty ? { reasons: missing.map((c) => t('console.intake.missingItem', { name: c.name, kind: t(`dossier.kinds.${c.kind}`), count: c.count })) } : {}),
        });
      }
      setStep(3);
    } else if (step === 3 && assisted) {
      if (prepare.isPending) return;
      const body = assistedBody(draft);
      const serialized = JSON.stringify(body);
      if (attempt.current?.body !== serialized) attempt.current = { key: newIdempotencyKey(), body: serialized };
      prepare.mutate({ body, key: attempt.current.key });
    } else if (step === 3) {
      if (submit.isPending) return;
      if (draft.decision !== 'receive' && draft.reasons.every((r) => !r.trim())) {
        setStepError({ reasons: t('console.dossier.dialog.reasonsRequired') });
        return;
      }
      setStepError({});
      const body = intakeBody(draft);
      const serialized = JSON.stringify(body);
      if (attempt.current?.body !== serialized) attempt.current = { key: newIdempotencyKey(), body: serialized };
      submit.mutate({ body, key: attempt.current.key, decision: draft.decision });
    }
  }

  function startOver() {
    setDraft(emptyDraft(draft.agencyId));
    setDone(undefined);
    setPrepared(undefined);
    setStep(0);
    setApplicantTried(false);
    submit.reset();
    prepare.reset();
    attempt.current = undefined;
  }

  return (
    <Stack gap="md" maw={1280}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-intake">{t(assisted ? 'assisted.console.title' : 'console.intake.title')}</Title>
        {assisted && <Text size="sm" c="gray.7">{t('assisted.console.intro')}</Text>}
        {counters.length === 1 && <Text size="sm" c="gray.7">{t('console.intake.at', { agency: counters[0]!.agencyName })}</Text>}
      </Stack>
      {prepared ? (
        <AssistedResult prepared={prepared} onNew={startOver} />
      ) : done ? (
        <IntakeResult dossier={done.dossier} decision={done.decision} onNew={startOver} />
      ) : (
        <Paper withBorder p="md">
          <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm" allowNextStepsSelect={false} mb="md">
            <Stepper.Step label={t('console.intake.steps.procedure')} description={draft.procedure?.name} />
            <Stepper.Step label={t('console.intake.steps.applicant')} description={draft.applicant.name || undefined} />
            <Stepper.Step label={t('console.intake.steps.components')} />
            <Stepper.Step label={t(assisted ? 'assisted.console.stepCode' : 'console.intake.steps.decision')} />
          </Stepper>
          {step > 0 && draft.procedure && <ProcedureSummary procedure={draft.procedure} onChange={() => setStep(0)} />}
          {step === 0 ? (
            <ProcedureStep counters={counters} agencyId={draft.agencyId} onAgency={(agencyId) => patch({ agencyId })} onPick={pickProcedure} />
          ) : (
            <form onSubmit={next} noValidate>
              <Stack gap="md">
                {step === 1 && <ApplicantFields value={draft.applicant} onChange={(applicant) => patch({ applicant })} errors={applicantErrors} autoFocus />}
                {step === 1 && stepError.applicant && <Text size="sm" c="red.8" role="alert">{stepError.applicant}</Text>}
                {step === 2 && (
                  <DeclarationPanel
                    draft={draft}
                    onChange={patch}
                    errors={{ ...(isApiError(sending.error) ? serverDeclarationErrors(sending.error.issues, language === 'en' ? 'en' : 'vi') : {}), ...declarationErrors }}
                  />
                )}
                {step === 2 && <ComponentsStep draft={draft} onChange={patch} onBusyChange={setUploading} feeRowError={stepError.feeRow} allowExemption={!assisted} />}
                {step === 3 && !assisted && <DecisionStep draft={draft} onChange={patch} reasonsError={stepError.reasons} />}
                {step === 3 && assisted && <AssistedStep draft={draft} onChange={patch} />}
                {step === 3 && sending.isError && <ProblemAlert title={t(assisted ? 'assisted.console.failed' : 'console.intake.failed')} error={sending.error} />}
                <Group justify="space-between">
                  <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} onClick={() => setStep(step - 1)} disabled={sending.isPending}>
                    {t('console.intake.back')}
                  </Button>
                  <Group gap="sm">
                    {step === 2 && uploading > 0 && <Text size="sm" c="gray.7">{t('console.intake.waitUploads')}</Text>}
                    <Button
                      type="submit"
                      loading={sending.isPending}
                      disabled={step === 2 && uploading > 0}
                      color={step === 3 && !assisted && draft.decision === 'refuse' ? 'red' : undefined}
                      rightSection={step < 3 ? <IconArrowRight size={16} aria-hidden="true" /> : undefined}
                      data-testid="intake-next"
                    >
                      {step < 3 ? t('console.intake.next') : assisted ? t('assisted.console.submit') : t(`console.intake.decision.${draft.decision}.submit`)}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </form>
          )}
        </Paper>
      )}
    </Stack>
  );
}

/** The chosen procedure, kept in sight on the later steps. */
function ProcedureSummary({ procedure, onChange }: { procedure: ProcedureDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Group gap="sm" mb="md" p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }} wrap="wrap">
      <Text size="sm" fw={650}>{procedure.name}</Text>
      <Text size="sm" c="gray.7">
        <span className="motcua-code">{procedure.code}</span> · {t('console.intake.legalTime')}: {processingTimeLabel(language, procedure.processingTime)} · {t('console.intake.fee')}: {localized(procedure.fee.text, language)}
      </Text>
      {procedure.fullyOnline && <Badge size="sm" color="green" leftSection={<IconWorld size={11} aria-hidden="true" />}>{t('portal.procedures.fullyOnline')}</Badge>}
      <Button variant="subtle" size="compact-sm" onClick={onChange} ml="auto">{t('console.intake.changeProcedure')}</Button>
    </Group>
  );
}
