import 'i18next';
import type { vi } from './vi.ts';

// Typed keys: `t('portal.home.title')` is checked against the Vietnamese source resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
