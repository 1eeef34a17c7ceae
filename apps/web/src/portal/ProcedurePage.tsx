import { Alert, Anchor, Badge, Button, Container, EmptyState, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconFileUnknown, IconInfoCircle, IconSend, IconWorld } from '@tabler/icons-react';
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

/** `/thu-tuc/:code`: one procedure as the citizen needs it — papers, fee, legal time, basis, steps. */
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
            <Badge variant="outline" color="gray" className="motcua-code">{p.code}</Badge>
            <Badge variant="light" color="gray">{p.field}</Badge>
            {p.fullyOnline && <Badge color="green" leftSection={<IconWorld size={12} aria-hidden="true" />}>{t('portal.procedures.fullyOnline')}</Badge>}
          </Group>
          <Title order={1} data-testid="procedure-page">{p.name}</Title>
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

        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            <Fact label={t('portal.procedures.processingTime')}>{processingTimeLabel(t, p.processingTime)}</Fact>
            <Fact label={t('portal.procedures.fee')}>
              {fee.kind === 'table' ? t('portal.procedure.feeTable') : fee.kind === 'free' ? t('portal.procedures.free') : localized(fee.text, language)}
            </Fact>
            <Fact label={t('portal.procedures.level')}>{p.levels.map((level) => levelLabel(t, level)).join(', ')}</Fact>
            <Fact label={t('portal.procedure.result')}>{p.resultType ?? t('portal.procedure.resultUnspecified')}</Fact>
          </SimpleGrid>
        </Paper>

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

        {fee.items.length > 0 && (
          <Section title={t('portal.fees.section')}>
            <FeeSchedule fee={fee} />
          </Section>
        )}

        <Section title={t('portal.procedure.components')}>
          <ProcedureComponents procedure={p} />
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
          <Text size="sm">{p.legalBasis ?? t('portal.procedure.legalBasisUnspecified')}</Text>
          {p.changeNote && <Text size="xs" c="gray.7" mt={4}>{p.changeNote}</Text>}
        </Section>
      </Stack>
    </Container>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="gray.6" fw={500}>{label}</Text>
      <Text size="sm" fw={600} className="motcua-figures">{children}</Text>
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
