import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCamera, IconLanguage, IconQrcode, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { errorCatalogue } from '@motcua/domain';
import { ApiError } from '../../shared/api.ts';
import { site } from '../../shared/site.ts';
import { BrandMark } from '../../shared/ui/BrandMark.tsx';
import { languages, setLanguage, useLanguage } from '../../shared/i18n/index.ts';
import { usePageTitle } from '../../shared/ui/page.ts';
import { normalizeDossierCode } from '../paths.ts';
import { KioskRating } from './KioskRating.tsx';
import { parseRatingScan, ratingKioskPath, ratingPagePath, ratingTokenOfHash, rememberKioskMode } from './ratingLinks.ts';
import { RatingOutcome } from './RatingOutcome.tsx';
import classes from './RatingKiosk.module.css';

/** A kiosk left in the middle of a rating goes back to waiting after this long without a touch. */
const idleResetMs = 90_000;

/**
 * `/danh-gia` and `/danh-gia/:code#<token>` (docs/rules/service-quality.md): the rating page a
 * rating QR code opens, full screen and by touch, Vietnamese first with English one touch away.
 * On the counter's kiosk (opened on the waiting screen `/danh-gia`, or by the console with
 * `?quay=1`) it waits for the next QR code, and after a rating thanks and resets itself; on the
 * applicant's phone it stays on the thanks.
 */
export function RatingKioskPage() {
  const { t } = useTranslation();
  usePageTitle(t('ratings.kiosk.title'));
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const code = params.code ? normalizeDossierCode(params.code) : undefined;
  const token = code ? ratingTokenOfHash(location.hash) : undefined;
  const [kiosk] = useState(() => rememberKioskMode(location.search, !code));
  const reset = () => {
    if (kiosk) void navigate(ratingKioskPath, { replace: true });
  };
  useIdleReset(kiosk && Boolean(code), reset);

  return (
    <div className={classes.page} data-testid="rating-kiosk" data-kiosk={kiosk}>
      <header className={classes.header}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <BrandMark size={48} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Title order={1} className={classes.title} c="brand.8">{t('ratings.kiosk.title')}</Title>
              <Text c="gray.7" visibleFrom="sm">{site.provinceName} · {t('ratings.kiosk.tagline')}</Text>
            </Stack>
          </Group>
          <LanguageToggle />
        </Group>
      </header>
      <main className={classes.main}>
        {!code ? (
          <KioskWaiting onScanned={(scan) => void navigate(ratingPagePath(scan.code, scan.token))} />
        ) : !token ? (
          <RatingOutcome kind="refused" error={missingProof()} kiosk={kiosk} onReset={reset} />
        ) : (
          <Stack gap="xl">
            <KioskRating key={`${code}#${token}`} code={code} token={token} kiosk={kiosk} onReset={reset} />
            {kiosk && (
              <Group justify="flex-end">
                <Button variant="subtle" color="gray" className={classes.big} leftSection={<IconX size={24} aria-hidden="true" />} onClick={reset}>
                  {t('ratings.kiosk.cancel')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </main>
    </div>
  );
}

/** The rating page opened without its token: the server's own words for "a proof is needed". */
function missingProof(): ApiError {
  const { status, vi, en } = errorCatalogue['rating.proof_required'];
  return new ApiError({ title: en, status, code: 'rating.proof_required', messages: { vi, en } });
}

/**
 * Vietnamese first, English one touch away: one big button that names the other language in that
 * language ("English" / "Tiếng Việt").
 */
function LanguageToggle() {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = languages.find((lng) => lng !== language) ?? 'en';
  return (
    <Button variant="default" className={classes.language} lang={other} onClick={() => void setLanguage(other)} data-testid="kiosk-language"
      leftSection={<IconLanguage size={24} aria-hidden="true" />}>
      {t(`language.${other}`)}
    </Button>
  );
}

/**
 * The kiosk waiting for a rating QR code: a counter's QR scanner types the code's address into the
 * field and presses Enter; a touch on "Bắt đầu" does the same with what was pasted; a browser
 * that reads QR codes from its camera offers that too.
 */
function KioskWaiting({ onScanned }: { onScanned: (scan: { code: string; token: string }) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [wrong, setWrong] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function take(text: string) {
    const scan = parseRatingScan(text);
    if (!scan) {
      setWrong(true);
      setValue('');
      input.current?.focus();
      return;
    }
    onScanned(scan);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    take(value);
  }

  return (
    <Stack gap="xl" align="stretch">
      <Stack gap="sm" align="center" ta="center">
        <IconQrcode size={96} stroke={1.3} aria-hidden="true" color="var(--mantine-color-brand-7)" />
        <Title order={2} className={classes.question}>{t('ratings.kiosk.idle.heading')}</Title>
        <Text fz="xl" maw={760}>{t('ratings.kiosk.idle.body')}</Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760} mx="auto" w="100%">
          <TextInput
            ref={input}
            size="xl"
            className={classes.scan}
            label={t('ratings.kiosk.idle.scanLabel')}
            description={t('ratings.kiosk.idle.scanHint')}
            value={value}
            onChange={(event) => { setValue(event.currentTarget.value); setWrong(false); }}
            error={wrong ? t('ratings.kiosk.idle.notAToken') : undefined}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            data-testid="rating-scan"
          />
          <Group gap="md" wrap="wrap" grow>
            <Button type="submit" className={classes.big}>{t('ratings.kiosk.idle.start')}</Button>
            <CameraScan onText={take} />
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

interface DetectedCode { rawValue: string }
interface QrDetector { detect(source: HTMLVideoElement): Promise<DetectedCode[]> }
type QrDetectorClass = new (options: { formats: string[] }) => QrDetector;

/** The browser's own QR reader (the Barcode Detection API), where it has one; nothing otherwise. */
function CameraScan({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const Detector = (window as unknown as { BarcodeDetector?: QrDetectorClass }).BarcodeDetector;
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const found = useRef(onText);
  useEffect(() => {
    found.current = onText;
  });

  useEffect(() => {
    if (!on || !Detector) return;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = window.setInterval(() => {
          if (!video.current) return;
          void detector.detect(video.current).then((codes) => {
            const text = codes[0]?.rawValue;
            if (text && !stopped) {
              stopped = true;
              setOn(false);
              found.current(text);
            }
          }).catch(() => undefined);
        }, 300);
      } catch {
        setFailed(true);
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on, Detector]);

  if (!Detector) return null;
  return (
    <Stack gap="sm">
      <Button variant="default" className={classes.big} leftSection={on ? <IconX size={24} aria-hidden="true" /> : <IconCamera size={24} aria-hidden="true" />}
        onClick={() => { setFailed(false); setOn(!on); }}>
        {t(on ? 'ratings.kiosk.idle.cameraStop' : 'ratings.kiosk.idle.camera')}
      </Button>
      {on && <video ref={video} className={classes.video} muted playsInline aria-hidden="true" />}
      {failed && <Alert color="orange" variant="light">{t('ratings.kiosk.idle.cameraFailed')}</Alert>}
    </Stack>
  );
}

/** Calls `reset` after `idleResetMs` without a touch, a click or a key, while `enabled`. */
function useIdleReset(enabled: boolean, reset: () => void): void {
  const latest = useRef(reset);
  useEffect(() => {
    latest.current = reset;
  });
  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(() => latest.current(), idleResetMs);
    const touched = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), idleResetMs);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touched, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, touched);
    };
  }, [enabled]);
}
