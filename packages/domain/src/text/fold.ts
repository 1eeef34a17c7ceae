/**
 * Folds Vietnamese text for search: lower case, no diacritics, `đ` → `d`, single spaces.
 * "Đăng Ký  Khai Sinh" → "dang ky khai sinh". The same rule runs in SQL (`motcua_fold`).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
