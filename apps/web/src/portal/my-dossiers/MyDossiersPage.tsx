import { Alert, Anchor, Badge, Button, Container, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconDownload, IconFileText, IconHeartHandshake, IconId, IconLogin2 } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { formatCurrency, formatDate, formatDateTime, formatPlainDate } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { isApiError } from '../../shared/api.ts';
import { ApplicantActions } from '../ApplicantActions.tsx';
import { PublicDossierStatus, statusColors } from '../PublicDossierStatus.tsx';
import { RatingForm } from '../RatingForm.tsx';
import { PayOnlineAction, PaymentOutcome } from '../payments/OnlinePayment.tsx';
import { citizenSignInUrl, useCitizen } from '../citizen/session.ts';
import { MyDossierFees, MyPaymentReceipt } from './MyDossierFees.tsx';
import { useMyDossier, useMyDossiers, type MyDossier, type MyDossierItem } from './myDossiers.api.ts';

const askColors = { confirmation: 'blue', supplement: 'orange', payment: 'grape', rating: 'teal' } as const;
/** Timeliness classes worth a word on the list; the others say nothing more than the status. */
const flagged = ['due_soon', 'in_progress_overdue', 'resolved_overdue'] as const;

/**
 * "Hồ sơ của tôi" (/ho-so-cua-toi, /ho-so-cua-toi/:code): the signed-in citizen's dossiers and one
 * of them with its actions, proven by the e-ID (no security code). Signed out: a call to sign in.
 */
export function MyDossiersPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const citizen = useCitizen();
  if (citizen.isPending) return <PageLoader />;
  if (citizen.isError) return <Container size="md" py="xl"><ErrorState title={t('myDossiers.loadFailed')} error={citizen.error} /></Container>;
  if (!citizen.data) {
    return (
      <Container size="sm" py="xl">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="my-sign-in">
          <Stack gap="md" align="flex-start">
            <IconId size={40} aria-hidden="true" color="var(--mantine-color-brand-7)" />
            <Title order={1} fz="h2" id="my-sign-in">{t('myDossiers.signInTitle')}</Title>
            <Text>{t('myDossiers.signInBody')}</Text>
            <Button component="a" href={citizenSignInUrl(location.pathname)} size="md" leftSection={<IconLogin2 size={18} aria-hidden="true" />}>
              {t('myDossiers.signIn')}
            </Button>
          </Stack>
        </Paper>
      </Container>
    );
  }
  return (
    <Container size="md" py="lg">
      {code ? <MyDossierDetail code={code} /> : <MyDossierList name={citizen.data.fullName} />}
    </Container>
  );
}

function MyDossierList({ name }: { name: string }) {
  const { t } = useTranslation();
  const list = useMyDossiers(true);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} fz="h2">{t('myDossiers.title')}</Title>
        <Text c="gray.7">{t('myDossiers.subtitle')}</Text>
        <Text size="sm" c="gray.7">{t('myDossiers.signedInAs', { name })}</Text>
      </Stack>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorState title={t('myDossiers.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Paper withBorder p="lg"><Stack gap={4}><Text fw={600}>{t('myDossiers.empty')}</Text><Text size="sm" c="gray.7">{t('myDossiers.emptyHint')}</Text></Stack></Paper>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="my-dossiers">
        {items.map((item) => <li key={item.code}><MyDossierCard item={item} /></li>)}
      </Stack>
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t('myDossiers.more')}</Button>
        </Group>
      )}
    </Stack>
  );
}

function MyDossierCard({ item }: { item: MyDossierItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const late = flagged.find((f) => f === item.timeliness);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-code={item.code}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/ho-so-cua-toi/${encodeURIComponent(item.code)}`} fw={650} className="motcua-code" style={{ wordBreak: 'break-all' }}>
            {item.code}
          </Anchor>
          <Badge color={statusColors[item.status] ?? 'blue'} data-status={item.status}>{localized(item.statusLabel, language)}</Badge>
        </Group>
        <Text fw={600}>{item.procedure.name}</Text>
        <Text size="sm" c="gray.7">{item.agency.name} · {t(`myDossiers.channel.${item.channel}`)}</Text>
        <Group gap="md" wrap="wrap">
          {item.submittedAt && <Text size="sm">{t('myDossiers.submittedAt', { date: formatDate(item.submittedAt) })}</Text>}
          <Text size="sm" fw={500}>
            {item.dueAt ? t('myDossiers.dueAt', { date: formatDate(item.dueAt) }) : t('myDossiers.notReceived')}
          </Text>
          {item.newDueAt && <Text size="sm" fw={500}>{t('myDossiers.newDueAt', { date: formatDate(item.newDueAt) })}</Text>}
        </Group>
        {(item.asks.length > 0 || late) && (
          <Group gap={6} wrap="wrap">
            {item.asks.map((ask) => <Badge key={ask} variant="light" color={askColors[ask]} data-ask={ask}>{t(`myDossiers.asks.${ask}`)}</Badge>)}
            {late && <Badge variant="outline" color={late === 'due_soon' ? 'orange.9' : 'red.9'}>{t(`myDossiers.timeliness.${late}`)}</Badge>}
          </Group>
        )}
        {item.asks.includes('rating') && (
          <Group>
            <Button component={Link} to={`/ho-so-cua-toi/${encodeURIComponent(item.code)}#danh-gia`} size="sm" variant="light" color="teal"
              leftSection={<IconHeartHandshake size={16} aria-hidden="true" />} aria-label={t('ratings.my.rateLabel', { code: item.code })}>
              {t('ratings.my.rate')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function MyDossierDetail({ code }: { code: string }) {
  const { t } = useTranslation();
  const dossier = useMyDossier(code, true);
  const { hash } = useLocation();
  const loaded = dossier.isSuccess;
  // The list's "Đánh giá" button opens the dossier at its rating form.
  useEffect(() => {
    if (loaded && hash === '#danh-gia') document.getElementById('danh-gia')?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  const back = (
    <Anchor component={Link} to="/ho-so-cua-toi" size="sm">
      <Group gap={4}><IconArrowLeft size={16} aria-hidden="true" />{t('myDossiers.back')}</Group>
    </Anchor>
  );
  if (dossier.isPending) return <PageLoader />;
  if (dossier.isError) {
    return (
      <Stack gap="md">
        {back}
        {isApiError(dossier.error) && dossier.error.status === 404
          ? <Alert color="gray" variant="light">{t('myDossiers.notFound')}</Alert>
          : <ErrorState title={t('myDossiers.detailFailed')} error={dossier.error} onRetry={() => void dossier.refetch()} />}
      </Stack>
    );
  }
  const d = dossier.data;
  return (
    <Stack gap="md">
      {back}
      <Title order={1} fz="h2">{d.procedure.name}</Title>
      <PaymentOutcome code={d.code} proof="eid" feeDue={d.feeDue} receipt={(order) => <MyPaymentReceipt code={d.code} order={order} />} />
      <PublicDossierStatus dossier={{ ...d, applicantActions: d.actions }} />
      {d.asks.includes('confirmation') && (
        <Alert variant="light" color="blue" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('myDossiers.confirmationDue')}</Text>
            <Button component={Link} to={`/xac-nhan/${encodeURIComponent(d.code)}`} size="sm">{t('myDossiers.confirm')}</Button>
          </Stack>
        </Alert>
      )}
      {d.asks.includes('payment') && (
        <Alert variant="light" color="grape" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>{t('myDossiers.paymentDue')}</Alert>
      )}
      {d.fee.amount > 0 && <MyDossierFees code={d.code} payAction={<PayOnlineAction code={d.code} proof="eid" feeDue={d.feeDue} />} />}
      <ApplicantActions dossier={{ ...d, applicantActions: d.actions }} proof="eid" />
      {(d.asks.includes('rating') || d.rated) && <RatingForm code={d.code} rated={d.rated} proof="eid" />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <ApplicantCard dossier={d} />
        <ComponentsCard dossier={d} />
      </SimpleGrid>
    </Stack>
  );
}

const applicantFields = ['name', 'idNumber', 'birthDate', 'address', 'phone', 'email', 'representative'] as const;

function ApplicantCard({ dossier }: { dossier: MyDossier }) {
  const { t } = useTranslation();
  const applicant = dossier.applicant as Record<string, unknown>;
  const verified = Array.isArray(applicant.verified) ? (applicant.verified as string[]) : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-applicant">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="my-applicant">{t('myDossiers.applicant')}</Title>
        {applicantFields.filter((f) => typeof applicant[f] === 'string' && applicant[f]).map((field) => (
          <Stack key={field} gap={0}>
            <Text size="xs" c="gray.7">{t(`myDossiers.fields.${field}`)}</Text>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" style={{ wordBreak: 'break-word' }}>{field === 'birthDate' ? formatPlainDate(applicant[field] as string) : String(applicant[field])}</Text>
              {verified.includes(field) && <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-label={t('myDossiers.verified')} />}
            </Group>
          </Stack>
        ))}
        {verified.length > 0 && <Text size="xs" c="green.8">{t('myDossiers.verified')}</Text>}
      </Stack>
    </Paper>
  );
}

/** What the applicant sent apart from the result the agency issued and the papers it attached. */
const fileGroups = [
  { key: 'files', purposes: ['component', 'supplement'] },
  { key: 'resultFiles', purposes: ['result'] },
  { key: 'attachmentFiles', purposes: ['attachment'] },
] as const;

function ComponentsCard({ dossier }: { dossier: MyDossier }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-components">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="my-components">{t('myDossiers.components')}</Title>
        {dossier.components.length > 0 && (
          <List spacing={4} size="sm">
            {dossier.components.map((c) => (
              <List.Item key={c.index}>
                {c.name} — <Text span size="sm" c={c.received ? 'green.8' : 'gray.7'}>{t(c.received ? 'myDossiers.received' : 'myDossiers.missing')}</Text>
              </List.Item>
            ))}
          </List>
        )}
        {dossier.components.length === 0 && dossier.files.length === 0 && <Text size="sm" c="gray.7">{t('myDossiers.noComponents')}</Text>}
        {fileGroups.map(({ key, purposes }) => {
          const files = dossier.files.filter((f) => (purposes as readonly string[]).includes(f.purpose));
          return files.length > 0 && (
            <Stack key={key} gap={4}>
              <Text size="sm" fw={600}>{t(`myDossiers.${key}`)}</Text>
              <List spacing={4} size="sm" icon={<IconFileText size={16} aria-hidden="true" />}>
                {files.map((f) => (
                  <List.Item key={f.id} style={{ wordBreak: 'break-all' }}>
                    <Anchor href={f.url} target="_blank" rel="noopener" size="sm" aria-label={t('myDocuments.download', { name: f.name })}>{f.name}</Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          );
        })}
        {(dossier.declarationPdf || dossier.receiptPdf) && (
          <>
            <Text size="sm" fw={600}>{t('myDocuments.title')}</Text>
            <List spacing={4} size="sm" icon={<IconDownload size={16} aria-hidden="true" />} data-testid="my-dossier-documents">
              {dossier.receiptPdf && <List.Item><Anchor href={dossier.receiptPdf} target="_blank" rel="noopener" size="sm">{t('myDocuments.receipt')}</Anchor></List.Item>}
              {dossier.declarationPdf && <List.Item><Anchor href={dossier.declarationPdf} target="_blank" rel="noopener" size="sm">{t('myDocuments.declaration')}</Anchor></List.Item>}
            </List>
          </>
        )}
        {dossier.fee.amount > 0 && (
          <Text size="sm">
            {t('myDossiers.fee', { amount: formatCurrency(dossier.fee.amount) })} · {t(dossier.fee.paid ? 'myDossiers.feePaid' : 'myDossiers.feeUnpaid')}
          </Text>
        )}
        {dossier.receivedAt && <Text size="xs" c="gray.7">{t('myDossiers.receivedAt', { date: formatDateTime(dossier.receivedAt) })}</Text>}
      </Stack>
    </Paper>
  );
}
