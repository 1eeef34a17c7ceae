import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ActionDialog, dangerActions } from './ActionDialog.tsx';
import type { AllowedAction, DossierDetail } from './dossiers.api.ts';

/** The action that moves the dossier on; the first of them the server allows gets the filled button. */
const forwardActions = ['receive', 'transfer', 'forward', 'resolve', 'return_result', 'receive_supplement', 'resume', 'assign'];

/**
 * The buttons for exactly the actions the server allows this user now (`allowedActions`, from the
 * shared transition table) — never more. Each opens a small dialog asking for what it needs.
 */
export function DossierActions({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<AllowedAction>();
  const primary = forwardActions.find((name) => dossier.allowedActions.some((a) => a.action === name));

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('console.dossier.actionsTitle')}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={650} mr="xs">{t('console.dossier.actionsTitle')}</Text>
        {dossier.allowedActions.length === 0 && <Text size="sm" c="gray.7">{t('console.dossier.noActions')}</Text>}
        {dossier.allowedActions.map((action) => (
          <Button
            key={action.action}
            size="sm"
            variant={action.action === primary ? 'filled' : dangerActions.has(action.action) ? 'outline' : 'default'}
            // red.8: Mantine's default red on white is 3.6:1, under WCAG's 4.5:1 for text.
            color={dangerActions.has(action.action) ? 'red.8' : undefined}
            onClick={() => setOpen(action)}
            data-action={action.action}
          >
            {localized(action.label, language)}
          </Button>
        ))}
      </Group>
      {open && <ActionDialog key={open.action} dossier={dossier} action={open} onClose={() => setOpen(undefined)} />}
    </Paper>
  );
}
