import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  /** Focus the first line when shown. */
  autoFocus?: boolean;
}

/**
 * Reasons as a numbered list, printed as such on forms 02 and 03. Enter on a line adds the next
 * one; Backspace on an empty line removes it.
 */
export function ReasonsInput({ label, description, value, onChange, error, autoFocus }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const refs = useRef<Array<HTMLInputElement | null>>([]);
  const lines = value.length ? value : [''];

  const focus = (index: number) => requestAnimationFrame(() => refs.current[index]?.focus());
  const set = (index: number, text: string) => onChange(lines.map((line, i) => (i === index ? text : line)));
  const add = (after: number) => {
    onChange([...lines.slice(0, after + 1), '', ...lines.slice(after + 1)]);
    focus(after + 1);
  };
  const remove = (index: number) => {
    const next = lines.filter((_, i) => i !== index);
    onChange(next.length ? next : ['']);
    focus(Math.max(0, index - 1));
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (lines[index]!.trim()) add(index);
    } else if (event.key === 'Backspace' && lines[index] === '' && lines.length > 1) {
      event.preventDefault();
      remove(index);
    }
  }

  return (
    <Input.Wrapper label={label} description={description} error={error} id={id} required>
      <Stack gap={6} mt={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={label}>
        {lines.map((line, index) => (
          <Group key={index} gap={6} wrap="nowrap" component="li" align="center">
            <Text size="sm" c="gray.7" w={22} ta="right" className="motcua-figures" aria-hidden="true">{index + 1}.</Text>
            <TextInput
              ref={(element) => { refs.current[index] = element; }}
              flex={1}
              value={line}
              maxLength={500}
              aria-label={t('console.dossier.reasons.line', { n: index + 1 })}
              error={Boolean(error) && !line.trim() && index === 0}
              onChange={(event) => set(index, event.currentTarget.value)}
              onKeyDown={(event) => onKeyDown(event, index)}
              data-autofocus={autoFocus && index === 0 ? true : undefined}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => remove(index)}
              disabled={lines.length === 1 && !line}
              aria-label={t('console.dossier.reasons.remove', { n: index + 1 })}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Button
        mt={6}
        ml={28}
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} aria-hidden="true" />}
        onClick={() => add(lines.length - 1)}
        disabled={lines.length >= 30}
      >
        {t('console.dossier.reasons.add')}
      </Button>
    </Input.Wrapper>
  );
}

/** The reasons worth sending: trimmed, without empty lines. */
export function cleanReasons(lines: readonly string[]): string[] {
  return lines.map((line) => line.trim()).filter(Boolean);
}
