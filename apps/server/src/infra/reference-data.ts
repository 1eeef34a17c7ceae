/**
 * Reference data shipped with the product (apps/server/resources): the official holiday schedules
 * known at release. Administrators add later years at run time; those take precedence.
 */
import fs from 'node:fs';
import path from 'node:path';

export const resourcesDir = path.resolve(import.meta.dirname, '../../resources');

let holidays: unknown;
/** The bundled holidays.json (`{years: {...}}`), read once. */
export function bundledHolidaySchedules(): unknown {
  holidays ??= JSON.parse(fs.readFileSync(path.join(resourcesDir, 'holidays.json'), 'utf8'));
  return holidays;
}
