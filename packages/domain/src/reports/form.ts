/**
 * The statistics report as an official document (docs/rules/statistics.md, "The report as a
 * document"): the form it fills in, the kind of document it is in the issuing body's register,
 * and who signs it.
 */

/**
 * The reporting form the table follows: the periodic report on the situation and results of
 * handling administrative procedures of the Government Office's regime of periodic reports. One
 * constant, printed on the PDF and the workbook alike.
 */
export const STATISTICS_REPORT_FORM = {
  /** Printed top right, above the national motto: "Biểu số 06a/VPCP/KSTT". */
  reference: 'Biểu số 06a/VPCP/KSTT',
  /** The instrument that issues the form, printed under its number. */
  issuedWith: 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP',
} as const;

/** A report is registered as a "Báo cáo": its symbol is "BC-" and the body's abbreviation (Decree 30/2020, Annex III). */
export const REPORT_KIND_ABBREVIATION = 'BC';

/** The maker of the table, on the left of the signatures; the head signs on the right. */
export const REPORT_MAKER_TITLE = 'NGƯỜI LẬP BIỂU';
