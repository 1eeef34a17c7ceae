import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { IconArrowLeft } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { feedbackCategories, feedbackChannels, feedbackIntakeRoles, isEmail, isPhone, type FeedbackCategory, type FeedbackChannel } from '@motcua/domain';
import { newIdempotencyKey } from '../../shared/idempotency.ts';
import { DateField } from '../../shared/ui/DateField.tsx';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import { usePageTitle } from '../../shared/ui/page.ts';
import { agenciesWith } from '../documents/roles.ts';
import { SectionGuard } from '../SectionGuard.tsx';
import { useStaff } from '../useStaff.ts';
import { useTakeInFeedback, type IntakeInput } from './feedback.api.ts';

type StaffChannel = Exclude<FeedbackChannel, 'portal'>;

export function FeedbackIntakePage() {
  return (
    <SectionGuard section="feedback">
      <Intake />
    </SectionGuard>
  );
}

/**
 * `/console/phan-anh/moi`: feedback received at the counter, by phone, by letter or by e-mail. A
 * letter that arrived earlier is taken in with its arrival time, from which the server counts.
 */
function Intake() {
  const { t } = useTranslation();
  usePageTitle(t('feedback.console.intake.title'));
  const staff = useStaff();
  const navigate = useNavigate();
  const takeIn = useTakeInFeedback();
  const agencies = agenciesWith(staff.assignments, feedbackIntakeRoles);
  const key = useRef(newIdempotencyKey());
  const [agencyId, setAgencyId] = useState<string | null>(agencies[0]?.value ?? null);
  const [channel, setChannel] = useState<StaffChannel>('counter');
  const [category, setCategory] = useState<FeedbackCategory>('feedback');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [sender, setSender] = useState({ name: '', phone: '', email: '', address: '' });
  const [publish, setPublish] = useState(false);
  const [tried, setTried] = useState(false);
  const contact = Boolean(sender.phone.trim() || sender.email.trim() || sender.address.trim());
  const errors = {
    agency: !agencyId ? t('feedback.portal.form.required', { field: t('feedback.console.intake.agency').toLowerCase() }) : undefined,
    title: !title.trim() ? t('feedback.portal.form.required', { field: t('feedback.portal.form.title').toLowerCase() }) : undefined,
    content: !content.trim() ? t('feedback.portal.form.required', { field: t('feedback.portal.form.content').toLowerCase() }) : undefined,
    name: contact && !sender.name.trim() ? t('feedback.portal.form.nameRequired') : undefined,
    phone: sender.phone.trim() && !isPhone(sender.phone.trim()) ? t('feedback.portal.form.phone') : undefined,
    email: sender.email.trim() && !isEmail(sender.email.trim()) ? t('feedback.portal.form.email') : undefined,
    time: time && !date ? t('feedback.console.intake.date') : undefined,
  };
  const shown = (name: keyof typeof errors) => (tried ? errors[name] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean) || !agencyId) return;
    const who = sender.name.trim()
      ? {
        name: sender.name.trim(),
        ...(sender.phone.trim() ? { phone: sender.phone.trim() } : {}),
        ...(sender.email.trim() ? { email: sender.email.trim() } : {}),
        ...(sender.address.trim() ? { address: sender.address.trim() } : {}),
      }
      : undefined;
    const body: IntakeInput = {
      agencyId, channel, category, title: title.trim(), content: content.trim(), publish,
      ...(who ? { sender: who } : {}),
      // Vietnam time (UTC+07:00, no daylight saving), as every instant of the product.
      ...(date ? { receivedAt: `${date}T${time || '08:00'}:00+07:00` } : {}),
    };
    takeIn.mutate({ body, key: key.current }, { onSuccess: (detail) => void navigate(`/console/phan-anh/${detail.id}`) });
  }

  const channels = feedbackChannels.filter((c): c is StaffChannel => c !== 'portal');
  return (
    <Stack gap="md" maw={900}>
      <Button component={Link} to="/console/phan-anh" variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
        {t('feedback.console.intake.back')}
      </Button>
      <Stack gap={2}>
        <Title order={1} data-testid="feedback-intake">{t('feedback.console.intake.title')}</Title>
        <Text c="gray.7" size="sm">{t('feedback.console.intake.subtitle')}</Text>
      </Stack>
      <Card padding="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select label={t('feedback.console.intake.agency')} data={agencies} value={agencyId} onChange={setAgencyId} required error={shown('agency')} searchable />
              <Select label={t('feedback.console.intake.channel')} data={channels.map((c) => ({ value: c, label: t(`feedback.channel.${c}`) }))} value={channel}
                onChange={(v) => v && setChannel(v as StaffChannel)} allowDeselect={false} />
              <Select label={t('feedback.console.detail.category')} data={feedbackCategories.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} value={category}
                onChange={(v) => v && setCategory(v as FeedbackCategory)} allowDeselect={false} />
            </SimpleGrid>
            <Stack gap={4}>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <DateField label={t('feedback.console.intake.date')} value={date} onChange={setDate} clearable w={{ base: '100%', xs: 180 }} error={shown('time')} />
                <TimeInput label={t('feedback.console.intake.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} w={{ base: '100%', xs: 130 }} />
              </Group>
              <Text size="xs" c="gray.7">{t('feedback.console.intake.receivedAtHint')}</Text>
            </Stack>
            <TextInput label={t('feedback.portal.form.title')} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={shown('title')} />
            <Textarea label={t('feedback.portal.form.content')} required maxLength={10_000} autosize minRows={5} maxRows={14} value={content}
              onChange={(e) => setContent(e.currentTarget.value)} error={shown('content')} />
            <Text fw={600} size="sm">{t('feedback.portal.form.sender')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('feedback.portal.form.name')} maxLength={200} value={sender.name} onChange={(e) => setSender({ ...sender, name: e.currentTarget.value })} error={shown('name')} />
              <TextInput label={t('feedback.portal.form.phone')} maxLength={20} value={sender.phone} onChange={(e) => setSender({ ...sender, phone: e.currentTarget.value })} error={shown('phone')} />
              <TextInput label={t('feedback.portal.form.email')} maxLength={254} value={sender.email} onChange={(e) => setSender({ ...sender, email: e.currentTarget.value })} error={shown('email')} />
              <TextInput label={t('feedback.portal.form.address')} maxLength={300} value={sender.address} onChange={(e) => setSender({ ...sender, address: e.currentTarget.value })} />
            </SimpleGrid>
            <Checkbox label={t('feedback.portal.form.consent')} description={t('feedback.portal.form.consentHint')} checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} />
            {takeIn.isError && <ProblemAlert title={t('feedback.console.intake.failed')} error={takeIn.error} />}
            <Group><Button type="submit" loading={takeIn.isPending}>{t('feedback.console.intake.submit')}</Button></Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
