/**
 * The official table as the tests expect it, written out by hand (not taken from the code under
 * test): the heading path of every column and the report key it shows, in order.
 */
export const RECEIVED = 'Số hồ sơ nhận giải quyết';
export const RESOLVED = 'Số hồ sơ đã giải quyết';
export const IN_PROGRESS = 'Số hồ sơ đang giải quyết';

export type RateKey = 'digitizationRate' | 'onlineRate' | 'onTimeRate';

export const figureColumns: Array<{ path: string[]; key: string; rate?: true }> = [
  { path: [RECEIVED, 'Tổng số'], key: 'received' },
  { path: [RECEIVED, 'Kỳ trước chuyển qua'], key: 'carriedOver' },
  { path: [RECEIVED, 'Trong kỳ', 'Tổng số'], key: 'receivedInPeriod' },
  { path: [RECEIVED, 'Trong kỳ', 'Trực tuyến'], key: 'online' },
  { path: [RECEIVED, 'Trong kỳ', 'Trực tiếp'], key: 'counter' },
  { path: [RECEIVED, 'Trong kỳ', 'Dịch vụ bưu chính'], key: 'postal' },
  { path: [RESOLVED, 'Tổng số'], key: 'resolved' },
  { path: [RESOLVED, 'Trước hạn'], key: 'resolvedAhead' },
  { path: [RESOLVED, 'Đúng hạn'], key: 'resolvedOnTime' },
  { path: [RESOLVED, 'Quá hạn'], key: 'resolvedOverdue' },
  { path: ['Rút hồ sơ'], key: 'withdrawn' },
  { path: [IN_PROGRESS, 'Tổng số'], key: 'inProgress' },
  { path: [IN_PROGRESS, 'Trong hạn'], key: 'inProgressOnTime' },
  { path: [IN_PROGRESS, 'Quá hạn'], key: 'inProgressOverdue' },
  { path: ['Số hóa hồ sơ', 'Số hồ sơ'], key: 'digitized' },
  { path: ['Số hóa hồ sơ', 'Tỷ lệ'], key: 'digitizationRate', rate: true },
  { path: ['Tỷ lệ trực tuyến'], key: 'onlineRate', rate: true },
  { path: ['Tỷ lệ đúng hạn'], key: 'onTimeRate', rate: true },
];

/** The figures beside the table: [heading path, value of a row]. */
export const besideFigures: Array<{
  path: string[];
  kind: 'count' | 'rate' | 'score';
  value: (r: { refused: number; reused: number; reuseRate: number | null; ratings: { count: number; average: number | null; byScore: Record<string, number> } }) => number | null;
}> = [
  { path: ['Số hồ sơ từ chối tiếp nhận'], kind: 'count', value: (r) => r.refused },
  { path: ['Tái sử dụng dữ liệu đã số hóa', 'Số hồ sơ'], kind: 'count', value: (r) => r.reused },
  { path: ['Tái sử dụng dữ liệu đã số hóa', 'Tỷ lệ'], kind: 'rate', value: (r) => r.reuseRate },
  { path: ['Đánh giá mức độ hài lòng', 'Số lượt đánh giá'], kind: 'count', value: (r) => r.ratings.count },
  { path: ['Đánh giá mức độ hài lòng', 'Điểm trung bình (1–5)'], kind: 'score', value: (r) => r.ratings.average },
  { path: ['Đánh giá mức độ hài lòng', 'Rất hài lòng'], kind: 'count', value: (r) => r.ratings.byScore['5']! },
  { path: ['Đánh giá mức độ hài lòng', 'Hài lòng'], kind: 'count', value: (r) => r.ratings.byScore['4']! },
  { path: ['Đánh giá mức độ hài lòng', 'Bình thường'], kind: 'count', value: (r) => r.ratings.byScore['3']! },
  { path: ['Đánh giá mức độ hài lòng', 'Không hài lòng'], kind: 'count', value: (r) => r.ratings.byScore['2']! },
  { path: ['Đánh giá mức độ hài lòng', 'Rất không hài lòng'], kind: 'count', value: (r) => r.ratings.byScore['1']! },
];
