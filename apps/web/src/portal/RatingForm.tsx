import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { useRating, type ApplicantProof } from './dossiers.api.ts';
import { SecurityCodeInput } from './SecurityCodeInput.tsx';

/** Score sent to the server (5 = very satisfied) and its label. */
const levels = [
  { score: 5, key: 'very_satisfied' },
  { score: 4, key: 'satisfied' },
  { score: 3, key: 'neutral' },
  { score: 2, key: 'dissatisfied' },
  { score: 1, key: 'very_dissatisfied' },
] as const;

/**
 * The five-level satisfaction rating (very satisfied … very dissatisfied), once per dossier with a
 * result, by its applicant only: opened from the rating QR code of the receipt (form 01), the page
 * carries the one-time token; otherwise the applicant types the security code of the online receipt,
 * or, signed in with the e-ID (`proof="eid"`, "Hồ sơ của tôi"), nothing at all.
 */
export function RatingForm({ code, rated, ratingToken, proof = 'security_code' }: {
  code: string; rated: boolean; ratingToken?: string | undefined; proof?: ApplicantProof;
}) {
  const { t } = useTranslation();
  const rating = useRating(code, proof);
  const signedIn = proof === 'eid';
  const [score, setScore] = useState<string>('');
  const [comment, setComment] = useState('');
  const [securityCode, setSecurityCode] = useState('');
  const [missing, setMissing] = useState(false);
  const [tried, setTried] = useState(false);
  const missingProof = tried && !signedIn && !ratingToken && !securityCode.trim();

  if (rated || rating.isSuccess) {
    return (
      <Alert variant="light" color="green" icon={<IconHeartHandshake size={18} aria-hidden="true" />} role="status">
        {t(rating.isSuccess ? 'portal.rating.thanks' : 'portal.rating.already')}
      </Alert>
    );
  }

  function missingProofNow() {
    return !signedIn && !ratingToken && !securityCode.trim();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!score) setMissing(true);
    if (!score || missingProofNow()) return;
    rating.mutate({
      score: Number(score),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(ratingToken ? { ratingToken } : { securityCode: securityCode.trim() }),
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rating-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h3" id="rating-title">{t('portal.rating.title')}</Title>
          <Radio.Group
            label={t('portal.rating.question')}
            value={score}
            onChange={(value) => { setScore(value); setMissing(false); }}
            error={missing ? t('portal.rating.required') : undefined}
            required
          >
            <Group gap="xs" mt="xs" wrap="wrap">
              {levels.map(({ score: value, key }) => (
                <Radio.Card key={value} value={String(value)} p="xs" radius="md" w="auto" style={{ flex: '1 1 150px' }}>
                  <Group gap="xs" wrap="nowrap">
                    <Radio.Indicator size="sm" />
                    <Text size="sm" fw={500}>{t(`portal.rating.levels.${key}`)}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Group>
          </Radio.Group>
          {signedIn ? null : ratingToken ? (
            <Text size="sm" c="dimmed">{t('portal.rating.withQr')}</Text>
          ) : (
            <SecurityCodeInput
              description={t('portal.rating.securityCodeHint')}
              value={securityCode}
              onChange={setSecurityCode}
              error={missingProof ? t('portal.rating.securityCodeRequired') : undefined}
            />
          )}
          <Textarea label={t('portal.rating.comment')} value={comment} onChange={(event) => setComment(event.currentTarget.value)} maxLength={2000} autosize minRows={2} maxRows={5} />
          {rating.isError && <ErrorState title={t('portal.rating.failed')} error={rating.error} />}
          <Group>
            <Button type="submit" loading={rating.isPending}>{t('portal.rating.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
