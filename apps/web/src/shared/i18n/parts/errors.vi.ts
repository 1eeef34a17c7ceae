/** Messages of failures with no answer from the server; kept apart so the API client needs no whole language. */
export const errorsVi = {
  network: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
  unexpected: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.',
};
