/** Reconciliation of online payments as a scheduled job of the queue (`jobs/registry.ts`, docs/jobs.md). */
import type { ScheduledJob } from '../jobs/types.ts';
import { reconcilePendingOrders } from './online.reconcile.ts';

export const reconcilePaymentsJob: ScheduledJob = {
  name: 'payments.reconcile',
  // Every 5 minutes: an order whose IPN was lost is settled within about ten minutes of payment.
  cron: '*/5 * * * *',
  run: (deps, at) => reconcilePendingOrders(deps, at),
};
