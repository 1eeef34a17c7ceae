import { ActionIcon, Button, Grid, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { notifications } from '@mantine/notifications';
import { externalFigureKinds, externalFigureLevels, externalFigureLimits, type ExternalFigureKind } from '@motcua/domain';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { formatPlainDate } from '../../shared/format.ts';
import { useLanguage } from '../../shared/i18n/index.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { PageLoader } from '../../shared/ui/PageLoader.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { useStaffAgencies } from '../reports/reports.api.ts';
import { vietnamToday } from '../reports/periods.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { formatFigure } from './ExternalFiguresBeside.tsx';
import { useDeleteFigure, useExternalFigures, useSaveFigure, type ExternalFigure } from './surveys.api.ts';

export function ExternalFiguresPage() {
  return (
    <SectionGuard section="externalFigures">
      <ExternalFigures />
    </SectionGuard>
  );
}

/**
 * `/console/so-lieu-ngoai`: SIPAS and PAR Index as the Ministry of Home Affairs published them
 * (docs/rules/service-quality.md, "External figures"). Administrators enter them per province or
 * district and year with the publishing decision; everyone with the section reads them. Nothing
 * here computes an index.
 */
function ExternalFigures() {
  const { t } = useTranslation();
  usePageTitle(t('externalFigures.title'));
  const staff = useStaff();
  const isAdmin = staff.assignments.some((a) => a.role === 'admin');
  const [year, setYear] = useState<string | null>(null);
  const figures = useExternalFigures(year ? { year: Number(year) } : {});
  const remove = useDeleteFigure();
  const [deleting, setDeleting] = useState<string | null>(null);
  const currentYear = Number(vietnamToday(Date.now()).slice(0, 4));
  const years = Array.from({ length: 12 }, (_, i) => String(currentYear - i));

  return (
    <Stack gap="md" maw={1300}>
      <Stack gap={2}>
        <Title order={1} data-testid="console-externalFigures">{t('externalFigures.title')}</Title>
        <Text size="sm" c="gray.7" maw={900}>{t('externalFigures.subtitle')}</Text>
      </Stack>
      <Grid gap="md">
        {isAdmin && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <FigureForm />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, lg: isAdmin ? 7 : 12 }}>
          <Stack gap="sm">
            <Select label={t('externalFigures.filterYear')} value={year ?? ''} onChange={(v) => setYear(v || null)} allowDeselect={false} w={200}
              data={[{ value: '', label: t('externalFigures.allYears') }, ...years.map((y) => ({ value: y, label: y }))]} />
            {remove.isError && <ProblemAlert title={t('externalFigures.failed')} error={remove.error} />}
            {figures.isPending ? <PageLoader /> : figures.isError ? (
              <ErrorState title={t('externalFigures.title')} error={figures.error} onRetry={() => void figures.refetch()} />
            ) : figures.data.items.length === 0 ? <Paper withBorder p="lg"><Text c="gray.7">{t('externalFigures.empty')}</Text></Paper> : (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="xs" data-testid="external-figure-list">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('externalFigures.year')}</Table.Th>
                        <Table.Th>{t('externalFigures.kind')}</Table.Th>
                        <Table.Th>{t('externalFigures.agency')}</Table.Th>
                        <Table.Th ta="right">{t('externalFigures.value')}</Table.Th>
                        <Table.Th ta="right">{t('externalFigures.rank')}</Table.Th>
                        <Table.Th>{t('externalFigures.source')}</Table.Th>
                        {isAdmin && <Table.Th><VisuallyHidden>{t('externalFigures.delete')}</VisuallyHidden></Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {figures.data.items.map((f: ExternalFigure) => (
                        <Table.Tr key={f.id}>
                          <Table.Td className="motcua-figures">{f.year}</Table.Td>
                          <Table.Td><Text size="sm" fw={600} title={t(`externalFigures.kindNames.${f.kind}`)}>{t(`externalFigures.kinds.${f.kind}`)}</Text></Table.Td>
                          <Table.Td>{f.agencyName}</Table.Td>
                          <Table.Td ta="right" className="motcua-figures" fw={650}>{formatFigure(f.value)}</Table.Td>
                          <Table.Td ta="right" className="motcua-figures">{f.rank && f.rankOf ? t('externalFigures.rankLine', { rank: f.rank, of: f.rankOf }) : '—'}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{f.source}</Text>
                            {f.publishedOn && <Text size="xs" c="gray.7">{formatPlainDate(f.publishedOn)}</Text>}
                          </Table.Td>
                          {isAdmin && (
                            <Table.Td>
                              <ActionIcon variant="subtle" color="red" loading={remove.isPending && deleting === f.id}
                                aria-label={t('externalFigures.deleteLabel', { kind: t(`externalFigures.kinds.${f.kind}`), year: f.year, agency: f.agencyName })}
                                onClick={() => {
                                  if (!window.confirm(t('externalFigures.deleteConfirm'))) return;
                                  setDeleting(f.id);
                                  remove.mutate(f.id, { onSuccess: () => notifications.show({ color: 'green', message: t('externalFigures.deleted') }) });
                                }}>
                                <IconTrash size={16} aria-hidden="true" />
                              </ActionIcon>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Enter or correct one published figure (the same agency, year and index replace the old one, audited). */
function FigureForm() {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useStaffAgencies();
  const save = useSaveFigure();
  const [agency, setAgency] = useState<string | null>(null);
  const [kind, setKind] = useState<ExternalFigureKind>('sipas');
  const [year, setYear] = useState<number | string>(Number(vietnamToday(Date.now()).slice(0, 4)) - 1);
  const [value, setValue] = useState<number | string>('');
  const [rank, setRank] = useState<number | string>('');
  const [rankOf, setRankOf] = useState<number | string>('');
  const [source, setSource] = useState('');
  const [publishedOn, setPublishedOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const issues = isApiError(save.error) ? save.error.issues : [];
  const issueAt = (path: string) => issues.find((i) => i.path === path)?.message;
  const options = useMemo(() => (agencies.data?.items ?? []).filter((a) => externalFigureLevels.includes(a.level))
    .map((a) => ({ value: a.code, label: a.name })), [agencies.data]);
  const num = (v: number | string) => (v === '' ? null : Number(v));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!agency) return;
    save.mutate({
      agency, kind, year: Number(year), value: Number(value), rank: num(rank), rankOf: num(rankOf), source: source.trim(),
      publishedOn: publishedOn || null, note: note.trim() || null,
    }, { onSuccess: () => notifications.show({ color: 'green', message: t('externalFigures.entered') }) });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="figure-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="figure-form-title">{t('externalFigures.formTitle')}</Title>
          <Text size="xs" c="gray.7">{t('externalFigures.formHint')}</Text>
          <Select label={t('externalFigures.agency')} placeholder={t('externalFigures.agencyPlaceholder')} data={options} value={agency} onChange={setAgency} required searchable
            error={issueAt('agency')} />
          <Group grow gap="sm" align="flex-start">
            <Select label={t('externalFigures.kind')} value={kind} onChange={(v) => v && setKind(v as ExternalFigureKind)} allowDeselect={false}
              data={externalFigureKinds.map((k) => ({ value: k, label: t(`externalFigures.kinds.${k}`) }))} />
            <NumberInput label={t('externalFigures.year')} value={year} onChange={setYear} min={externalFigureLimits.yearMin} max={externalFigureLimits.yearMax}
              allowDecimal={false} thousandSeparator="" required error={issueAt('year')} />
          </Group>
          <Group grow gap="sm" align="flex-start">
            <NumberInput label={t('externalFigures.value')} value={value} onChange={setValue} min={0} max={100} decimalScale={2} decimalSeparator="," required error={issueAt('value')} />
            <NumberInput label={t('externalFigures.rank')} value={rank} onChange={setRank} min={1} allowDecimal={false} error={issueAt('rank')} />
            <NumberInput label={t('externalFigures.rankOf')} value={rankOf} onChange={setRankOf} min={1} allowDecimal={false} error={issueAt('rankOf')} />
          </Group>
          <TextInput label={t('externalFigures.source')} placeholder={t('externalFigures.sourcePlaceholder')} value={source} onChange={(e) => setSource(e.currentTarget.value)}
            required maxLength={externalFigureLimits.sourceMax} error={issueAt('source')} />
          <DatesProvider settings={{ locale: language === 'vi' ? 'vi' : 'en', firstDayOfWeek: 1 }}>
            <DateInput label={t('externalFigures.publishedOn')} value={publishedOn} onChange={setPublishedOn} valueFormat="DD/MM/YYYY" clearable />
          </DatesProvider>
          <Textarea label={t('externalFigures.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={externalFigureLimits.noteMax} autosize minRows={1} />
          {save.isError && <ProblemAlert title={t('externalFigures.failed')} error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!agency} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>{t('externalFigures.enter')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
