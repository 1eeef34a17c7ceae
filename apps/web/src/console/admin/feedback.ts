/**
 * One shape for every change made on the administration page: the request, then a green
 * notification saying what was done, or a red one with the server's message in the UI language
 * (problem+json carries Vietnamese and English) and the fields it names; then the queries the change
 * touched are refetched.
 */
import { notifications } from '@mantine/notifications';
import { useMutation, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { useInvalidate } from './admin.api.ts';

interface Options<TVars, TData> {
  mutationFn: (vars: TVars) => Promise<TData>;
  /** What the change made stale (the audit trail always is). */
  invalidate: (data: TData, vars: TVars) => QueryKey[];
  /** The success notification. */
  success: (data: TData, vars: TVars) => string;
  /** Title of the failure notification ("Chưa lưu được …"). */
  failure: string;
}

export function useAdminMutation<TVars, TData>({ mutationFn, invalidate, success, failure }: Options<TVars, TData>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useInvalidate();
  return useMutation({
    mutationFn,
    onSuccess: async (data, vars) => {
      notifications.show({ color: 'green', message: success(data, vars), autoClose: 4_000 });
      await refresh(...invalidate(data, vars));
    },
    onError: (error) => {
      const message = isApiError(error) ? localized(error.messages, language) : t('errors.unexpected');
      const fields = isApiError(error) ? [...new Set(error.issues.map((issue) => issue.path).filter(Boolean))] : [];
      notifications.show({
        color: 'red',
        title: failure,
        message: fields.length ? `${message} (${t('console.admin.fieldsInError', { fields: fields.join(', ') })})` : message,
        autoClose: 10_000,
      });
    },
  });
}

/**
 * A refusal shown beside the form's fields it names (`issues: [{path: 'username'}]` → the
 * username field shows "Tên đăng nhập đã được sử dụng"), in the UI language.
 */
export function useServerFieldErrors<F extends string>(fields: readonly F[]) {
  const language = useLanguage();
  return (error: unknown): Partial<Record<F, string>> => {
    if (!isApiError(error)) return {};
    const message = localized(error.messages, language);
    return Object.fromEntries(
      error.issues.filter((issue) => (fields as readonly string[]).includes(issue.path)).map((issue) => [issue.path, message]),
    ) as Partial<Record<F, string>>;
  };
}
