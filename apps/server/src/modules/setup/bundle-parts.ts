/**
 * The loaders for bundle parts beyond agencies and staff, in order. Each feature that reads a part
 * of the bundle (procedures, holiday schedules) adds its loader here.
 */
import { procedureBundleLoader } from '../procedures/procedures.bundle.ts';
import type { BundlePartLoader } from './setup.usecases.ts';

export const bundlePartLoaders: BundlePartLoader[] = [procedureBundleLoader()];
