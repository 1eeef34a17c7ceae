import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** Sets the browser tab title to `<page> — Motcua`. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useDocumentTitle(t('app.pageTitle', { page }));
}

/**
 * Moves focus to the main region after a client-side navigation, as a full page load would, so a
 * screen reader starts reading the new page and the keyboard starts from its top.
 */
export function useFocusMainOnNavigation(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const previous = main.current?.dataset.path;
    if (main.current) main.current.dataset.path = pathname;
    if (previous === undefined || previous === pathname) return; // first render: keep the browser's focus
    window.scrollTo(0, 0);
    // A page may have focused its own first field already; leave that alone.
    if (!main.current?.contains(document.activeElement)) main.current?.focus({ preventScroll: true });
  }, [main, pathname]);
}
