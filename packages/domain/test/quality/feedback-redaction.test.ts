import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactPersonalData, redactionLabels, totalRemoved, type KnownPersonalData } from '../../src/index.ts';

const sender = {
  names: ['Nguyễn Văn An'],
  phones: ['0912 345 678'],
  emails: ['an.nguyen@example.vn'],
  addresses: ['Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy'],
};
const redact = (text: string, known: KnownPersonalData = sender) => redactPersonalData(text, known).text;

describe('removing personal data before publication', () => {
  it('removes the sender’s name in full, by its last words, with or without diacritics, in any case', () => {
    expect(redact('Tôi là Nguyễn Văn An, cư trú tại xã Giao Thủy.')).toBe('Tôi là [họ tên], cư trú tại xã Giao Thủy.');
    expect(redact('Người gửi: NGUYỄN VĂN AN')).toBe('Người gửi: [họ tên]');
    expect(redact('toi la nguyen van an')).toBe('toi la [họ tên]');
    expect(redact('Gia đình Văn An đã chờ hai tháng')).toBe('Gia đình [họ tên] đã chờ hai tháng');
    expect(redact('Cán bộ hướng dẫn ông An nộp lại')).toBe('Cán bộ hướng dẫn ông [họ tên] nộp lại');
  });

  it('keeps words that only look like a part of the name', () => {
    // "an" of "an toàn", "An" alone without a form of address, "Văn" alone, "anh an tâm".
    expect(redact('Đề nghị bảo đảm an toàn giao thông; An Giang; văn bản số 12; anh an tâm')).toBe('Đề nghị bảo đảm an toàn giao thông; An Giang; văn bản số 12; anh an tâm');
    expect(redact('Thanh An ở thôn bên')).toBe('Thanh An ở thôn bên');
  });

  it('removes a name of one word only where it is written with a capital', () => {
    expect(redact('Hùng đã gọi điện; thái độ hung hăng', { names: ['Hùng'] })).toBe('[họ tên] đã gọi điện; thái độ hung hăng');
  });

  it('removes phone numbers however they are written, and keeps other numbers', () => {
    expect(redact('Gọi 0912345678 hoặc 0912.345.678 hoặc +84 912 345 678 hoặc (+84) 912-345-678')).toBe(
      'Gọi [số điện thoại] hoặc [số điện thoại] hoặc [số điện thoại] hoặc [số điện thoại]',
    );
    // Other people's numbers too: a mobile and a landline (11 digits, 02…).
    expect(redact('Số của vợ tôi 0987 654 321, nhà riêng 0228 3 123 456', {})).toBe('Số của vợ tôi [số điện thoại], nhà riêng [số điện thoại]');
    // Dates, amounts, document numbers, hotlines stay.
    const kept = 'Ngày 02/09/2025, lệ phí 100.000 đồng, văn bản 0123/UBND-VP, tổng đài 1900 1234, năm 2025, 12 tháng';
    expect(redact(kept, {})).toBe(kept);
  });

  it('removes e-mail addresses', () => {
    expect(redact('Trả lời về an.nguyen@example.vn hoặc AN.NGUYEN@EXAMPLE.VN, bản sao cho hoa.le@giaothuy.gov.vn')).toBe(
      'Trả lời về [email] hoặc [email], bản sao cho [email]',
    );
  });

  it('removes 12-digit identification numbers (CCCD), together or grouped, and 9-digit ones named as such', () => {
    expect(redact('CCCD số 036090001234, cấp ngày 12/05/2021', {})).toBe('CCCD số [số định danh], cấp ngày 12/05/2021');
    expect(redact('số định danh 036 090 001 234', {})).toBe('số định danh [số định danh]');
    expect(redact('CMND số 162345678 cũ', {})).toBe('CMND số [số định danh] cũ');
    // A 9-digit number not named as an identity card stays; so does an amount of 100 billion.
    expect(redact('mã 162345678; kinh phí 100.000.000.000 đồng', {})).toBe('mã 162345678; kinh phí 100.000.000.000 đồng');
  });

  it('removes the address the sender gave, in full or its numbered part, and keeps the street named alone', () => {
    expect(redact('Nhà tôi ở Số 12 đường Hoàng Văn Thụ, thị trấn Ngô Đồng, huyện Giao Thủy.')).toBe('Nhà tôi ở [địa chỉ].');
    expect(redact('nhà số 12 đường Hoàng Văn Thụ bị ngập')).toBe('nhà [địa chỉ] bị ngập');
    expect(redact('Đường Hoàng Văn Thụ ở thị trấn Ngô Đồng bị ngập sau mưa')).toBe('Đường Hoàng Văn Thụ ở thị trấn Ngô Đồng bị ngập sau mưa');
  });

  it('counts what it removed', () => {
    const r = redactPersonalData('Tôi là Nguyễn Văn An, điện thoại 0912345678, email an.nguyen@example.vn, CCCD 036090001234, nhà Số 12 đường Hoàng Văn Thụ.', sender);
    expect(r.text).toBe('Tôi là [họ tên], điện thoại [số điện thoại], email [email], CCCD [số định danh], nhà [địa chỉ].');
    expect(r.removed).toEqual({ name: 1, email: 1, address: 1, id_number: 1, phone: 1 });
    expect(totalRemoved([r, r]).phone).toBe(2);
  });

  it('keeps the agency’s own contacts in its answer, and removes the sender’s', () => {
    const answer = 'Kính gửi ông Nguyễn Văn An (0912 345 678, an.nguyen@example.vn): xin liên hệ Văn phòng xã, số 0228 3 123 456, vanphong@giaothuy.gov.vn.';
    expect(redactPersonalData(answer, sender, { generic: false }).text)
      .toBe('Kính gửi ông [họ tên] ([số điện thoại], [email]): xin liên hệ Văn phòng xã, số 0228 3 123 456, vanphong@giaothuy.gov.vn.');
    expect(redactPersonalData('CCCD 036090001234', {}, { generic: false }).text).toBe('CCCD [số định danh]');
  });

  it('reads decomposed Vietnamese (NFD) as well as composed', () => {
    expect(redact('Tôi là Nguyễn Văn An'.normalize('NFD'))).toBe('Tôi là [họ tên]');
  });

  it('is idempotent and leaves text without personal data as it is (property)', () => {
    const words = fc.constantFrom('đường', 'xã', 'Giao', 'Thủy', 'thủ tục', 'hồ sơ', 'chậm', 'trả', 'kết quả', 'ngày', '15', '2025', 'lệ phí', '100.000', 'đồng', ',', '.');
    // Numbers side by side can spell a personal number: "2025 2025 2025" is twelve digits in the
    // grouping of an ID card, and is redacted as one. The text without personal data has none.
    const noDigitRun = (parts: string[]) => !/(?:\d[ .,]?){8,}/.test(parts.join(' '));
    fc.assert(fc.property(fc.array(words, { maxLength: 30 }).filter(noDigitRun), (parts) => {
      const text = parts.join(' ');
      expect(redact(text)).toBe(text.normalize('NFC'));
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const once = redact(text);
      expect(redact(once)).toBe(once);
    }), { numRuns: 300 });
    for (const label of Object.values(redactionLabels)) expect(redact(label)).toBe(label);
  });
});
