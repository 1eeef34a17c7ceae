import { Anchor, Badge, DataList, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconPaperclip, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { componentKindLabel } from '../../shared/catalogue.ts';
import { emptyValue, formatCurrency } from '../../shared/format.ts';
import { fileUrl, type DossierDetail } from './dossiers.api.ts';

type Channel = 'counter' | 'postal' | 'online';
type Delivery = 'counter' | 'post' | 'online';

/** Who filed the dossier and how: applicant, channel, result delivery, sets, fee, agencies. */
export function DossierApplicant({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const a = dossier.applicant;
  const org = a.kind === 'organization';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="applicant-title">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Title order={2} fz="h4" id="applicant-title">{t('console.dossier.sections.applicant')}</Title>
          <DataList labelWidth="9rem" size="sm">
            <Item label={t(org ? 'dossier.applicant.orgName' : 'dossier.applicant.name')}><Text fw={600} size="sm">{a.name}</Text></Item>
            <Item label={t(org ? 'dossier.applicant.taxCode' : 'dossier.applicant.idNumber')}>{a.idNumber ? <span className="motcua-code">{a.idNumber}</span> : emptyValue}</Item>
            {a.representative && <Item label={t('dossier.applicant.representative')}>{a.representative}</Item>}
            <Item label={t('dossier.applicant.phone')}>{a.phone ?? emptyValue}</Item>
            <Item label={t('dossier.applicant.email')}>{a.email ?? emptyValue}</Item>
            <Item label={t('dossier.applicant.address')}>{a.address ?? emptyValue}</Item>
          </DataList>
        </Stack>
        <Stack gap="xs">
          <Title order={2} fz="h4">{t('console.dossier.sections.details')}</Title>
          <DataList labelWidth="9rem" size="sm">
            <Item label={t('console.dossier.channel')}>{t(`dossier.channels.${dossier.channel as Channel}`)}</Item>
            <Item label={t('console.dossier.resultDelivery')}>{t(`dossier.delivery.${dossier.resultDelivery as Delivery}`)}</Item>
            <Item label={t('console.dossier.sets')}><span className="motcua-figures">{dossier.sets}</span></Item>
            <Item label={t('console.dossier.fee')}>
              {dossier.fee.amount === 0 ? t('portal.procedures.free') : (
                <Group gap={6}>
                  <span className="motcua-figures">{formatCurrency(dossier.fee.amount)}</span>
                  <Badge size="sm" color={dossier.fee.paid ? 'green' : 'gray'}>{t(dossier.fee.paid ? 'console.dossier.feePaid' : 'console.dossier.feeUnpaid')}</Badge>
                </Group>
              )}
            </Item>
            <Item label={t('console.dossier.digitization')}>{t(dossier.digitized ? 'console.dossier.digitized' : 'console.dossier.notDigitized')}</Item>
            <Item label={t('console.dossier.receivingAgency')}>{dossier.agency.name}</Item>
            {dossier.handlingAgency.id !== dossier.agency.id && <Item label={t('console.dossier.handlingAgency')}>{dossier.handlingAgency.name}</Item>}
          </DataList>
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/**
 * The papers of the dossier: kind (original, certified copy, copy, electronic), count, received,
 * scans — and the supplement's files, under the component they complete (sent online by the
 * applicant, or scanned by the officer who received them).
 */
export function DossierComponents({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const supplementsOf = (index: number | null) => dossier.files.filter((f) => f.purpose === 'supplement' && f.componentIndex === index);
  return (
    <Paper withBorder component="section" aria-labelledby="components-title" style={{ overflow: 'hidden' }}>
      <Title order={2} fz="h4" id="components-title" px="md" pt="md" pb="xs">{t('console.dossier.sections.components')}</Title>
      {dossier.components.length === 0 && <Text size="sm" c="gray.7" px="md" pb="md">{t('console.dossier.components.none')}</Text>}
      {dossier.components.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  <Table.Th>{t('console.dossier.components.name')}</Table.Th>
                  <Table.Th>{t('console.dossier.components.kind')}</Table.Th>
                  <Table.Th ta="right">{t('console.dossier.components.count')}</Table.Th>
                  <Table.Th>{t('console.dossier.components.received')}</Table.Th>
                  <Table.Th>{t('console.dossier.components.files')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dossier.components.map((component, i) => (
                  <Table.Tr key={component.index}>
                    <Table.Td className="motcua-figures" c="gray.7">{i + 1}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {component.name}
                        {component.required && <Text span c="red.8" aria-label={t('console.dossier.components.required')}> *</Text>}
                      </Text>
                      {component.note && <Text size="xs" c="gray.7">{component.note}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{componentKindLabel(t, component.kind)}</Text></Table.Td>
                    <Table.Td ta="right" className="motcua-figures">{component.count}</Table.Td>
                    <Table.Td>
                      {component.received
                        ? <Group gap={4} c="green.8"><IconCheck size={16} aria-hidden="true" /><Text size="sm">{t('console.dossier.components.yes')}</Text></Group>
                        : <Group gap={4} c={component.required ? 'red.8' : 'gray.6'}><IconX size={16} aria-hidden="true" /><Text size="sm">{t('console.dossier.components.no')}</Text></Group>}
                    </Table.Td>
                    <Table.Td>
                      {component.fileIds.length === 0 && !supplementsOf(component.index).length ? <Text size="sm" c="gray.6">{emptyValue}</Text> : (
                        <Group gap="xs">
                          {component.fileIds.map((id, n) => (
                            <Anchor key={id} href={fileUrl(id)} target="_blank" rel="noopener" size="sm">
                              <Group gap={2} wrap="nowrap"><IconPaperclip size={14} aria-hidden="true" />{dossier.files.find((f) => f.id === id)?.name ?? t('console.dossier.components.file', { n: n + 1 })}</Group>
                            </Anchor>
                          ))}
                          {supplementsOf(component.index).map((file) => <SupplementFile key={file.id} file={file} />)}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="gray.6" px="md" py={6}>{t('console.dossier.components.requiredNote')}</Text>
        </>
      )}
      {supplementsOf(null).length > 0 && (
        <Group gap="xs" px="md" pt={6}>
          <Text size="sm" fw={600}>{t('dossier.supplement.files')}:</Text>
          {supplementsOf(null).map((file) => <SupplementFile key={file.id} file={file} />)}
        </Group>
      )}
    </Paper>
  );
}

/** A file of the supplement, marked as such. */
function SupplementFile({ file }: { file: DossierDetail['files'][number] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Anchor href={fileUrl(file.id)} target="_blank" rel="noopener" size="sm">
        <Group gap={2} wrap="nowrap"><IconPaperclip size={14} aria-hidden="true" />{file.name}</Group>
      </Anchor>
      <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>{t('dossier.supplement.file')}</Badge>
    </Group>
  );
}
