import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { i18n } from '../shared/i18n/index.ts';
import { queryClient } from '../shared/query.ts';
import { cssVariablesResolver, localizedTheme } from '../shared/theme.ts';
import { AppRoutes } from './routes.tsx';

export function App() {
  const { t } = useTranslation(undefined, { i18n });
  const clear = t('common.clear');
  const close = t('common.close');
  const theme = useMemo(() => localizedTheme({ clear, close }), [clear, close]);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
