import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../shared/format.ts';
import type { ExternalFigure } from './surveys.api.ts';

const valueFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `84,12%`: the published percentage as published (two decimals). */
export function formatFigure(value: number): string {
  return `${valueFormat.format(value)}%`;
}

/**
 * SIPAS and PAR Index beside Motcua's own figures (the survey results, the managers' dashboard):
 * as the Ministry of Home Affairs published them, with their source. Never computed.
 */
export function ExternalFiguresBeside({ figures, id }: { figures: readonly ExternalFigure[]; id: string }) {
  const { t } = useTranslation();
  if (figures.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid="external-figures">
      <Stack gap={0}>
        <Title order={2} fz="lg" id={id}>{t('externalFigures.beside')}</Title>
        <Text size="xs" c="gray.7">{t('externalFigures.besideHint')}</Text>
      </Stack>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('externalFigures.kind')}</Table.Th>
                <Table.Th>{t('externalFigures.agency')}</Table.Th>
                <Table.Th ta="right">{t('externalFigures.year')}</Table.Th>
                <Table.Th ta="right">{t('externalFigures.value')}</Table.Th>
                <Table.Th ta="right">{t('externalFigures.rank')}</Table.Th>
                <Table.Th>{t('externalFigures.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td><Text size="sm" fw={600} title={t(`externalFigures.kindNames.${f.kind}`)}>{t(`externalFigures.kinds.${f.kind}`)}</Text></Table.Td>
                  <Table.Td>{f.agencyName}</Table.Td>
                  <Table.Td ta="right" className="motcua-figures">{f.year}</Table.Td>
                  <Table.Td ta="right" className="motcua-figures" fw={650}>{formatFigure(f.value)}</Table.Td>
                  <Table.Td ta="right" className="motcua-figures">{f.rank && f.rankOf ? t('externalFigures.rankLine', { rank: f.rank, of: f.rankOf }) : '—'}</Table.Td>
                  <Table.Td><Text size="sm">{f.source}{f.publishedOn ? ` (${formatPlainDate(f.publishedOn)})` : ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
