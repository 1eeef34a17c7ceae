/**
 * The loaders for bundle parts beyond agencies and staff, in order. Each feature that reads a part
 * of the bundle (procedures, holiday schedules) adds its loader here.
 */
import { loadHolidayBundle } from '../calendar/calendar.usecases.ts';
import { searchTermsBundleLoader } from '../procedures/catalogue-search.bundle.ts';
import { procedureBundleLoader } from '../procedures/procedures.bundle.ts';
import type { BundlePartLoader } from './setup.usecases.ts';

const holidays: BundlePartLoader = async (tx, bundle, summary) => {
  if (!bundle.raw.holidays) return;
  summary.holidays = await loadHolidayBundle(tx, bundle.raw.holidays.value, (path) => bundle.locate('holidays.json', path));
};

export const bundlePartLoaders: BundlePartLoader[] = [holidays, procedureBundleLoader(), searchTermsBundleLoader];
