import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconHeartHandshake } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api.ts';
import { localized, useLanguage } from '../../shared/i18n/index.ts';
import classes from './RatingKiosk.module.css';

/** How long the kiosk shows the thanks, or a refusal, before it waits for the next citizen. */
export const kioskResetSeconds = { thanks: 8, refused: 12 } as const;

/**
 * The end of a rating: the thanks (and, for a low rating, that the unit's leaders were told), or
 * why it could not be made, in the server's words (a code already used: "Hồ sơ này đã được đánh
 * giá…"). A kiosk counts down and resets itself for the next citizen; a phone stays.
 */
export function RatingOutcome({ kind, error, alerted, kiosk, onReset }: {
  kind: 'thanks' | 'refused'; error?: unknown; alerted?: boolean; kiosk: boolean; onReset: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const seconds = useCountdown(kiosk ? kioskResetSeconds[kind] : undefined, onReset);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const message = isApiError(error) ? localized(error.messages, language) : t('errors.unexpected');
  const thanks = kind === 'thanks';
  return (
    <Stack align="center" gap="lg" py="xl" ta="center" data-testid={`rating-${kind}`}>
      <ThemeIcon size={120} radius={999} variant="light" color={thanks ? 'green' : 'orange'} className={classes.outcomeIcon}>
        {thanks ? <IconHeartHandshake size="60%" aria-hidden="true" /> : <IconAlertTriangle size="60%" aria-hidden="true" />}
      </ThemeIcon>
      <Title order={2} ref={heading} tabIndex={-1} className={classes.question}>{t(thanks ? 'ratings.kiosk.thanks' : 'ratings.kiosk.refused')}</Title>
      <Stack gap="xs" role={thanks ? 'status' : 'alert'}>
        <Text fz="xl">{thanks ? t('ratings.kiosk.thanksBody') : message}</Text>
        {thanks && alerted && <Text fz="lg">{t('ratings.kiosk.forwarded')}</Text>}
      </Stack>
      {kiosk ? (
        <>
          <Text c="gray.7" fz="lg" aria-live="off">{t('ratings.kiosk.resetIn', { seconds })}</Text>
          <Button className={classes.big} onClick={onReset}>{t(thanks ? 'ratings.kiosk.done' : 'ratings.kiosk.startOver')}</Button>
        </>
      ) : (
        <Button component={Link} to="/" variant="default" className={classes.big}>{t('ratings.kiosk.portal')}</Button>
      )}
    </Stack>
  );
}

/** Seconds left until `done` is called; nothing counts without a start. */
function useCountdown(start: number | undefined, done: () => void): number {
  const [left, setLeft] = useState(start ?? 0);
  const finish = useRef(done);
  useEffect(() => {
    finish.current = done;
  });
  useEffect(() => {
    if (start === undefined) return;
    const began = Date.now();
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, start - Math.floor((Date.now() - began) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(timer);
        finish.current();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [start]);
  return left;
}
