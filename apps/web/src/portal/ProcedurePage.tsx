import { Alert, Anchor, Badge, Button, Container, EmptyState, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconArrowLeft, IconBuildingCommunity, IconDownload, IconFileUnknown, IconForms, IconInfoCircle, IconMail, IconSend, IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../shared/api.ts';
import { componentKindLabel, levelLabel, processingTimeLabel, useProcedure, type ProcedureDetail } from '../shared/catalogue.ts';
import { formatPlainDate } from '../shared/format.ts';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { FeeSchedule } from '../shared/fees/FeeSchedule.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import { procedurePath, proceduresPath, submissionPath } from './paths.ts';
import classes from './ProcedurePage.module.css';

/**
 * `/thu-tuc/:code`: one procedure as the national catalogue publishes it — agency, applicants, time,
 * fee, result, channels, conditions, papers, forms, steps, legal basis. Only a national code is shown.
 */
export function ProcedurePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { code } = useParams();
  const procedure = useProcedure(code);
  usePageTitle(procedure.data?.name ?? t('portal.procedure.title'));

  const back = (
    <Anchor component={Link} to={proceduresPath()} size="sm" c="gray.8">
      <Group gap={4}><IconArrowLeft size={16} aria-hidden="true" />{t('portal.procedure.back')}</Group>
    </Anchor>
  );
  if (procedure.isPending) return <Container size="lg" py="lg"><PageLoader /></Container>;
  if (procedure.isError) {
    return (
      <Container size="lg" py="lg">
        <Stack gap="md">
          {back}
          {isApiError(procedure.error) && procedure.error.status === 404 ? (
            <EmptyState
              align="left"
              icon={<IconFileUnknown size={32} aria-hidden="true" />}
              withIndicatorBackground
              title={<span data-testid="procedure-page">{t('portal.procedure.notFoundTitle')}</span>}
              description={t('portal.procedure.notFoundBody')}
            />
          ) : (
            <ErrorState title={t('portal.procedure.errorTitle')} error={procedure.error} onRetry={() => void procedure.refetch()} />
          )}
        </Stack>
      </Container>
    );
  }
  const p = procedure.data;
  const fee = p.fee;
  return (
    <Container size="lg" py="lg">
      <Stack gap="md">
        {back}
        <Stack gap={6}>
          <Group gap="xs">
            <Badge variant="light" color="gray">{p.field}</Badge>
            {p.fullyOnline && <Badge color="green" leftSection={<IconWorld size={12} aria-hidden="true" />}>{t('portal.procedures.fullyOnline')}</Badge>}
          </Group>
          <Title order={1} data-testid="procedure-page">{p.name}</Title>
          {p.publicCode && (
            <Text size="sm" c="gray.7">{t('portal.procedures.code')}: <span className="motcua-code" data-testid="procedure-code">{p.publicCode}</span></Text>
          )}
        </Stack>

        {!p.inForce && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
            {p.validTo ? t('portal.procedure.endedOn', { date: formatPlainDate(p.validTo) }) : t('portal.procedure.notInForce')}
            {p.endNote && ` ${p.endNote}`}
            {p.replacedBy && (
              <> {t('portal.procedure.replacedBy')} <Anchor component={Link} to={procedurePath(p.replacedBy.code)}>{p.replacedBy.name ?? p.replacedBy.code}</Anchor></>
            )}
          </Alert>
        )}

        <Section title={t('portal.procedure.general')}>
          <GeneralFacts procedure={p} />
        </Section>

        {p.inForce && (
          <Paper withBorder p="md" bg="brand.0" style={{ borderColor: 'var(--mantine-color-brand-2)' }}>
            <Group justify="space-between" gap="sm">
              <Stack gap={2} maw={640}>
                <Text fw={650}>{t('portal.procedure.onlineTitle')}</Text>
                <Text size="sm" c="gray.8">{t(p.fullyOnline ? 'portal.procedure.onlineFully' : 'portal.procedure.onlinePartly')}</Text>
              </Stack>
              <Button component={Link} to={submissionPath(p.code)} size="md" leftSection={<IconSend size={18} aria-hidden="true" />}>
                {t('portal.procedure.submitOnline')}
              </Button>
            </Group>
          </Paper>
        )}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Section title={t('portal.procedure.channels')}>
            <List spacing={6} size="sm" data-testid="procedure-channels">
              {p.channels.map(({ channel, text }) => {
                const Icon = channelIcons[channel];
                return (
                  <List.Item key={channel} icon={<Icon size={18} aria-hidden="true" color="var(--mantine-color-brand-7)" />}>
                    {localized(text, language)}{channel === 'online' && <Text span size="sm" c="gray.7"> — {localized(p.onlineService.text, language)}</Text>}
                  </List.Item>
                );
              })}
            </List>
          </Section>
          <Section title={t('portal.procedure.conditions')}>
            {p.conditions === null ? <Text size="sm">{t('portal.procedure.unspecified')}</Text>
              : p.conditions.length === 0 ? <Text size="sm" data-testid="procedure-conditions">{t('portal.procedure.noConditions')}</Text>
              : (
                <List spacing={4} size="sm" data-testid="procedure-conditions">
                  {p.conditions.map((condition) => <List.Item key={condition}>{condition}</List.Item>)}
                </List>
              )}
          </Section>
        </SimpleGrid>

        {fee.items.length > 0 && (
          <Section title={t('portal.fees.section')}>
            <FeeSchedule fee={fee} />
          </Section>
        )}

        <Section title={t('portal.procedure.components')}>
          <ProcedureComponents procedure={p} />
        </Section>

        <Section title={t('portal.procedure.forms')}>
          <ProcedureForms procedure={p} />
        </Section>

        <Section title={t('portal.procedure.workflow')}>
          <List type="ordered" spacing="xs" size="sm">
            {p.workflow.map((step) => (
              <List.Item key={step.key}>
                <Text size="sm" span fw={600}>{step.name}</Text>
                <Text size="sm" span c="gray.7"> — {localized(step.roleText, language)}, {localized(step.budget.text, language)}</Text>
              </List.Item>
            ))}
          </List>
          {p.interAgency.length > 0 && (
            <Stack gap={4} mt="sm">
              <Text size="sm" fw={600}>{t('portal.procedure.interAgency')}</Text>
              <List size="sm">
                {p.interAgency.map((share) => (
                  <List.Item key={share.order}>{share.name} — {localized(share.share.text, language)}</List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Section>

        <Section title={t('portal.procedure.legalBasis')}>
          {p.legalDocuments.length > 0 ? (
            <Stack gap={6}>
              <List spacing={4} size="sm" data-testid="procedure-legal-documents">
                {p.legalDocuments.map((d) => (
                  <List.Item key={d.number}>
                    {t('portal.procedure.legalDocument', { title: d.title, number: d.number, date: formatPlainDate(d.issuedOn), issuer: d.issuer })}
                  </List.Item>
                ))}
              </List>
              {p.legalBasis && <Text size="xs" c="gray.7">{t('portal.procedure.provisions', { text: p.legalBasis })}</Text>}
            </Stack>
          ) : <Text size="sm">{p.legalBasis ?? t('portal.procedure.legalBasisUnspecified')}</Text>}
          {p.changeNote && <Text size="xs" c="gray.7" mt={4}>{p.changeNote}</Text>}
        </Section>
      </Stack>
    </Container>
  );
}

const channelIcons = { in_person: IconBuildingCommunity, postal: IconMail, online: IconWorld } as const;

/** Thông tin chung: who handles it, who may apply, how long, what it costs, what one receives — label and value side by side, stacked on a phone. */
function GeneralFacts({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const levels = p.levels.map((level) => levelLabel(t, level)).join(', ');
  const fee = p.fee;
  return (
    <dl className={classes.facts} data-testid="procedure-facts">
      <Fact label={t('portal.procedure.agency')}>{p.implementingAgency ?? levels}</Fact>
      <Fact label={t('portal.procedures.level')}>{levels}</Fact>
      <Fact label={t('portal.procedure.applicants')}>
        {p.applicants.length === 0 ? t('portal.procedure.unspecified') : p.applicants.join('; ')}
      </Fact>
      <Fact label={t('portal.procedures.processingTime')}>
        <Text span fw={650} size="sm">{processingTimeLabel(language, p.processingTime)}</Text>
        {p.processingTime.basisText && <Text size="xs" c="gray.7">{localized(p.processingTime.basisText, language)}</Text>}
      </Fact>
      <Fact label={t('portal.procedures.fee')}>
        <span className="motcua-figures">
          {fee.kind === 'table' ? t('portal.procedure.feeTable') : fee.kind === 'free' ? t('portal.procedures.free') : localized(fee.text, language)}
        </span>
        {fee.items.length > 0 && fee.kind !== 'table' && <Text size="xs" c="gray.7">{t('portal.procedure.feeDetails')}</Text>}
      </Fact>
      <Fact label={t('portal.procedure.result')}>{p.resultText ?? t('portal.procedure.resultUnspecified')}</Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.fact}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Mẫu đơn, tờ khai: the declaration e-form (filled online as part of the filing), and any form to download. */
function ProcedureForms({ procedure: p }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const templates = p.components.filter((c) => c.template);
  const form = p.declaration;
  if (!form && templates.length === 0) return <Text size="sm">{t('portal.procedure.noForms')}</Text>;
  return (
    <Stack gap="sm" data-testid="procedure-forms">
      {form && (
        <Group justify="space-between" gap="sm" align="center">
          <Stack gap={2} style={{ flex: '1 1 18rem' }}>
            <Text size="sm" fw={600}>{localized(form.title, language)}</Text>
            <Text size="xs" c="gray.7">{t('portal.procedure.formBasis', { name: form.legalForm.name, basis: form.legalForm.basis })}</Text>
            <Text size="xs" c="gray.7">{t('portal.procedure.fillOnlineHint')}</Text>
          </Stack>
          {p.inForce && (
            <Button component={Link} to={submissionPath(p.code)} variant="light" leftSection={<IconForms size={18} aria-hidden="true" />}>
              {t('portal.procedure.fillOnline')}
            </Button>
          )}
        </Group>
      )}
      {templates.map((c) => (
        <Group key={c.name} justify="space-between" gap="sm">
          <Text size="sm" fw={600} style={{ flex: '1 1 18rem' }}>{c.name}</Text>
          {/^https?:\/\//.test(c.template!)
            ? <Anchor href={c.template!} size="sm"><Group gap={4}><IconDownload size={16} aria-hidden="true" />{t('portal.procedure.downloadForm')}</Group></Anchor>
            : <Text size="sm" c="gray.7">{c.template}</Text>}
        </Group>
      ))}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} fz="h3" mb="sm">{title}</Title>
      {children}
    </Paper>
  );
}

/** The papers to bring: a table on a wide screen, a list on a phone (where a table would hide "required"). */
function ProcedureComponents({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  const requirement = (required: boolean) => (required
    ? <Badge size="sm" color="red" variant="light">{t('portal.procedure.required')}</Badge>
    : <Text size="sm" c="gray.7">{t('portal.procedure.ifAny')}</Text>);
  if (narrow) {
    return (
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {procedure.components.map((component, index) => (
          <Stack key={index} gap={2} component="li" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" fw={600}>{index + 1}. {component.name}</Text>
            <Group gap="xs">
              <Text size="xs" c="gray.7">{componentKindLabel(t, component.kind)} · {t('portal.submit.copies', { count: component.count })}</Text>
              {requirement(component.required)}
            </Group>
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>#</Table.Th>
          <Table.Th>{t('portal.procedure.componentName')}</Table.Th>
          <Table.Th>{t('portal.procedure.componentKind')}</Table.Th>
          <Table.Th ta="right">{t('portal.procedure.componentCount')}</Table.Th>
          <Table.Th>{t('portal.procedure.componentRequired')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {procedure.components.map((component, index) => (
          <Table.Tr key={index}>
            <Table.Td className="motcua-figures">{index + 1}</Table.Td>
            <Table.Td>{component.name}</Table.Td>
            <Table.Td>{componentKindLabel(t, component.kind)}</Table.Td>
            <Table.Td ta="right" className="motcua-figures">{component.count}</Table.Td>
            <Table.Td>{requirement(component.required)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
