import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DEFAULT_HANDLING_WORKING_DAYS, MAX_HANDLING_WORKING_DAYS, type OfficeAction } from '@motcua/domain';
import { formatDateTime, formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { documentFileUrl, useDocument, useDocumentAction, type DocumentDetail } from './documents.api.ts';
import { typeLabel } from './labels.ts';

/** One document: its particulars, the steps the server allows the user now (as buttons), and its log. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const doc = useDocument(id);
  usePageTitle(doc.data?.numberText ?? t('documents.title'));
  if (doc.isPending) return <PageLoader />;
  if (doc.isError) return <ErrorState title={t('documents.detail.notFound')} error={doc.error} onRetry={() => void doc.refetch()} />;
  return <DocumentView doc={doc.data} />;
}

function DocumentView({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fact = (label: string, value: string | null | undefined) => (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
  return (
    <Stack gap="md" maw={1100}>
      <Button component={Link} to="/console/van-ban" variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('documents.detail.back')}
      </Button>
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light">{t(`documents.direction.${doc.direction}`)}</Badge>
          <Badge variant="light" color={doc.status === 'issued' || doc.status === 'handled' ? 'green' : 'blue'} data-testid="document-status">{t(`documents.status.${doc.status}`)}</Badge>
          {doc.overdue && <Badge color="red">{t('documents.overdue')}</Badge>}
        </Group>
        <Title order={1} fz="h2" className="motcua-code" data-testid="document-number">{doc.numberText ?? t('documents.draftNumber')}</Title>
        <Text fw={600}>{typeLabel(doc.type, language)} — {doc.summary}</Text>
        <Text size="sm" c="gray.7">{doc.agencyName}</Text>
      </Stack>
      <Card padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {doc.direction === 'incoming' ? (
            <>
              {fact(t('documents.form.issuingBody'), doc.issuingBody)}
              {fact(t('documents.form.originalNumber'), doc.originalNumber)}
              {fact(t('documents.detail.documentDate'), doc.documentDate ? formatPlainDate(doc.documentDate) : null)}
              {fact(t('documents.detail.receivedAt'), formatDateTime(doc.receivedAt))}
              {fact(t('documents.detail.registeredAt'), formatDateTime(doc.registeredAt))}
              {fact(t('documents.detail.handlingUnit'), doc.handlingUnitName)}
              {fact(t('documents.detail.dueAt'), doc.dueAt ? formatDateTime(doc.dueAt) : null)}
              {fact(t('documents.detail.handledAt'), doc.handledAt ? formatDateTime(doc.handledAt) : null)}
            </>
          ) : (
            <>
              {fact(t('documents.form.recipients'), doc.recipients)}
              {fact(t('documents.detail.draftingUnit'), doc.draftingUnitName)}
              {fact(t('documents.detail.issuedAt'), doc.issuedAt ? formatDateTime(doc.issuedAt) : null)}
              {fact(t('documents.digital'), t(doc.digitallySigned ? 'documents.detail.signedDigitally' : 'documents.detail.notSignedDigitally'))}
            </>
          )}
        </SimpleGrid>
        <Group mt="sm">
          <Button component="a" href={documentFileUrl(doc.id)} target="_blank" rel="noopener" variant="light" leftSection={<IconExternalLink size={16} aria-hidden="true" />}>
            {t('documents.detail.file')}
          </Button>
        </Group>
      </Card>
      <Steps doc={doc} />
      <Stack gap="xs" component="section" aria-labelledby="document-log">
        <Title order={2} fz="h4" id="document-log">{t('documents.detail.log')}</Title>
        <Card padding={0}>
          <Table.ScrollContainer minWidth={520}>
            <Table fz="sm" verticalSpacing={6}>
              <Table.Tbody>
                {doc.events.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td w={170}>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{t(`documents.action.${e.action}`)}</Table.Td>
                    <Table.Td>{e.actorName ?? '—'}</Table.Td>
                    <Table.Td>{[e.details.symbol, e.details.unitName, e.details.note].filter((v) => typeof v === 'string' || typeof v === 'number').join(' · ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
    </Stack>
  );
}

/** The buttons are `allowedActions` of the server's answer; routing asks for the unit and the time first. */
function Steps({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const action = useDocumentAction(doc.id);
  const [note, setNote] = useState('');
  const [unitId, setUnitId] = useState<string | null>(doc.handlingUnitId);
  const [workingDays, setWorkingDays] = useState<number>(DEFAULT_HANDLING_WORKING_DAYS);
  const take = (name: OfficeAction) => action.mutate({
    action: name,
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(name === 'route' && unitId ? { route: { unitId, workingDays, ...(note.trim() ? { note: note.trim() } : {}) } } : {}),
  }, { onSuccess: () => setNote('') });
  const buttons = doc.allowedActions.filter((a) => a !== 'route');
  return (
    <Stack gap="xs" component="section" aria-labelledby="document-steps">
      <Title order={2} fz="h4" id="document-steps">{t('documents.detail.steps')}</Title>
      <Card padding="md">
        {doc.allowedActions.length === 0 ? (
          <Text size="sm" c="gray.7">{t('documents.detail.noSteps')}</Text>
        ) : (
          <Stack gap="sm">
            {doc.allowedActions.includes('route') && (
              <Group gap="sm" align="flex-end" wrap="wrap">
                <Select label={t('documents.route.unit')} data={doc.units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))} value={unitId} onChange={setUnitId} w={{ base: '100%', sm: 300 }} />
                <NumberInput label={t('documents.route.workingDays')} value={workingDays} min={1} max={MAX_HANDLING_WORKING_DAYS} allowDecimal={false}
                  onChange={(v) => setWorkingDays(typeof v === 'number' ? v : DEFAULT_HANDLING_WORKING_DAYS)} w={{ base: '100%', sm: 170 }} />
                <Button onClick={() => take('route')} disabled={!unitId} loading={action.isPending && action.variables?.action === 'route'}>{t('documents.action.route')}</Button>
              </Group>
            )}
            <TextInput label={t('documents.detail.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
            <Group gap="sm">
              {buttons.map((name) => (
                <Button key={name} variant={name === 'send_back' ? 'default' : 'filled'} onClick={() => take(name)} loading={action.isPending && action.variables?.action === name}
                  data-action={name}>
                  {t(`documents.action.${name}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        {action.isError && <ProblemAlert title={t('documents.detail.failed')} error={action.error} />}
      </Card>
    </Stack>
  );
}
