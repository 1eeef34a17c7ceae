import { Alert, Button, Collapse, Group, Paper, Radio, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconHeartHandshake } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  criterionPointValues, ratingCommentMaxLength, ratingCriteria, ratingLevels,
  type CriteriaAnswers, type CriterionPoints, type RatingCriterion,
} from '@motcua/domain';
import { localized, useLanguage } from '../shared/i18n/index.ts';
import { ErrorState } from '../shared/ui/ErrorState.tsx';
import { useRating, type ApplicantProof } from './dossiers.api.ts';
import { SecurityCodeInput } from './SecurityCodeInput.tsx';

/**
 * The satisfaction rating (docs/rules/service-quality.md), once per dossier with a result, by its
 * applicant only: the five levels (very satisfied … very dissatisfied), the nine optional criteria
 * of the one-stop scoring tool (folded away until asked for), a comment. The applicant types the
 * security code of the online receipt or, signed in with the e-ID (`proof="eid"`, "Hồ sơ của
 * tôi"), nothing at all. A rating QR code opens the full-screen rating page instead (/danh-gia).
 */
export function RatingForm({ code, rated, proof = 'security_code' }: { code: string; rated: boolean; proof?: ApplicantProof }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rating = useRating(code, proof);
  const signedIn = proof === 'eid';
  const [score, setScore] = useState<string>('');
  const [criteria, setCriteria] = useState<CriteriaAnswers>({});
  const [criteriaOpen, setCriteriaOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [securityCode, setSecurityCode] = useState('');
  const [missing, setMissing] = useState(false);
  const [tried, setTried] = useState(false);
  const missingProof = tried && !signedIn && !securityCode.trim();

  if (rated || rating.isSuccess) {
    return (
      <Alert variant="light" color="green" icon={<IconHeartHandshake size={18} aria-hidden="true" />} role="status" id="danh-gia">
        {t(rating.isSuccess ? 'portal.rating.thanks' : 'portal.rating.already')}
      </Alert>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!score) setMissing(true);
    if (!score || (!signedIn && !securityCode.trim())) return;
    rating.mutate({
      score: Number(score),
      ...(Object.keys(criteria).length ? { criteria } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(signedIn ? {} : { securityCode: securityCode.trim() }),
    });
  }

  const answer = (key: RatingCriterion, value: string) => {
    const next = { ...criteria };
    if (value === '') delete next[key];
    else next[key] = Number(value) as CriterionPoints;
    setCriteria(next);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rating-title" id="danh-gia">
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
              {ratingLevels.map((level) => (
                <Radio.Card key={level.score} value={String(level.score)} p="xs" radius="md" w="auto" style={{ flex: '1 1 150px' }}>
                  <Group gap="xs" wrap="nowrap">
                    <Radio.Indicator size="sm" />
                    <Text size="sm" fw={500}>{localized(level, language)}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Group>
          </Radio.Group>

          <UnstyledButton onClick={() => setCriteriaOpen(!criteriaOpen)} aria-expanded={criteriaOpen} aria-controls="rating-criteria">
            <Group gap={6} wrap="nowrap">
              <IconChevronDown size={18} aria-hidden="true" style={{ transform: criteriaOpen ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />
              <Text size="sm" fw={600} c="brand.8">{t('ratings.form.criteriaToggle')}</Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={criteriaOpen} id="rating-criteria">
            <Stack gap="md" pl={{ base: 0, sm: 'md' }}>
              <Text size="sm" c="gray.7">{t('ratings.form.criteriaHint')}</Text>
              {ratingCriteria.map((c, index) => {
                const key = c.key as RatingCriterion;
                const value = criteria[key];
                return (
                  <Radio.Group
                    key={key}
                    label={`${index + 1}. ${localized(c.question, language)}`}
                    value={value === undefined ? '' : String(value)}
                    onChange={(v) => answer(key, v)}
                  >
                    <Group gap="xs" mt={6} wrap="wrap" align="center">
                      {criterionPointValues.map((points) => (
                        <Radio key={points} value={String(points)} label={localized(c.answers[2 - points]!, language)} size="sm" />
                      ))}
                      {value !== undefined && (
                        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => answer(key, '')}
                          aria-label={`${t('ratings.form.clear')}: ${localized(c.short, language)}`}>
                          {t('ratings.form.clear')}
                        </Button>
                      )}
                    </Group>
                  </Radio.Group>
                );
              })}
            </Stack>
          </Collapse>

          {!signedIn && (
            <SecurityCodeInput
              description={t('portal.rating.securityCodeHint')}
              value={securityCode}
              onChange={setSecurityCode}
              error={missingProof ? t('portal.rating.securityCodeRequired') : undefined}
            />
          )}
          <Textarea label={t('portal.rating.comment')} value={comment} onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={ratingCommentMaxLength} autosize minRows={2} maxRows={5} />
          {rating.isError && <ErrorState title={t('portal.rating.failed')} error={rating.error} />}
          <Group>
            <Button type="submit" loading={rating.isPending}>{t('portal.rating.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
