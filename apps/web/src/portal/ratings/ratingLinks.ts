/**
 * The addresses of the rating page (docs/rules/service-quality.md): a rating QR code (form 01, the
 * rating card, the counter's screen) opens `/danh-gia/<code>#<token>`; the token stays in the
 * fragment, so it never reaches a server log. Forms printed before carry the status page with
 * `#danh-gia=<token>`: both are read.
 */
import { normalizeDossierCode } from '../paths.ts';

const tokenPattern = /^[A-Za-z0-9_-]{16,200}$/;

/** `/danh-gia/<code>#<token>`, the rating page of one dossier. */
export function ratingPagePath(code: string, token: string): string {
  return `/danh-gia/${encodeURIComponent(code)}#${token}`;
}

/** The counter's kiosk, waiting for the next rating QR code. */
export const ratingKioskPath = '/danh-gia';

/** The token in the rating page's fragment (`#<token>`, or the older `#danh-gia=<token>`). */
export function ratingTokenOfHash(hash: string): string | undefined {
  const raw = hash.startsWith('#danh-gia=') ? hash.slice('#danh-gia='.length) : hash.slice(1);
  return tokenPattern.test(raw) ? raw : undefined;
}

/**
 * What a scanner typed, or a person pasted: the address of a rating QR code, on any host (the QR
 * carries the installation's public address). Undefined when it is not one.
 */
export function parseRatingScan(text: string): { code: string; token: string } | undefined {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed, 'https://motcua.invalid');
  } catch {
    return undefined;
  }
  const m = /^\/(danh-gia|tra-cuu)\/([^/]+)$/.exec(url.pathname);
  if (!m) return undefined;
  if (m[1] === 'tra-cuu' && !url.hash.startsWith('#danh-gia=')) return undefined;
  const token = ratingTokenOfHash(url.hash);
  let code: string;
  try {
    code = normalizeDossierCode(decodeURIComponent(m[2]!));
  } catch {
    return undefined;
  }
  return token && code ? { code, token } : undefined;
}

const kioskKey = 'motcua.ratingKiosk';

/**
 * Whether this window is the counter's kiosk: it was opened on the waiting screen, or by the
 * officer's console (`?quay=1`). A kiosk resets itself after each rating; a phone does not.
 */
export function rememberKioskMode(search: string, waitingScreen: boolean): boolean {
  try {
    if (waitingScreen || new URLSearchParams(search).get('quay') === '1') window.sessionStorage.setItem(kioskKey, '1');
    return window.sessionStorage.getItem(kioskKey) === '1';
  } catch {
    return waitingScreen;
  }
}
