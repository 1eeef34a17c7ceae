import { CloseButton, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import type { PlainDate } from '@motcua/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlainDate } from '../../../shared/format.ts';
import { shortAgencyName } from '../../reports/agencyTree.ts';
import classes from '../Admin.module.css';
import { isEnded, visibleIds, type AgencyForest, type AgencyNode } from './agencyModel.ts';

interface Props {
  forest: AgencyForest;
  selectedId: string | undefined;
  today: PlainDate;
  onSelect: (node: AgencyNode) => void;
}

/**
 * The agency tree: search by name or code (with or without diacritics), collapse a branch, show
 * or hide ended agencies. Ended agencies are greyed and struck through, with their last day.
 */
export function AgencyTreeNav({ forest, selectedId, today, onSelect }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [showEnded, setShowEnded] = useState(true);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const keep = useMemo(() => visibleIds(forest, query, showEnded, today), [forest, query, showEnded, today]);
  const endedCount = useMemo(() => forest.ordered.filter((n) => isEnded(n, today)).length, [forest, today]);

  const hidden = (node: AgencyNode) => {
    if (!keep.has(node.id)) return true;
    if (query) return false; // a search shows every match, whatever was collapsed
    for (let p = node.parent; p; p = p.parent) if (collapsed.has(p.id)) return true;
    return false;
  };
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const rows = forest.ordered.filter((node) => !hidden(node));
  // The selected agency in view, also when the page opens on a link to one deep in the tree.
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <Paper withBorder p="xs" className={classes.sticky}>
      <Stack gap="xs">
        <TextInput
          size="xs"
          aria-label={t('console.admin.agencies.search')}
          placeholder={t('console.admin.agencies.searchPlaceholder')}
          leftSection={<IconSearch size={14} aria-hidden="true" />}
          rightSection={query ? <CloseButton size="xs" aria-label={t('console.admin.clearSearch')} onClick={() => setQuery('')} /> : null}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          spellCheck={false}
        />
        {endedCount > 0 && (
          <Switch
            size="xs"
            label={t('console.admin.agencies.showEnded', { count: endedCount })}
            checked={showEnded}
            onChange={(event) => setShowEnded(event.currentTarget.checked)}
          />
        )}
        <div className={classes.treeScroll}>
          {rows.length === 0 ? (
            <Text size="sm" c="gray.7" p="xs">{t('console.admin.agencies.noMatch')}</Text>
          ) : (
            <ul ref={list} className={classes.treeList} aria-label={t('console.admin.agencies.treeLabel')}>
              {rows.map((node) => {
                const ended = isEnded(node, today);
                const hasChildren = node.children.some((c) => keep.has(c.id));
                const open = !collapsed.has(node.id) || Boolean(query);
                return (
                  <li key={node.id} className={classes.treeRow} data-selected={node.id === selectedId || undefined} style={{ paddingLeft: node.depth * 14 }}>
                    {hasChildren ? (
                      <button
                        type="button"
                        className={classes.treeToggle}
                        aria-expanded={open}
                        aria-label={t(open ? 'console.admin.agencies.collapse' : 'console.admin.agencies.expand', { name: node.name })}
                        onClick={() => toggle(node.id)}
                        disabled={Boolean(query)}
                      >
                        {open ? <IconChevronDown size={14} aria-hidden="true" /> : <IconChevronRight size={14} aria-hidden="true" />}
                      </button>
                    ) : (
                      <span className={classes.treeSpacer} />
                    )}
                    <button
                      type="button"
                      className={classes.treeButton}
                      data-ended={ended || undefined}
                      aria-current={node.id === selectedId ? 'true' : undefined}
                      onClick={() => onSelect(node)}
                      title={node.name}
                    >
                      <span className={classes.treeName}>{shortAgencyName(node.name, node.shortName)}</span>
                      <Group gap={0} wrap="wrap" component="span" style={{ columnGap: 6 }}>
                        <span className={`${classes.treeMeta} motcua-code`}>{node.code}</span>
                        {ended && node.validTo && (
                          <span className={classes.treeMeta}>· {t('console.admin.agencies.endedOn', { date: formatPlainDate(node.validTo) })}</span>
                        )}
                      </Group>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <Text size="xs" c="gray.6">{t('console.admin.agencies.count', { count: forest.ordered.length })}</Text>
      </Stack>
    </Paper>
  );
}
