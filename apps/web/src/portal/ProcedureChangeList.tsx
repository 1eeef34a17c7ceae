import { Anchor, Badge, Group, Paper, Stack, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconArrowsExchange, IconCircleMinus, IconCirclePlus, IconPencil, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPlainDate } from '../shared/format.ts';
import { procedurePath } from './paths.ts';
import { procedureChangeKinds, type ProcedureChange, type ProcedureChangeKind } from './procedures.api.ts';
import classes from './ProcedureChanges.module.css';

const kindLook: Record<ProcedureChangeKind, { icon: Icon; color: string }> = {
  new: { icon: IconCirclePlus, color: 'green' },
  amended: { icon: IconPencil, color: 'blue' },
  replaced: { icon: IconArrowsExchange, color: 'orange' },
  abolished: { icon: IconCircleMinus, color: 'red' },
};

type Reference = { code: string; publicCode: string | null; name: string | null };

/**
 * The changes of a period, grouped by kind in the order of the law's wording (mới ban hành,
 * sửa đổi bổ sung, thay thế, bãi bỏ), newest first in each group. `today` (Vietnam) marks the
 * changes that are published but not yet in force.
 */
export function ProcedureChangeList({ items, today }: { items: ProcedureChange[]; today: string }) {
  const { t } = useTranslation();
  // A replacement names its successor; the successor, when it came in the same period, names what it replaces.
  const replaces = new Map<string, Reference>();
  for (const item of items) if (item.change === 'replaced' && item.replacedBy) replaces.set(item.replacedBy.code, { code: item.code, publicCode: item.publicCode, name: item.name });

  return (
    <Stack gap="xl">
      {procedureChangeKinds.map((kind) => {
        const group = items.filter((item) => item.change === kind).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.code.localeCompare(b.code)));
        if (group.length === 0) return null;
        const { icon: KindIcon, color } = kindLook[kind];
        const headingId = `thay-doi-${kind}`;
        return (
          <Stack component="section" gap="sm" key={kind} aria-labelledby={headingId}>
            <Group gap="xs">
              <ThemeIcon variant="light" color={color} size={32} radius="md">
                <KindIcon size={20} stroke={1.7} aria-hidden="true" />
              </ThemeIcon>
              <Title order={2} fz="h3" id={headingId}>{t(`portal.changes.kinds.${kind}`)}</Title>
              <Badge variant="light" color="gray" size="lg" className="motcua-figures">{formatNumber(group.length)}</Badge>
            </Group>
            <Stack component="ul" gap="sm" className={classes.list}>
              {group.map((item) => (
                <li key={`${item.code}-${item.version}-${item.change}`}>
                  <ChangeCard item={item} upcoming={item.date > today} replaces={item.change === 'new' ? replaces.get(item.code) : undefined} />
                </li>
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}

function ChangeCard({ item, upcoming, replaces }: { item: ProcedureChange; upcoming: boolean; replaces: Reference | undefined }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="xs" align="baseline" wrap="wrap" style={{ flex: '1 1 20rem' }}>
            {item.publicCode && <Badge variant="outline" color="gray" className="motcua-code" style={{ flex: 'none' }}>{item.publicCode}</Badge>}
            <Title order={3} fz="md" fw={650} lh={1.4} style={{ flex: '1 1 14rem' }}>
              <Anchor component={Link} to={procedurePath(item.code)} c="inherit" underline="always">{item.name}</Anchor>
            </Title>
          </Group>
          {upcoming && <Badge color="gold" variant="light" c="gold.9" style={{ flex: 'none' }}>{t('portal.changes.upcoming')}</Badge>}
        </Group>
        <dl className={classes.facts}>
          <Fact label={t(`portal.changes.dateLabel.${item.change}`)}>
            <span className="motcua-figures">{formatPlainDate(item.date)}</span>
          </Fact>
          <Fact label={t('portal.changes.field')}>{item.field}</Fact>
          {item.changeNote && <Fact label={t('portal.changes.note')}>{item.changeNote}</Fact>}
          {item.legalBasis && <Fact label={t('portal.changes.legalBasis')}>{item.legalBasis}</Fact>}
          {item.replacedBy && <Fact label={t('portal.changes.replacedBy')}><ProcedureReference reference={item.replacedBy} /></Fact>}
          {replaces && <Fact label={t('portal.changes.replaces')}><ProcedureReference reference={replaces} /></Fact>}
        </dl>
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** "→ 1.001193 Đăng ký khai sinh", a link to that procedure's page; an internal code is never shown. */
function ProcedureReference({ reference }: { reference: Reference }) {
  return (
    <Anchor component={Link} to={procedurePath(reference.code)} fz="sm">
      <IconArrowRight size={14} aria-hidden="true" style={{ verticalAlign: '-2px', marginRight: 4 }} />
      {reference.publicCode && <><span className="motcua-code">{reference.publicCode}</span> </>}{reference.name ?? ''}
    </Anchor>
  );
}
