/** Vietnamese: reuse of the applicants' stored data on the managers' dashboard (docs/rules/statistics.md). */
export const reportReuseVi = {
  group: 'Tái sử dụng dữ liệu',
  reused: 'Số hồ sơ',
  reuseRate: 'Tỷ lệ',
  cardDetail: 'Tái sử dụng dữ liệu đã số hóa: {{reused}} hồ sơ ({{rate}})',
  hint: 'Hồ sơ mới tiếp nhận trong kỳ đã dùng giấy tờ có sẵn trong kho dữ liệu của người nộp thay cho bản tải lên; được tính là đã số hóa.',
};
