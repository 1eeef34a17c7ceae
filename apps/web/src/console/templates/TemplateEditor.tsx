import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications as toasts } from '@mantine/notifications';
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ChannelLabel } from '../notifications/NotificationBadges.tsx';
import { previewTemplate, useResetTemplate, useSaveTemplate, type TemplateEntry, type TemplateText } from '../notifications/notifications.api.ts';

type Field = 'subject.vi' | 'subject.en' | 'body.vi' | 'body.en';
const fields: Field[] = ['subject.vi', 'subject.en', 'body.vi', 'body.en'];
const read = (text: TemplateText, field: Field) => { const [part, locale] = field.split('.') as ['subject' | 'body', 'vi' | 'en']; return text[part][locale]; };
const write = (text: TemplateText, field: Field, value: string): TemplateText => {
  const [part, locale] = field.split('.') as ['subject' | 'body', 'vi' | 'en'];
  return { ...text, [part]: { ...text[part], [locale]: value } };
};
const labels: Record<Field, 'subjectVi' | 'subjectEn' | 'bodyVi' | 'bodyEn'> = { 'subject.vi': 'subjectVi', 'subject.en': 'subjectEn', 'body.vi': 'bodyVi', 'body.en': 'bodyEn' };

/**
 * One template: the four texts (subjects for e-mail only), the kind's variables as chips that insert
 * themselves where the cursor was, a preview rendered by the server with sample values as one
 * types (with the issues saving would refuse, next to their field), save and back to the default.
 */
export function TemplateEditor({ entry, editable }: { entry: TemplateEntry; editable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const initial: TemplateText = entry.custom ? { subject: entry.custom.subject, body: entry.custom.body } : entry.default;
  const [text, setText] = useState<TemplateText>(initial);
  const [focused, setFocused] = useState<Field>('body.vi');
  const refs = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const [debounced] = useDebouncedValue(text, 300);
  const preview = useQuery({
    queryKey: ['notification-templates', 'preview', entry.kind, entry.channel, debounced],
    queryFn: ({ signal }) => previewTemplate(entry.kind, entry.channel, debounced, signal),
    placeholderData: (previous) => previous,
  });
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const dirty = fields.some((f) => read(text, f) !== read(initial, f));
  const withSubject = entry.channel === 'email';

  const saveError = isApiError(save.error) ? save.error : undefined;
  const issueOf = (field: Field) => {
    const issue = (saveError?.issues ?? []).find((i) => i.path === field) ?? preview.data?.issues.find((i) => i.path === field);
    return issue ? (issue.messages ? localized(issue.messages, language) : issue.message) : undefined;
  };

  const insert = (variable: string) => {
    const element = refs.current[focused];
    const current = read(text, focused);
    const token = `{{${variable}}}`;
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    setText(write(text, focused, current.slice(0, start) + token + current.slice(end)));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const onSave = () => save.mutate({ kind: entry.kind, channel: entry.channel, text }, {
    onSuccess: () => toasts.show({ color: 'green', message: t('notifications.templates.saved') }),
  });
  const onReset = () => {
    if (!window.confirm(t('notifications.templates.resetConfirm'))) return;
    reset.mutate({ kind: entry.kind, channel: entry.channel }, {
      onSuccess: () => toasts.show({ color: 'green', message: t('notifications.templates.resetDone') }),
      onError: (error) => toasts.show({ color: 'red', message: isApiError(error) ? localized(error.messages, language) : t('errors.unexpected') }),
    });
  };

  const input = (field: Field) => {
    const common = {
      label: t(`notifications.templates.${labels[field]}`),
      value: read(text, field),
      onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setText(write(text, field, event.currentTarget.value)),
      onFocus: () => setFocused(field),
      error: issueOf(field),
      readOnly: !editable,
      spellCheck: false,
      'data-field': field,
    };
    return field.startsWith('subject')
      ? <TextInput key={field} {...common} ref={(el) => { refs.current[field] = el; }} />
      : <Textarea key={field} {...common} ref={(el) => { refs.current[field] = el; }} autosize minRows={entry.channel === 'email' ? 8 : 3} maxRows={20} />;
  };

  return (
    <Stack gap="md" data-testid="template-editor" data-template={`${entry.kind}.${entry.channel}`}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={2}>
              <Title order={2} fz="h3">{t(`notifications.kind.${entry.kind}`)}</Title>
              <Group gap="xs">
                <ChannelLabel channel={entry.channel} />
                <Badge variant="light" color={entry.custom ? 'grape' : 'gray'}>{t(entry.custom ? 'notifications.templates.custom' : 'notifications.templates.byDefault')}</Badge>
                {dirty && <Badge variant="outline" color="orange.9">{t('notifications.templates.unsaved')}</Badge>}
              </Group>
              {entry.custom && (
                <Text size="xs" c="gray.7">{t('notifications.templates.editedBy', { at: formatDateTime(entry.custom.updatedAt), name: entry.custom.updatedByName ?? '—' })}</Text>
              )}
            </Stack>
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="template-variables">{t('notifications.templates.variables')}</Text>
            <Group gap={6} role="group" aria-labelledby="template-variables">
              {entry.variables.map((v) => (
                <Button key={v} size="compact-xs" radius="xl" variant="default" fw={500} disabled={!editable} onClick={() => insert(v)}
                  onMouseDown={(event) => event.preventDefault()} aria-label={t('notifications.templates.insert', { variable: `{{${v}}}` })}>
                  {`{{${v}}}`}
                </Button>
              ))}
            </Group>
          </Stack>
          {withSubject && <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">{input('subject.vi')}{input('subject.en')}</SimpleGrid>}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">{input('body.vi')}{input('body.en')}</SimpleGrid>
          {editable && (
            <Group gap="sm">
              <Button leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />} onClick={onSave} loading={save.isPending} disabled={!dirty || (preview.data?.issues.length ?? 0) > 0}>
                {t('notifications.templates.save')}
              </Button>
              {dirty && <Button variant="default" onClick={() => { save.reset(); setText(initial); }}>{t('notifications.templates.discard')}</Button>}
              {entry.custom && (
                <Button variant="subtle" color="red" leftSection={<IconRestore size={16} aria-hidden="true" />} onClick={onReset} loading={reset.isPending}>
                  {t('notifications.templates.reset')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="template-preview">
        <Title order={3} fz="h4" id="template-preview" mb="sm">{t('notifications.templates.preview')}</Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {(['vi', 'en'] as const).map((locale) => (
            <Stack key={locale} gap={6} data-testid={`template-preview-${locale}`}>
              <Group gap="xs">
                <Text size="sm" fw={600} c="gray.7">{t(locale === 'vi' ? 'notifications.templates.previewVi' : 'notifications.templates.previewEn')}</Text>
                {preview.data?.smsSegments && <Badge size="sm" variant="light" color={preview.data.smsSegments[locale] > 2 ? 'orange' : 'gray'}>{t('notifications.templates.smsSegments', { count: preview.data.smsSegments[locale] })}</Badge>}
              </Group>
              <Paper bg="gray.0" p="sm" radius="sm">
                {withSubject && preview.data?.subject[locale] && <Text fw={650} size="sm" mb={6}>{preview.data.subject[locale]}</Text>}
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{preview.data?.body[locale] ?? ''}</Text>
              </Paper>
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
