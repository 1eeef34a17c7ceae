/** Vietnamese: the documents a signed-in citizen downloads from their dossier in "Hồ sơ của tôi". */
export const myDocumentsVi = {
  title: 'Tải giấy tờ',
  download: 'Tải {{name}}',
  declaration: 'Tờ khai điện tử (PDF)',
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
};
