import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCreditCardPay } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from '@motcua/domain';
import { isApiError } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { ProblemAlert } from '../../shared/ui/ProblemAlert.tsx';
import type { ApplicantProof } from '../dossiers.api.ts';
import { SecurityCodeInput } from '../SecurityCodeInput.tsx';
import { rememberedSecurityCode, useStartPayment } from './payments.api.ts';

interface Props {
  code: string;
  proof: ApplicantProof;
  /** What is owed, in the server's words ("50.000 đồng"). */
  amountText: Messages;
  /** "Thanh toán lại" after a failed or cancelled attempt. */
  again?: boolean;
}

/**
 * "Thanh toán trực tuyến": starts the payment of what the dossier owes and sends the browser to the
 * gateway. On the public page the applicant proves the dossier is theirs with the security code of
 * the receipt (already typed in this tab for an earlier attempt: not asked again); signed in, no code.
 */
export function PayOnlineForm({ code, proof, amountText, again = false }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const start = useStartPayment(code, proof);
  const withCode = proof === 'security_code';
  const [known] = useState(() => (withCode ? rememberedSecurityCode(code) : undefined));
  const [secret, setSecret] = useState('');
  const [tried, setTried] = useState(false);
  const refused = isApiError(start.error, 'dossier.access_denied') ? localized(start.error.messages, language) : undefined;
  const askCode = withCode && (!known || refused !== undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (start.isPending) return;
    setTried(true);
    const given = askCode ? secret.trim() : known;
    if (withCode && !given) return;
    start.mutate(given);
  }

  return (
    <form onSubmit={submit} noValidate data-testid="pay-online" aria-label={t('payments.pay.formLabel')}>
      <Stack gap="sm">
        {askCode && (
          <SecurityCodeInput
            description={t('payments.pay.secretHint')}
            value={secret}
            onChange={setSecret}
            error={tried && !secret.trim() ? t('portal.lookup.secretRequired') : refused}
            maw={420}
          />
        )}
        {start.isError && !refused && <ProblemAlert title={t('payments.pay.failed')} error={start.error} />}
        <Group gap="sm" align="center" wrap="wrap">
          <Button type="submit" loading={start.isPending} leftSection={<IconCreditCardPay size={18} aria-hidden="true" />}>
            {t(again ? 'payments.pay.again' : 'payments.pay.button')}
          </Button>
          <Text size="sm" fw={600} className="motcua-figures" data-testid="pay-online-amount">{localized(amountText, language)}</Text>
        </Group>
        <Text size="xs" c="gray.7">{t('payments.pay.redirectHint')}</Text>
      </Stack>
    </form>
  );
}
