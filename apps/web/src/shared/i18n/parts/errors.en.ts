import type { errorsVi } from './errors.vi.ts';

export const errorsEn: Record<keyof typeof errorsVi, string> = {
  network: 'Cannot reach the server. Please check your network connection and try again.',
  unexpected: 'Something went wrong. Please try again later.',
};
