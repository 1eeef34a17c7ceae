import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceDesktop, IconExternalLink, IconHeartHandshake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { criterionAnswerLabel, criterionMaxPoints, ratingCriteria, ratingLevelOf, type CriterionPoints, type RatingCriterion, type RatingScore } from '@motcua/domain';
import { isApiError } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import type { DossierDetail } from '../dossiers/dossiers.api.ts';
import { useRatingInvitation } from './ratings.api.ts';

/** The window the counter's screen shows the rating page in: each invitation reuses it. */
const kioskWindow = 'motcua-rating-kiosk';

/**
 * The dossier page's rating (docs/rules/service-quality.md): once there is a result and no rating,
 * the rating QR code to hand over with the result (the rating card, printed) or the rating page
 * opened on the counter's screen; once rated, the applicant's rating, criteria and comment.
 */
export function DossierRating({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const invitation = useRatingInvitation(dossier.id);
  const rating = dossier.rating;
  if (!rating && !dossier.ratingCard) return null;

  function invite() {
    // Opened now, in the click, so that no pop-up blocker stops it; the address follows.
    const opened = window.open('about:blank', kioskWindow);
    invitation.mutate(undefined, {
      onSuccess: ({ url }) => {
        const kiosk = url.replace('#', '?quay=1#');
        if (opened) opened.location.href = kiosk;
        else window.open(kiosk, kioskWindow);
      },
      onError: (error) => {
        opened?.close();
        notifications.show({ color: 'red', title: t('ratings.dossier.inviteFailed'), message: isApiError(error) ? localized(error.messages, language) : t('errors.network') });
      },
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rating-title" data-testid="dossier-rating">
      <Group gap={6} mb="xs">
        <IconHeartHandshake size={18} aria-hidden="true" />
        <Title order={2} fz="h4" id="rating-title">{t('ratings.dossier.title')}</Title>
      </Group>
      {rating ? (
        <Stack gap="xs">
          <Group gap="xs">
            <Badge size="lg" variant="light" color={rating.score <= 2 ? 'red' : rating.score === 3 ? 'gray' : 'green'} data-score={rating.score}>
              {rating.score} – {localized(ratingLevelOf(rating.score as RatingScore), language)}
            </Badge>
          </Group>
          <Text size="xs" c="gray.7" className="motcua-figures">
            {t('ratings.dossier.ratedAt', { at: formatDateTime(rating.ratedAt) })}{rating.proof ? ` · ${t(`ratings.dossier.proof.${rating.proof}`)}` : ''}
          </Text>
          {ratingCriteria.filter((c) => rating.criteria[c.key as RatingCriterion] !== undefined).map((c) => {
            const points = rating.criteria[c.key as RatingCriterion] as CriterionPoints;
            return (
              <Text key={c.key} size="sm">
                <Text span size="sm" c="gray.8">{localized(c.short, language)}:</Text>{' '}
                {localized(criterionAnswerLabel(c.key as RatingCriterion, points), language)} ({points}/{criterionMaxPoints})
              </Text>
            );
          })}
          {rating.comment && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>“{rating.comment}”</Text>}
        </Stack>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Anchor href={dossier.ratingCard!} target="_blank" rel="noopener" size="sm" data-form="rating-card">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <span>{t('ratings.dossier.card')}</span>
              <IconExternalLink size={14} aria-hidden="true" style={{ flex: 'none', marginTop: 3 }} />
            </Group>
          </Anchor>
          <Button size="xs" variant="light" leftSection={<IconDeviceDesktop size={16} aria-hidden="true" />} loading={invitation.isPending} onClick={invite}>
            {t('ratings.dossier.invite')}
          </Button>
          <Text size="xs" c="gray.7">{t('ratings.dossier.inviteHint')}</Text>
        </Stack>
      )}
    </Paper>
  );
}
