import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconExternalLink, IconPrinter, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { signAndDownload } from '../signedPdf.ts';
import { processingTimeLabel } from '../../shared/catalogue.ts';
import { formatDateTime } from '../../shared/format.ts';
import { formUrl, signFormUrl, useSignableForms, type DossierDetail } from './dossiers.api.ts';
import { isFormNumber } from './forms.ts';
import { workflowProgress } from './workflowProgress.ts';

/** The procedure's workflow with the current step highlighted, and each step's due time and outcome. */
export function DossierWorkflow({ dossier, now }: { dossier: DossierDetail; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const steps = workflowProgress(dossier, now);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="workflow-title">
      <Title order={2} fz="h4" id="workflow-title" mb="sm">{t('console.dossier.sections.workflow')}</Title>
      <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {steps.map((step) => {
          const current = step.state === 'current';
          return (
            <Box
              key={step.index}
              component="li"
              aria-current={current ? 'step' : undefined}
              px="sm"
              py={8}
              style={{
                borderLeft: `3px solid var(--mantine-color-${current ? 'brand-7' : step.state === 'done' ? 'green-6' : 'gray-3'})`,
                background: current ? 'var(--mantine-color-brand-0)' : undefined,
              }}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <ThemeIcon
                  size={22}
                  radius="xl"
                  variant={step.state === 'pending' ? 'light' : 'filled'}
                  color={current ? 'brand' : step.state === 'done' ? 'green' : 'gray'}
                  style={{ flex: 'none' }}
                >
                  {step.state === 'done' ? <IconCheck size={14} aria-hidden="true" /> : <Text size="xs" fw={700} className="motcua-figures">{step.index + 1}</Text>}
                </ThemeIcon>
                <Stack gap={0} flex={1} miw={0}>
                  <Text size="sm" fw={current ? 700 : 600} lh={1.35} c={current ? 'brand.8' : undefined}>{step.name}</Text>
                  {current && <Text size="xs" fw={650} c="brand.8">{t('console.dossier.workflow.current')}</Text>}
                  <Text size="xs" c="gray.7">
                    {t(`roles.${step.role as 'officer'}`)} · {processingTimeLabel(language, step.budget)}
                  </Text>
                  {step.dueAt && (
                    <Text size="xs" c={step.late ? 'red.8' : 'gray.7'} fw={step.late ? 600 : undefined} className="motcua-figures">
                      {t('console.dossier.workflow.due', { at: formatDateTime(step.dueAt) })}
                      {step.state === 'done' && step.leftAt && ` · ${t(step.late ? 'console.dossier.workflow.doneLate' : 'console.dossier.workflow.doneOnTime', { at: formatDateTime(step.leftAt) })}`}
                      {current && step.late && ` · ${t('dossier.due.overdue')}`}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** Links to print the regulated forms the dossier has, and its e-form declaration when one was filled (PDF, new tab). */
export function DossierForms({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const forms = dossier.forms.filter(isFormNumber);
  const declaration = dossier.declaration;
  const signable = new Set<string>(useSignableForms(dossier.id).data?.forms ?? []);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="forms-title">
      <Group gap={6} mb="xs">
        <IconPrinter size={18} aria-hidden="true" />
        <Title order={2} fz="h4" id="forms-title">{t('console.dossier.sections.forms')}</Title>
      </Group>
      {forms.length === 0 && !declaration ? (
        <Text size="sm" c="gray.7">{t('console.dossier.noForms')}</Text>
      ) : (
        <Stack gap={6}>
          {declaration && (
            <Anchor href={declaration.pdf} target="_blank" rel="noopener" size="sm" data-form="declaration">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Badge size="sm" variant="outline" color="teal" style={{ flex: 'none' }}>{t('eform.title')}</Badge>
                <span>{t('eform.printDeclaration')}</span>
                <IconExternalLink size={14} aria-hidden="true" style={{ flex: 'none', marginTop: 3 }} />
              </Group>
            </Anchor>
          )}
          {forms.map((form) => (
            <Group key={form} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
              <Anchor href={formUrl(dossier.id, form)} target="_blank" rel="noopener" size="sm" data-form={form}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="sm" variant="outline" color="gray" style={{ flex: 'none' }} className="motcua-figures">{t('dossier.formNumber', { form })}</Badge>
                  <span>{t(`dossier.forms.${form}`)}</span>
                  <IconExternalLink size={14} aria-hidden="true" style={{ flex: 'none', marginTop: 3 }} />
                </Group>
              </Anchor>
              {signable.has(form) && <SignFormButton dossier={dossier} form={form} />}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** "Ký số": the form signed by the caller, saved as a file; shown only when the server says they may sign it. */
function SignFormButton({ dossier, form }: { dossier: DossierDetail; form: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  async function sign() {
    setBusy(true);
    try {
      await signAndDownload(signFormUrl(dossier.id, form), `mau-${form}-${dossier.code}-ky-so.pdf`);
    } catch (error) {
      const apiError = error as ApiError | undefined;
      notifications.show({ color: 'red', title: t('console.dossier.signFailed'), message: apiError?.messages ? localized(apiError.messages, language) : t('errors.network') });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="compact-xs" variant="light" loading={busy} onClick={() => void sign()} leftSection={<IconSignature size={14} aria-hidden="true" />}
      aria-label={t('console.dossier.signFormLabel', { form })} data-sign-form={form}>
      {t('console.dossier.signForm')}
    </Button>
  );
}
