/**
 * Recent changes of the demo catalogue, relative to the day the demo is loaded, so that the
 * portal's list of changes (/thu-tuc/thay-doi) has something to show: an amendment three months
 * ago, a new procedure two months ago and an abolition next month (announced ahead, as decisions
 * are). Published through the same bundle rules as `motcua setup` (new versions, never edits).
 * Last month and this month are left alone: the browser tests publish their own changes there.
 */
import { localDateOf } from '@motcua/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../deps.ts';
import type { Database } from '../db/schema.ts';
import type { Bundle } from '../modules/setup/bundle.read.ts';
import { procedureBundleLoader } from '../modules/procedures/procedures.bundle.ts';
import type { SetupSummary } from '../modules/setup/setup.usecases.ts';

/** Day `day` of the month `offset` months from the month of `today` (`YYYY-MM-DD`). */
function dayOfMonth(today: string, offset: number, day: number): string {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function demoCatalogueChanges(today: string, catalogue: ReadonlyArray<Record<string, unknown> & { code: string }>): unknown[] {
  const entry = (code: string) => catalogue.find((e) => e.code === code)!;
  const amendedOn = dayOfMonth(today, -3, 10);
  const issuedOn = dayOfMonth(today, -2, 15);
  const abolishedFrom = dayOfMonth(today, 1, 1);
  return [
    {
      ...entry('DEMO.012'), processingTime: { value: 12, unit: 'days' }, validFrom: amendedOn,
      changeNote: 'Rút ngắn thời hạn giải quyết từ 15 ngày xuống 12 ngày theo quyết định công bố của Chủ tịch UBND tỉnh',
    },
    {
      ...entry('2.000720'), code: 'DEMO.401', codeVerified: false, validFrom: issuedOn,
      name: 'Đăng ký tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh',
      processingTime: { value: 3, unit: 'working_days' }, fee: { amount: 0, currency: 'VND' }, fullyOnline: true,
      components: [{ name: 'Thông báo về việc tạm ngừng hoặc tiếp tục kinh doanh của hộ kinh doanh', kind: 'original', count: 1, required: true }],
      changeNote: 'Thủ tục mới ban hành, thực hiện trực tuyến toàn trình',
    },
    { code: 'DEMO.013', status: 'abolished', validFrom: abolishedFrom, changeNote: 'Bãi bỏ, chuyển về Văn phòng đăng ký đất đai cấp tỉnh giải quyết' },
  ];
}

export async function publishDemoCatalogueChanges(
  tx: Kysely<Database>, catalogue: ReadonlyArray<Record<string, unknown> & { code: string }>, clock: Clock,
): Promise<void> {
  const entries = demoCatalogueChanges(localDateOf(clock().getTime()), catalogue);
  const text = JSON.stringify(entries);
  const bundle: Bundle = {
    dir: 'demo catalogue changes', agencies: [], users: [], raw: { procedures: { value: entries, text } },
    locate: (file, path) => `${file} ${path.join('.')}`,
  };
  const summary: SetupSummary = { agencies: { created: 0, updated: 0, unchanged: 0 }, users: { created: 0, unchanged: 0, createdWithPassword: [] } };
  await procedureBundleLoader(clock)(tx, bundle, summary);
}
