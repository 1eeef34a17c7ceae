import { EmptyState, Skeleton, Stack } from '@mantine/core';
import { IconBuildingOff } from '@tabler/icons-react';
import { localDateOf } from '@motcua/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState.tsx';
import { useAdminAgencies } from '../admin.api.ts';
import classes from '../Admin.module.css';
import { textOf, useTabParams } from '../adminQuery.ts';
import { useStaff } from '../../useStaff.ts';
import { AgencyDetails } from './AgencyDetails.tsx';
import { buildForest, isManaged } from './agencyModel.ts';
import { AgencyTreeNav } from './AgencyTreeNav.tsx';

/** "Cơ quan, đơn vị": the agency tree on the left, the selected agency (`?agency=<code>`) on the right. */
export function AgenciesTab() {
  const { t } = useTranslation();
  const [params, update] = useTabParams();
  const agencies = useAdminAgencies();
  const staff = useStaff();
  const adminAgencyIds = useMemo(() => new Set(staff.assignments.filter((a) => a.role === 'admin').map((a) => a.agencyId)), [staff.assignments]);
  const today = useMemo(() => localDateOf(Date.now()), []);
  const forest = useMemo(() => (agencies.data ? buildForest(agencies.data.items, today) : undefined), [agencies.data, today]);
  const code = textOf(params, 'agency', 64);
  const selected = forest ? (code ? forest.byCode.get(code) : forest.ordered[0]) : undefined;
  const select = (next: string) => update({ agency: next });

  if (agencies.isPending) {
    return (
      <div className={classes.split} role="status" aria-label={t('common.loading')}>
        <Skeleton h={420} />
        <Stack gap="md"><Skeleton h={120} /><Skeleton h={260} /></Stack>
      </div>
    );
  }
  if (agencies.isError || !forest) {
    return <ErrorState title={t('console.admin.agencies.errorTitle')} error={agencies.error} onRetry={() => void agencies.refetch()} />;
  }
  if (forest.ordered.length === 0) {
    return (
      <EmptyState
        align="left"
        icon={<IconBuildingOff size={28} aria-hidden="true" />}
        withIndicatorBackground
        title={t('console.admin.agencies.empty.title')}
        description={t('console.admin.agencies.empty.body')}
      />
    );
  }

  return (
    <div className={classes.split}>
      <AgencyTreeNav forest={forest} selectedId={selected?.id} today={today} onSelect={(node) => select(node.code)} />
      {selected ? (
        <AgencyDetails key={selected.id} agency={selected} forest={forest} today={today} managed={isManaged(selected, adminAgencyIds)} onSelect={select} />
      ) : (
        <EmptyState
          align="left"
          icon={<IconBuildingOff size={28} aria-hidden="true" />}
          withIndicatorBackground
          title={t('console.admin.agencies.notFound.title', { code })}
          description={t('console.admin.agencies.notFound.body')}
        />
      )}
    </div>
  );
}
