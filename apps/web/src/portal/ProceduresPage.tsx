import { Anchor, Container, EmptyState, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconHistory, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../shared/api.ts';
import { formatNumber } from '../shared/format.ts';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { PageLoader } from '../shared/ui/PageLoader.tsx';
import { usePageTitle } from '../shared/ui/page.ts';
import { ProcedureCard } from './ProcedureCard.tsx';
import { ProcedureFilters } from './ProcedureFilters.tsx';
import { ProcedureSearchForm } from './ProcedureSearchForm.tsx';
import { proceduresPageSize, usePublicProcedures } from './procedures.api.ts';
import { catalogueFiltersOf, procedureChangesPath, proceduresPath } from './paths.ts';

export function ProceduresPage() {
  const { t } = useTranslation();
  usePageTitle(t('portal.procedures.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = (params.get('q') ?? '').trim();
  const page = Math.max(1, Number.parseInt(params.get('trang') ?? '1', 10) || 1);
  const filters = catalogueFiltersOf(params);
  const filtered = Boolean(filters.field || filters.level || filters.agency);
  const result = usePublicProcedures(query, page, filters);

  return (
    <Container size="lg" py="lg">
      <Stack gap="md">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={1} data-testid="procedures-page">{t('portal.procedures.title')}</Title>
          <Anchor component={Link} to={procedureChangesPath()} size="sm">
            <Group gap={4} wrap="nowrap"><IconHistory size={16} aria-hidden="true" />{t('portal.procedures.changesLink')}</Group>
          </Anchor>
        </Group>
        {/* keyed by the query so the box shows the current search after back/forward */}
        <ProcedureSearchForm key={query} label={t('portal.procedures.searchLabel')} initialQuery={query} size="sm" filters={filters} />
        <ProcedureFilters filters={filters} onChange={(next) => void navigate(proceduresPath(query, 1, next))} />
        {result.isPending ? (
          <PageLoader />
        ) : result.isError ? (
          isApiError(result.error) && result.error.status === 404 ? (
            <EmptyState
              mt="lg"
              icon={<IconBooks size={32} aria-hidden="true" />}
              withIndicatorBackground
              title={t('portal.procedures.unavailableTitle')}
              description={t('portal.procedures.unavailableBody')}
            />
          ) : (
            <ErrorState title={t('portal.procedures.errorTitle')} error={result.error} onRetry={() => void result.refetch()} />
          )
        ) : result.data.total === 0 ? (
          <EmptyState
            mt="lg"
            icon={<IconSearchOff size={32} aria-hidden="true" />}
            withIndicatorBackground
            title={t('portal.procedures.empty')}
            description={filtered ? t('portal.procedures.filters.emptyHint') : t('portal.procedures.emptyHint')}
          />
        ) : (
          <>
            <Text size="sm" c="gray.7" role="status" className="motcua-figures">
              {t('portal.procedures.resultCount', { count: result.data.total, formattedCount: formatNumber(result.data.total) })}
              {query && ` ${t('portal.procedures.resultFor', { query })}`}
            </Text>
            {/* The previous results stay readable (not faded under 4.5:1) while the new ones load. */}
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-busy={result.isPlaceholderData || undefined}>
              {result.data.items.map((procedure) => (
                <li key={procedure.code}>
                  <ProcedureCard procedure={procedure} />
                </li>
              ))}
            </Stack>
            {result.data.total > proceduresPageSize && (
              <Group justify="center" mt="sm">
                <Pagination
                  total={Math.ceil(result.data.total / proceduresPageSize)}
                  value={page}
                  onChange={(next) => void navigate(proceduresPath(query, next, filters))}
                  aria-label={t('portal.procedures.pagination')}
                  // Mantine's arrows carry no text: name them, and the page buttons (as ListPager does).
                  getControlProps={(control) => ({ 'aria-label': t(`common.pages.${control}`) })}
                  getItemProps={(n) => ({ 'aria-label': t('common.pages.page', { page: n }) })}
                  size="sm"
                />
              </Group>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
