/**
 * The desk's QR posters (docs/qr-posters.md), from the inbox: the counter's poster and one per
 * procedure its agency handles, each a PDF the server renders
 * (apps/server/src/modules/counters/desk-posters.usecases.ts). The same people print them as the
 * tracking book: the counter's officers and the agency's leaders (`trackingBookAgencies`).
 */
import { apiBase } from '../../shared/api.ts';

/** The counter's poster: QR codes to its agency's procedures, to rating and to feedback. */
export function counterPosterUrl(counterId: string): string {
  return `${apiBase}/counters/${counterId}/qr-poster`;
}

/** A procedure's poster at the counter: QR codes to its page and to online submission. */
export function procedurePosterUrl(counterId: string, procedureCode: string): string {
  return `${apiBase}/counters/${counterId}/procedures/${encodeURIComponent(procedureCode)}/qr-poster`;
}
