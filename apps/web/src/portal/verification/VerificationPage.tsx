import { Alert, Badge, Button, Code, Container, DataList, EmptyState, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconFileUnknown, IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { isSignedDocumentId, useFileCheck, useSignedDocument, type FileCheck, type SignedDocument } from './verification.api.ts';

const statusColors: Record<SignedDocument['status'], string> = { unsigned: 'gray', signed_by_person: 'orange', signed: 'green' };

/**
 * `/xac-thuc/:id`, where the QR code printed on a signed document leads: who issued and signed it,
 * when, its hash and the check of the stored file; and the check of a file the visitor holds.
 * Never the file itself, nor anything personal beyond the signers' names and the title.
 */
export function VerificationPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.verify.title'));
  const id = useParams().id ?? '';
  const valid = isSignedDocumentId(id);
  const result = useSignedDocument(id);
  const missing = !valid || (result.isError && isApiError(result.error) && result.error.status === 404);

  return (
    <Container size="md" py="lg" px={{ base: 'xs', sm: 'md' }}>
      <Stack gap="md">
        <Title order={1} data-testid="verification">{t('portal.verify.title')}</Title>
        <Text c="dimmed" size="sm">{t('portal.verify.intro')}</Text>
        {missing ? (
          <EmptyState
            mt="md"
            icon={<IconFileUnknown size={32} aria-hidden="true" />}
            withIndicatorBackground
            title={t('portal.verify.notFoundTitle')}
            description={t('portal.verify.notFoundBody')}
            data-testid="verification-not-found"
          />
        ) : result.isPending ? (
          <PageLoader />
        ) : result.isError ? (
          <ErrorState title={t('portal.verify.errorTitle')} error={result.error} onRetry={() => void result.refetch()} />
        ) : (
          <>
            <DocumentFacts document={result.data} />
            <FileCheckForm id={id} />
          </>
        )}
      </Stack>
    </Container>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function DocumentFacts({ document }: { document: SignedDocument }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const language = useLanguage();
  const verified = document.verification.valid;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="document-title" data-testid="signed-document">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} id="document-title" fz="lg" style={{ overflowWrap: 'anywhere' }}>{document.title}</Title>
          <Badge size="lg" color={statusColors[document.status]} data-status={document.status} h="auto" py={4} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
            {localized(document.statusText, language)}
          </Badge>
        </Group>
        {document.superseded && <Alert color="red" icon={<IconCircleX aria-hidden="true" />}>{t('portal.verify.superseded')}</Alert>}
        <DataList withDivider orientation={narrow ? 'vertical' : 'horizontal'} labelWidth="12rem">
          <Fact label={t('portal.verify.kind')}>{localized(document.kindText, language)}</Fact>
          {document.number && <Fact label={t('portal.verify.number')}>{document.number}</Fact>}
          <Fact label={t('portal.verify.issuer')}>{document.issuer.name}</Fact>
          <Fact label={t('portal.verify.created')}>{formatDate(document.createdAt)}</Fact>
          <Fact label={t('portal.verify.sha256')}>
            <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }} data-testid="stored-sha256">{document.sha256}</Code>
          </Fact>
        </DataList>

        <Title order={3} fz="md">{t('portal.verify.signatures')}</Title>
        {document.signatures.length === 0 ? (
          <Text size="sm" c="dimmed">{t('portal.verify.noSignatures')}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {document.signatures.map((s, i) => (
              <Paper key={i} withBorder p="sm" component="li" data-testid="signature">
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={s.as === 'person' ? 'blue' : 'red'}>{s.as === 'person' ? t('portal.verify.asPerson') : t('portal.verify.asAgency')}</Badge>
                  <Text fw={600}>{s.signer}</Text>
                </Group>
                <Text size="sm">
                  {t('portal.verify.signedAt')}: {formatDateTime(s.signedAt)}{s.timestamped ? ` (${t('portal.verify.timestamped')})` : ''}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('portal.verify.subject')}: {s.subject}</Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('portal.verify.certIssuer')}: {s.issuer}</Text>
              </Paper>
            ))}
          </Stack>
        )}
        {document.status !== 'unsigned' && (
          <Alert
            color={verified ? 'green' : 'red'}
            icon={verified ? <IconCircleCheck aria-hidden="true" /> : <IconCircleX aria-hidden="true" />}
            data-testid="stored-verification"
            data-valid={String(verified)}
          >
            {verified ? t('portal.verify.storedValid') : t('portal.verify.storedInvalid')}
            <Problems check={document.verification} />
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Problems({ check }: { check: SignedDocument['verification'] }) {
  const { t } = useTranslation();
  const problems = check.signatures.flatMap((s) => s.problems.map((p) => `${s.signer}: ${p}`));
  if (problems.length === 0) return null;
  return <Text size="xs" mt={4}>{t('portal.verify.problems')}: {problems.join('; ')}</Text>;
}

function FileCheckForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useFileCheck(id);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="check-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) check.mutate(file);
        }}
      >
        <Stack gap="sm">
          <Title order={2} id="check-title" fz="lg">{t('portal.verify.checkTitle')}</Title>
          <Text size="sm" c="dimmed">{t('portal.verify.checkHint')}</Text>
          <FileInput
            label={t('portal.verify.checkFile')}
            accept="application/pdf"
            value={file}
            onChange={(f) => {
              setFile(f);
              check.reset();
            }}
            leftSection={<IconUpload size={16} aria-hidden="true" />}
            clearable
            clearButtonProps={{ 'aria-label': t('portal.verify.clearFile') }}
            data-testid="check-file"
          />
          <Group>
            <Button type="submit" disabled={!file} loading={check.isPending} data-testid="check-button">{t('portal.verify.checkButton')}</Button>
          </Group>
          {check.isError && <ProblemAlert title={t('portal.verify.checkTitle')} error={check.error} />}
          {check.data && <CheckOutcome outcome={check.data} />}
        </Stack>
      </form>
    </Paper>
  );
}

function CheckOutcome({ outcome }: { outcome: FileCheck }) {
  const { t } = useTranslation();
  const valid = outcome.verification.signatures.filter((s) => s.valid).length;
  return (
    <Alert
      color={outcome.matches ? 'green' : 'red'}
      icon={outcome.matches ? <IconCircleCheck aria-hidden="true" /> : <IconCircleX aria-hidden="true" />}
      data-testid="check-outcome"
      data-matches={String(outcome.matches)}
      role="status"
    >
      <Text fw={600}>{outcome.matches ? t('portal.verify.matches') : t('portal.verify.doesNotMatch')}</Text>
      <Text size="xs" mt={4} style={{ overflowWrap: 'anywhere' }}>{t('portal.verify.uploadedSha256')}: {outcome.sha256}</Text>
      <Text size="xs">{t('portal.verify.uploadedSignatures', { count: outcome.verification.signatures.length, valid })}</Text>
    </Alert>
  );
}
