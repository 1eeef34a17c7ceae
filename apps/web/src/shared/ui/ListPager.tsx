import { Button, Group, Pagination, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format.ts';

export interface ListPagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** "51–100 trong 1.234 …", from the numbers already formatted. */
  range: (values: { from: string; to: string; total: string }) => string;
  paginationLabel: string;
  /** A refresh button beside the range, for lists that others change while one reads them. */
  refresh?: { label: string; loading: boolean; onRefresh: () => void };
}

/** Under a paged list: which rows are shown out of how many, and the page buttons when there are several. */
export function ListPager({ page, pageSize, total, onPage, range, paginationLabel, refresh }: ListPagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const shown = (
    <Text size="sm" c="gray.7" className="motcua-figures" role="status">
      {range({ from: formatNumber(first), to: formatNumber(Math.min(total, first + pageSize - 1)), total: formatNumber(total) })}
    </Text>
  );
  return (
    <Group justify="space-between" gap="sm">
      {refresh ? (
        <Group gap="xs">
          {shown}
          <Button
            variant="subtle"
            size="compact-sm"
            color="gray"
            leftSection={<IconRefresh size={14} aria-hidden="true" />}
            loading={refresh.loading}
            onClick={refresh.onRefresh}
          >
            {refresh.label}
          </Button>
        </Group>
      ) : shown}
      {pages > 1 && (
        <Pagination
          size="sm"
          total={pages}
          value={page}
          onChange={onPage}
          aria-label={paginationLabel}
          // Mantine's arrows carry no text: name them, and the page buttons, for screen readers.
          getControlProps={(control) => ({ 'aria-label': t(`common.pages.${control}`) })}
          getItemProps={(n) => ({ 'aria-label': t('common.pages.page', { page: n }) })}
        />
      )}
    </Group>
  );
}
