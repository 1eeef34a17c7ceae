/** The regulated forms (Circular 03/2025 Annex I) a dossier can print. */
export const formNumbers = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type FormNumber = (typeof formNumbers)[number];

export function isFormNumber(value: string): value is FormNumber {
  return (formNumbers as readonly string[]).includes(value);
}
