/** Online fee payment in the portal: the pay button and the page the payer comes back to from the gateway. */
export const paymentsVi = {
  pay: {
    formLabel: 'Thanh toán phí, lệ phí trực tuyến',
    button: 'Thanh toán trực tuyến',
    again: 'Thanh toán lại',
    secretHint: 'Mã bảo mật in trên giấy tiếp nhận hồ sơ trực tuyến, để xác nhận bạn là người nộp hồ sơ.',
    redirectHint: 'Bạn sẽ được chuyển đến cổng thanh toán để chọn ngân hàng, rồi trở lại trang này.',
    failed: 'Chưa bắt đầu được thanh toán',
  },
  return: {
    title: 'Kết quả thanh toán trực tuyến',
    loading: 'Đang lấy kết quả thanh toán…',
    failedToLoad: 'Không xem được kết quả thanh toán',
    proof: 'Nhập mã bảo mật của hồ sơ để xem kết quả thanh toán.',
    show: 'Xem kết quả',
    otherCode: 'Nhập lại mã bảo mật',
    unknown: 'Không xác định được giao dịch mà cổng thanh toán trả về. Nếu tài khoản của bạn đã bị trừ tiền, vui lòng liên hệ Bộ phận một cửa kèm mã hồ sơ.',
    reference: 'Mã giao dịch: {{reference}}',
    paid: {
      title: 'Đã thanh toán',
      body: 'Cổng thanh toán đã xác nhận khoản {{amount}} lúc {{at}}.',
      receipt: 'Biên lai điện tử: {{number}}',
      download: 'Tải biên lai điện tử {{number}} (PDF)',
    },
    pending: {
      title: 'Đang chờ xác nhận từ cổng thanh toán',
      waiting: 'Khoản {{amount}} chưa được cổng thanh toán xác nhận. Trang này tự cập nhật, vui lòng đợi trong giây lát.',
      later: 'Cổng thanh toán chưa gửi xác nhận. Vui lòng quay lại trang này sau ít phút: nếu tiền đã bị trừ, giao dịch sẽ được đối soát tự động, bạn không cần thanh toán lại.',
      checkAgain: 'Kiểm tra lại',
    },
    failed: {
      title: 'Thanh toán không thành công',
      body: 'Cổng thanh toán báo giao dịch {{amount}} không thành công (ví dụ ngân hàng từ chối). Chưa có khoản tiền nào được thu; bạn có thể thanh toán lại.',
    },
    cancelled: {
      title: 'Bạn đã hủy thanh toán',
      body: 'Giao dịch {{amount}} đã bị hủy tại cổng thanh toán. Chưa có khoản tiền nào được thu; bạn có thể thanh toán lại.',
    },
    expired: {
      title: 'Giao dịch thanh toán đã hết hạn',
      body: 'Giao dịch {{amount}} không được hoàn tất trong thời gian cho phép. Chưa có khoản tiền nào được thu; bạn có thể thanh toán lại.',
    },
  },
};
