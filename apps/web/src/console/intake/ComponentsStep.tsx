import { Button, Checkbox, Group, NumberInput, Paper, Select, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { componentKinds, feeRows, type ComponentKind } from '../../shared/catalogue.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { FileAttach } from '../../shared/ui/FileAttach.tsx';
import { FeeSchedule } from '../../shared/fees/FeeSchedule.tsx';
import { ApplicantStoredDocumentPicker } from '../../portal/data-store/ApplicantStoredDocumentPicker.tsx';
import { fileUrl } from '../dossiers/dossiers.api.ts';
import { missingRequired, type Channel, type ComponentDraft, type IntakeDraft, type ResultDelivery } from './intakeDraft.ts';

interface Props {
  draft: IntakeDraft;
  onChange: (patch: Partial<IntakeDraft>) => void;
  onBusyChange: (busy: number) => void;
  feeRowError?: string;
  /** The officer may grant an exemption of the fee schedule: at counter intake, not when preparing an online dossier. */
  allowExemption?: boolean;
}

/**
 * Step 3: the checklist of papers (received or not, which kind, how many, scans, a note), then
 * the number of sets, how it came and how the result goes back, and the fee.
 */
export function ComponentsStep({ draft, onChange, onBusyChange, feeRowError, allowExemption = true }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const procedure = draft.procedure!;
  const busyByRow = useRef(new Map<number, number>());
  const setRow = (index: number, patch: Partial<ComponentDraft>) =>
    onChange({ components: draft.components.map((c) => (c.index === index ? { ...c, ...patch } : c)) });
  const rowBusy = (index: number, busy: number) => {
    busyByRow.current.set(index, busy);
    onBusyChange([...busyByRow.current.values()].reduce((a, b) => a + b, 0));
  };
  const missing = missingRequired(draft.components);
  const rows = feeRows(procedure.fee);
  const kindOptions = componentKinds.map((kind) => ({ value: kind, label: t(`dossier.kinds.${kind}`) }));

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c={missing.length ? 'red.8' : 'green.8'} fw={600} role="status">
          {missing.length
            ? t('console.intake.components.missingRequired', { count: missing.length })
            : t('console.intake.components.allRequired')}
        </Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChecks size={14} aria-hidden="true" />}
          onClick={() => onChange({ components: draft.components.map((c) => ({ ...c, received: true })) })}
        >
          {t('console.intake.components.tickAll')}
        </Button>
      </Group>
      <Paper withBorder style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={6} horizontalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80} style={{ whiteSpace: 'nowrap' }}>{t('console.intake.components.received')}</Table.Th>
                <Table.Th>{t('console.intake.components.name')}</Table.Th>
                <Table.Th w={190}>{t('console.intake.components.kind')}</Table.Th>
                <Table.Th w={84}>{t('console.intake.components.count')}</Table.Th>
                <Table.Th w={230}>{t('console.intake.components.scans')}</Table.Th>
                <Table.Th w={190}>{t('console.intake.components.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.components.map((c, i) => (
                <Table.Tr key={c.index} bg={c.required && !c.received ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td>
                    <Checkbox
                      checked={c.received}
                      onChange={(event) => setRow(c.index, { received: event.currentTarget.checked })}
                      aria-label={t('console.intake.components.receivedOf', { name: c.name })}
                      data-autofocus={i === 0 || undefined}
                      autoFocus={i === 0}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={c.required ? 600 : 400} lh={1.35}>
                      {c.name}
                      {c.required && <Text span c="red.8" title={t('console.dossier.components.required')}> *</Text>}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      data={kindOptions}
                      value={c.kind}
                      onChange={(kind) => kind && setRow(c.index, { kind: kind as ComponentKind })}
                      allowDeselect={false}
                      aria-label={t('console.intake.components.kindOf', { name: c.name })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={1}
                      max={100}
                      value={c.count}
                      onChange={(count) => setRow(c.index, { count: typeof count === 'number' && count >= 1 ? Math.floor(count) : 1 })}
                      aria-label={t('console.intake.components.countOf', { name: c.name })}
                      allowDecimal={false}
                      allowNegative={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <FileAttach
                      files={c.files}
                      onChange={(files) => setRow(c.index, { files, ...(files.length && !c.received ? { received: true } : {}) })}
                      viewUrl={(file) => fileUrl(file.id)}
                      onBusyChange={(busy) => rowBusy(c.index, busy)}
                      label={t('console.intake.components.attach')}
                      accessibleName={t('console.intake.components.attachFor', { name: c.name })}
                    />
                    <ApplicantStoredDocumentPicker
                      personalId={draft.applicant.idNumber}
                      documentType={c.documentType}
                      componentName={c.name}
                      value={c.storedDocumentIds}
                      onChange={(ids) => setRow(c.index, { storedDocumentIds: ids, ...(ids.length && !c.received ? { received: true } : {}) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={c.note}
                      onChange={(event) => setRow(c.index, { note: event.currentTarget.value })}
                      maxLength={500}
                      aria-label={t('console.intake.components.noteOf', { name: c.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group gap="lg" align="flex-start" wrap="wrap">
        <NumberInput
          label={t('console.intake.sets')}
          min={1}
          max={50}
          value={draft.sets}
          onChange={(sets) => onChange({ sets: typeof sets === 'number' && sets >= 1 ? Math.floor(sets) : 1 })}
          allowDecimal={false}
          allowNegative={false}
          w={120}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="intake-channel">{t('console.intake.channel')}</Text>
          <SegmentedControl
            aria-labelledby="intake-channel"
            value={draft.channel}
            onChange={(channel) => onChange({ channel: channel as Channel })}
            data={[
              { value: 'counter', label: t('dossier.channels.counter') },
              { value: 'postal', label: t('dossier.channels.postal') },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="intake-delivery">{t('console.intake.resultDelivery')}</Text>
          <SegmentedControl
            aria-labelledby="intake-delivery"
            value={draft.resultDelivery}
            onChange={(delivery) => onChange({ resultDelivery: delivery as ResultDelivery })}
            data={[
              { value: 'counter', label: t('dossier.deliveryShort.counter') },
              { value: 'post', label: t('dossier.deliveryShort.post') },
              { value: 'online', label: t('dossier.deliveryShort.online') },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          {rows.length > 0 ? (
            <Select
              label={t('console.intake.feeRow')}
              data={procedure.fee.table.map((row) => ({ value: row.label, label: row.label }))}
              value={draft.feeRow || null}
              onChange={(feeRow) => onChange({ feeRow: feeRow ?? '' })}
              error={feeRowError}
              required
            />
          ) : (
            <>
              <Text size="sm" fw={500}>{t('console.intake.fee')}</Text>
              <Text size="sm" className="motcua-figures" pt={6}>{localized(procedure.fee.text, language)}</Text>
            </>
          )}
        </Stack>
        {allowExemption && procedure.fee.exemptions.length > 0 && (
          <Select
            label={t('portal.fees.exemption')}
            placeholder={t('portal.fees.exemptionNone')}
            data={procedure.fee.exemptions.map((e) => ({ value: e.label, label: `${e.label} (${localized(e.text, language)})` }))}
            value={draft.feeExemption || null}
            onChange={(feeExemption) => onChange({ feeExemption: feeExemption ?? '' })}
            clearable
            miw={260}
          />
        )}
      </Group>
      {procedure.fee.items.length > 0 && (
        <Paper withBorder p="xs">
          <Text size="sm" fw={600} mb={4}>{t('portal.fees.section')}</Text>
          <FeeSchedule fee={procedure.fee} compact />
        </Paper>
      )}
    </Stack>
  );
}
