import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { levelLabel, processingTimeLabel, type PublicProcedure } from '../shared/catalogue.ts';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import { procedurePath } from './paths.ts';
import classes from './ProcedureCard.module.css';

export function ProcedureCard({ procedure }: { procedure: PublicProcedure }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2}>
            <Title order={2} fz="md" fw={650} lh={1.4}>
              <Anchor component={Link} to={procedurePath(procedure.code)} c="inherit" underline="hover">
                {procedure.name}
              </Anchor>
            </Title>
            {/* Only a national code is shown: an internal one means nothing to a citizen. */}
            {procedure.publicCode && (
              <Text size="xs" c="gray.7">{t('portal.procedures.code')} <span className="motcua-code">{procedure.publicCode}</span></Text>
            )}
          </Stack>
          {procedure.fullyOnline && (
            <Badge color="green" leftSection={<IconWorld size={12} aria-hidden="true" />} style={{ flex: 'none' }}>
              {t('portal.procedures.fullyOnline')}
            </Badge>
          )}
        </Group>
        <dl className={classes.facts}>
          <div>
            <dt>{t('portal.procedures.field')}</dt>
            <dd>{procedure.field}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.level')}</dt>
            <dd>{procedure.levels.map((level) => levelLabel(t, level)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.processingTime')}</dt>
            <dd>{processingTimeLabel(language, procedure.processingTime)}</dd>
          </div>
          <div>
            <dt>{t('portal.procedures.fee')}</dt>
            <dd className="motcua-figures">{localized(procedure.fee.text, language)}</dd>
          </div>
        </dl>
      </Stack>
    </Paper>
  );
}
