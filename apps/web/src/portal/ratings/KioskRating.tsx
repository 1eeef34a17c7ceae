import { Button, Group, Loader, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconMoodCry, IconMoodEmpty, IconMoodHappy, IconMoodSad, IconMoodSmile, IconPlayerSkipForward, IconSend, type Icon } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  criterionPointValues, ratingCommentMaxLength, ratingCriteria, ratingLevelOf, ratingLevels,
  type CriteriaAnswers, type CriterionPoints, type RatingCriterion, type RatingScore,
} from '@motcua/domain';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import { RatingOutcome } from './RatingOutcome.tsx';
import { useRatingCheck, useSubmitRating } from './ratings.api.ts';
import classes from './RatingKiosk.module.css';

const levelLooks: Record<RatingScore, { icon: Icon; color: string }> = {
  5: { icon: IconMoodHappy, color: 'green.8' },
  4: { icon: IconMoodSmile, color: 'teal.8' },
  3: { icon: IconMoodEmpty, color: 'gray.7' },
  2: { icon: IconMoodSad, color: 'orange.9' },
  1: { icon: IconMoodCry, color: 'red.8' },
};

const quickPicks = ['helpful', 'fast', 'waited', 'unclear', 'trips', 'late'] as const;
type QuickPick = (typeof quickPicks)[number];

type Step = { kind: 'score' } | { kind: 'criterion'; index: number } | { kind: 'comment' };

/**
 * One dossier's rating, by touch: the five levels, then the nine criteria one at a time (each may
 * be skipped, or all the rest at once), then an optional comment with quick picks, then the thanks.
 * The token is checked before the first question, so a code already used is told at once.
 */
export function KioskRating({ code, token, kiosk, onReset }: { code: string; token: string; kiosk: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const check = useRatingCheck(code, token);
  const submit = useSubmitRating(code);
  const [step, setStep] = useState<Step>({ kind: 'score' });
  const [score, setScore] = useState<RatingScore>();
  const [answers, setAnswers] = useState<CriteriaAnswers>({});
  const [picks, setPicks] = useState<QuickPick[]>([]);
  const [comment, setComment] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const stepKey = step.kind === 'criterion' ? `criterion-${step.index}` : step.kind;

  // Each new question is announced: the focus moves to it.
  useEffect(() => {
    heading.current?.focus();
  }, [stepKey, check.isSuccess]);

  if (check.isPending) {
    return (
      <Stack align="center" gap="lg" py="xl" role="status">
        <Loader size="xl" />
        <Text fz="xl">{t('ratings.kiosk.checking')}</Text>
      </Stack>
    );
  }
  if (check.isError) return <RatingOutcome kind="refused" error={check.error} kiosk={kiosk} onReset={onReset} />;
  if (submit.isSuccess) return <RatingOutcome kind="thanks" alerted={submit.data.alerted} kiosk={kiosk} onReset={onReset} />;
  if (submit.isError) return <RatingOutcome kind="refused" error={submit.error} kiosk={kiosk} onReset={onReset} />;

  const dossier = check.data;
  const next = (index: number): Step => (index < ratingCriteria.length ? { kind: 'criterion', index } : { kind: 'comment' });
  const answered = Object.keys(answers).length;

  function send() {
    if (!score) return;
    const words = [...picks.map((p) => t(`ratings.kiosk.quick.${p}`)), comment.trim()].filter(Boolean).join('; ').slice(0, ratingCommentMaxLength);
    submit.mutate({ ratingToken: token, score, ...(answered ? { criteria: answers } : {}), ...(words ? { comment: words } : {}) });
  }

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Text fz="lg" fw={700}>
          {t('ratings.kiosk.dossierLabel')} <Text span inherit className="motcua-code" style={{ wordBreak: 'break-all' }}>{dossier.code}</Text>
        </Text>
        <Text fz="lg">{dossier.procedureName}</Text>
        <Text c="gray.7">{dossier.agencyName}</Text>
      </Stack>

      {step.kind === 'score' && (
        <Stack gap="lg" role="group" aria-labelledby="kiosk-question">
          <Title order={2} id="kiosk-question" ref={heading} tabIndex={-1} className={classes.question}>{t('ratings.kiosk.scoreQuestion')}</Title>
          <div className={classes.scores}>
            {ratingLevels.map((level) => {
              const look = levelLooks[level.score];
              return (
                <Button
                  key={level.score}
                  variant={score === level.score ? 'filled' : 'default'}
                  color={look.color}
                  className={classes.score}
                  aria-pressed={score === level.score}
                  leftSection={<look.icon size={48} stroke={1.6} aria-hidden="true"
                    color={score === level.score ? undefined : `var(--mantine-color-${look.color.replace('.', '-')})`} />}
                  onClick={() => { setScore(level.score); setStep(next(0)); }}
                  data-score={level.score}
                >
                  {localized(level, language)}
                </Button>
              );
            })}
          </div>
        </Stack>
      )}

      {step.kind === 'criterion' && (() => {
        const criterion = ratingCriteria[step.index]!;
        const key = criterion.key as RatingCriterion;
        const chosen = answers[key];
        return (
          <Stack gap="lg" role="group" aria-labelledby="kiosk-question">
            <Stack gap={6}>
              <Text fw={600} c="brand.8">{t('ratings.kiosk.criteriaTitle')} · {t('ratings.kiosk.criterionProgress', { n: step.index + 1, total: ratingCriteria.length })}</Text>
              <Progress value={((step.index + 1) / ratingCriteria.length) * 100} size="lg" aria-hidden="true" />
            </Stack>
            <Title order={2} id="kiosk-question" ref={heading} tabIndex={-1} className={classes.question}>{localized(criterion.question, language)}</Title>
            <Stack gap="md">
              {criterionPointValues.map((points: CriterionPoints) => (
                <Button
                  key={points}
                  variant={chosen === points ? 'filled' : 'default'}
                  className={classes.answer}
                  aria-pressed={chosen === points}
                  leftSection={chosen === points ? <IconCheck size={28} aria-hidden="true" /> : undefined}
                  onClick={() => { setAnswers({ ...answers, [key]: points }); setStep(next(step.index + 1)); }}
                  data-points={points}
                >
                  {localized(criterion.answers[2 - points]!, language)}
                </Button>
              ))}
            </Stack>
            <Group gap="md" wrap="wrap">
              <Button variant="default" className={classes.big} leftSection={<IconArrowLeft size={24} aria-hidden="true" />}
                onClick={() => setStep(step.index === 0 ? { kind: 'score' } : { kind: 'criterion', index: step.index - 1 })}>
                {t('ratings.kiosk.back')}
              </Button>
              <Button variant="light" className={classes.big} rightSection={<IconPlayerSkipForward size={24} aria-hidden="true" />}
                onClick={() => { const { [key]: _skipped, ...rest } = answers; setAnswers(rest); setStep(next(step.index + 1)); }}>
                {t('ratings.kiosk.skip')}
              </Button>
              {step.index < ratingCriteria.length - 1 && (
                <Button variant="subtle" className={classes.big} onClick={() => setStep({ kind: 'comment' })}>{t('ratings.kiosk.skipAll')}</Button>
              )}
            </Group>
          </Stack>
        );
      })()}

      {step.kind === 'comment' && score && (
        <Stack gap="lg">
          <Title order={2} id="kiosk-question" ref={heading} tabIndex={-1} className={classes.question}>{t('ratings.kiosk.commentTitle')}</Title>
          <Text fz="lg">
            {t('ratings.kiosk.chosen', { level: localized(ratingLevelOf(score), language) })} · {t('ratings.kiosk.answered', { count: answered })}
          </Text>
          <Stack gap="xs" role="group" aria-label={t('ratings.kiosk.quickLabel')}>
            <Text fw={600}>{t('ratings.kiosk.quickLabel')}</Text>
            <Group gap="sm" wrap="wrap">
              {quickPicks.map((pick) => {
                const on = picks.includes(pick);
                return (
                  <Button key={pick} variant={on ? 'filled' : 'default'} className={classes.chip} aria-pressed={on}
                    leftSection={on ? <IconCheck size={22} aria-hidden="true" /> : undefined}
                    onClick={() => setPicks(on ? picks.filter((p) => p !== pick) : [...picks, pick])}>
                    {t(`ratings.kiosk.quick.${pick}`)}
                  </Button>
                );
              })}
            </Group>
          </Stack>
          <Textarea
            label={t('ratings.kiosk.commentLabel')}
            size="lg"
            className={classes.comment}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={ratingCommentMaxLength}
            autosize
            minRows={2}
            maxRows={5}
          />
          <Group gap="md" wrap="wrap">
            <Button variant="default" className={classes.big} leftSection={<IconArrowLeft size={24} aria-hidden="true" />}
              onClick={() => setStep({ kind: 'criterion', index: ratingCriteria.length - 1 })}>
              {t('ratings.kiosk.back')}
            </Button>
            <Button className={classes.big} loading={submit.isPending} leftSection={<IconSend size={24} aria-hidden="true" />} onClick={send}>
              {t('ratings.kiosk.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
