import { Alert, Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { feedbackCategories, isEmail, isPhone, isSeparateProcedure, separateProcedures, type FeedbackCategory } from '@motcua/domain';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { newIdempotencyKey } from '../../shared/idempotency.ts';
import { ErrorState } from '../../shared/ui/ErrorState.tsx';
import { useCitizen } from '../citizen/session.ts';
import { feedbackStatusPath } from '../paths.ts';
import { usePublicAgencies } from '../../shared/catalogue.ts';
import { useSendFeedback, type FeedbackBody, type FeedbackReceipt } from './feedback.api.ts';

interface Fields {
  category: FeedbackCategory;
  agency: string | null;
  title: string;
  content: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  publish: boolean;
}

const empty: Fields = { category: 'feedback', agency: null, title: '', content: '', name: '', phone: '', email: '', address: '', publish: false };

/**
 * The portal's form: what it is (a complaint or a denunciation is pointed to its own procedure
 * instead of being sent), the agency, title and content, the sender (optional: anonymous is
 * allowed) and the consent to publish. The answer: the code, the due instant the server computed
 * and the security code, shown once. `agency` chooses the agency in advance (the desk's poster
 * links `/phan-anh?co-quan=<code>`).
 */
export function FeedbackForm({ agency: initialAgency }: { agency?: string | undefined } = {}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const citizen = useCitizen();
  const agencies = usePublicAgencies();
  const send = useSendFeedback();
  const [fields, setFields] = useState<Fields>(() => ({ ...empty, agency: initialAgency ?? null }));
  const [tried, setTried] = useState(false);
  const key = useRef(newIdempotencyKey());
  const [receipt, setReceipt] = useState<FeedbackReceipt | undefined>();
  const prefilled = useRef(false);

  // Signed in with the e-ID: the sender's name and contacts come from the identity (editable).
  const profile = citizen.data;
  if (profile && !prefilled.current) {
    prefilled.current = true;
    setFields((f) => ({ ...f, name: f.name || profile.fullName, email: f.email || (profile.email ?? ''), phone: f.phone || (profile.phone ?? '') }));
  }

  const agencyOptions = useMemo(() => (agencies.data?.items ?? []).map((a) => ({ value: a.code, label: a.name })), [agencies.data]);
  // An agency from the address that is not in the directory is no choice at all.
  const agency = agencyOptions.some((o) => o.value === fields.agency) ? fields.agency : null;
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((f) => ({ ...f, [name]: value }));
  const separate = isSeparateProcedure(fields.category);
  const contact = Boolean(fields.phone.trim() || fields.email.trim() || fields.address.trim());
  const errors = {
    title: !fields.title.trim() ? t('feedback.portal.form.required', { field: t('feedback.portal.form.title').toLowerCase() }) : undefined,
    content: !fields.content.trim() ? t('feedback.portal.form.required', { field: t('feedback.portal.form.content').toLowerCase() }) : undefined,
    name: contact && !fields.name.trim() ? t('feedback.portal.form.nameRequired') : undefined,
    phone: fields.phone.trim() && !isPhone(fields.phone.trim()) ? t('feedback.portal.form.phone') : undefined,
    email: fields.email.trim() && !isEmail(fields.email.trim()) ? t('feedback.portal.form.email') : undefined,
  };
  const shown = (name: keyof typeof errors) => (tried ? errors[name] : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (separate || Object.values(errors).some(Boolean)) return;
    const sender = fields.name.trim()
      ? {
        name: fields.name.trim(),
        ...(fields.phone.trim() ? { phone: fields.phone.trim() } : {}),
        ...(fields.email.trim() ? { email: fields.email.trim() } : {}),
        ...(fields.address.trim() ? { address: fields.address.trim() } : {}),
      }
      : undefined;
    const body: FeedbackBody = {
      title: fields.title.trim(), content: fields.content.trim(), publish: fields.publish, category: fields.category,
      ...(agency ? { agency } : {}), ...(sender ? { sender } : {}),
    };
    send.mutate({ body, key: key.current }, { onSuccess: setReceipt });
  }

  if (receipt) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="feedback-receipt" data-testid="feedback-receipt">
        <Stack gap="sm">
          <Group gap="xs">
            <IconCircleCheck size={24} color="var(--mantine-color-green-7)" aria-hidden="true" />
            <Title order={2} fz="h3" id="feedback-receipt">{t('feedback.portal.receipt.title')}</Title>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('feedback.portal.receipt.code')} value={receipt.code} code testId="feedback-code" />
            <Fact label={t('feedback.portal.receipt.agency')} value={receipt.agency.name} />
            <Fact label={t('feedback.portal.receipt.receivedAt')} value={formatDateTime(receipt.receivedAt)} />
            <Fact label={t('feedback.portal.receipt.dueAt')} value={formatDateTime(receipt.dueAt)} testId="feedback-due" />
          </SimpleGrid>
          <Text size="sm" c="gray.7">{t('feedback.portal.receipt.dueHint')}</Text>
          <Alert variant="light" color="gold" title={`${t('feedback.portal.receipt.securityCode')}: ${receipt.securityCode}`} icon={<IconInfoCircle size={18} aria-hidden="true" />}>
            <Text size="sm" c="gray.9">{t('feedback.portal.receipt.securityCodeHint')}</Text>
          </Alert>
          <Group gap="sm">
            <Button component={Link} to={feedbackStatusPath(receipt.code)}>{t('feedback.portal.receipt.statusLink')}</Button>
            <Button variant="default" onClick={() => { setReceipt(undefined); setFields({ ...empty, name: fields.name, phone: fields.phone, email: fields.email, address: fields.address }); setTried(false); key.current = newIdempotencyKey(); send.reset(); }}>
              {t('feedback.portal.receipt.another')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="h3" id="feedback-form-title">{t('feedback.portal.form.heading')}</Title>
          <Radio.Group label={t('feedback.portal.form.category')} value={fields.category} onChange={(v) => set('category', v as FeedbackCategory)}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
              {feedbackCategories.map((c) => (
                <Radio.Card key={c} value={c} p="sm" radius="md" data-category={c}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Radio.Indicator size="sm" mt={2} />
                    <Stack gap={2}>
                      <Text size="sm" fw={600}>{t(`feedback.category.${c}`)}</Text>
                      <Text size="xs" c="gray.7">{t(`feedback.portal.form.hints.${c}`)}</Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>

          {separate ? (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />} data-testid="feedback-separate"
              title={t('feedback.portal.form.separateTitle', { category: t(`feedback.category.${fields.category}`) })}>
              <Text size="sm" c="gray.9">{localized(separateProcedures[fields.category as 'complaint' | 'denunciation'].guidance, language)}</Text>
            </Alert>
          ) : (
            <>
              <Select
                label={t('feedback.portal.form.agency')}
                placeholder={t('feedback.portal.form.agencyPlaceholder')}
                description={t('feedback.portal.form.agencyHint')}
                data={agencyOptions}
                value={agency}
                onChange={(v) => set('agency', v)}
                searchable
                clearable
                nothingFoundMessage="—"
                maxDropdownHeight={280}
              />
              <TextInput label={t('feedback.portal.form.title')} placeholder={t('feedback.portal.form.titlePlaceholder')} required maxLength={300}
                value={fields.title} onChange={(e) => set('title', e.currentTarget.value)} error={shown('title')} />
              <Textarea label={t('feedback.portal.form.content')} description={t('feedback.portal.form.contentHint')} required maxLength={10_000}
                autosize minRows={5} maxRows={14} value={fields.content} onChange={(e) => set('content', e.currentTarget.value)} error={shown('content')} />
              <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                <Text component="legend" fw={600} size="sm" p={0}>{t('feedback.portal.form.sender')}</Text>
                <Text size="xs" c="gray.7">{t('feedback.portal.form.senderHint')}</Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput label={t('feedback.portal.form.name')} autoComplete="name" maxLength={200} value={fields.name}
                    onChange={(e) => set('name', e.currentTarget.value)} error={shown('name')} />
                  <TextInput label={t('feedback.portal.form.phone')} autoComplete="tel" inputMode="tel" maxLength={20} value={fields.phone}
                    onChange={(e) => set('phone', e.currentTarget.value)} error={shown('phone')} />
                  <TextInput label={t('feedback.portal.form.email')} description={t('feedback.portal.form.emailHint')} autoComplete="email" inputMode="email"
                    maxLength={254} value={fields.email} onChange={(e) => set('email', e.currentTarget.value)} error={shown('email')} />
                  <TextInput label={t('feedback.portal.form.address')} autoComplete="street-address" maxLength={300} value={fields.address}
                    onChange={(e) => set('address', e.currentTarget.value)} />
                </SimpleGrid>
              </Stack>
              <Checkbox label={t('feedback.portal.form.consent')} description={t('feedback.portal.form.consentHint')} checked={fields.publish}
                onChange={(e) => set('publish', e.currentTarget.checked)} data-testid="feedback-consent" />
              {send.isError && <ErrorState title={t('feedback.portal.form.failed')} error={send.error} />}
              <Group>
                <Button type="submit" loading={send.isPending} data-testid="feedback-submit">{t('feedback.portal.form.submit')}</Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function Fact({ label, value, code, testId }: { label: string; value: string; code?: boolean; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="gray.7">{label}</Text>
      <Text fw={650} fz={code ? 'lg' : 'sm'} className={code ? 'motcua-code' : undefined} data-testid={testId}>{value}</Text>
    </Stack>
  );
}

