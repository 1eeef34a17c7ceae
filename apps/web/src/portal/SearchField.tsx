import { Button, Group, Text, TextInput, type TextInputProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props extends Omit<TextInputProps, 'label' | 'description' | 'error' | 'size'> {
  label: string;
  hint: string;
  /** Replaces the hint, in red, when set. */
  error?: string;
  submitLabel: string;
  icon: ReactNode;
  /** `md` on the home page, `sm` above a result list. */
  size: 'sm' | 'md';
}

/**
 * A labelled text box with its submit button beside it and a hint below, so the button never
 * squeezes into the box and the hint never pushes the button out of line.
 */
export function SearchField({ label, hint, error, submitLabel, icon, size, ...input }: Props) {
  const id = useId();
  return (
    <div>
      <Text component="label" htmlFor={id} display="block" fw={650} fz={size === 'md' ? 'lg' : 'sm'} mb={6}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <TextInput
          {...input}
          id={id}
          flex={1}
          size={size}
          error={Boolean(error)}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-hint`}
          leftSection={icon}
        />
        <Button type="submit" size={size} px={size === 'md' ? 'lg' : 'md'} style={{ flex: 'none' }}>
          {submitLabel}
        </Button>
      </Group>
      <Text id={`${id}-hint`} size="xs" mt={6} c={error ? 'var(--mantine-color-error)' : 'gray.7'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </Text>
    </div>
  );
}
