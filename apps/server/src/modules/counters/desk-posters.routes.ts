import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { counterPoster, procedurePoster } from './desk-posters.usecases.ts';

const pdf = (reply: Parameters<typeof sendDownload>[0], body: { pdf: Uint8Array; fileName: string }) =>
  sendDownload(reply, { bytes: body.pdf, mediaType: 'application/pdf', fileName: body.fileName });

const CounterParams = z.object({ id: z.uuid() });

/** The desk's QR posters (docs/qr-posters.md): staff of the counter's agency print them; another agency's counter is not found. */
export function registerDeskPosterRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/counters/:id/qr-poster', {
    config: { access: anyStaff, problems: ['counter.not_found'] },
    schema: {
      tags: ['counters'],
      summary: 'The counter’s QR poster (áp phích QR), A4 PDF: QR codes to its agency’s procedures on the portal, to rating and to feedback; '
        + 'for officers, leaders and managers of the counter’s agency or above',
      params: CounterParams,
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => pdf(reply, await counterPoster(request.actor, request.params.id, deps)),
  });

  r.get('/api/v1/counters/:id/procedures/:code/qr-poster', {
    config: { access: anyStaff, problems: ['counter.not_found', 'procedure.not_found', 'procedure.not_implemented_here'] },
    schema: {
      tags: ['counters'],
      summary: 'A procedure’s QR poster at the counter, A4 PDF: name, legal time, fees, how to submit, QR codes to its public page and to online '
        + 'submission; a procedure in force that the counter’s agency handles; for officers, leaders and managers of that agency or above',
      params: CounterParams.extend({ code: inputText().min(1).max(64).describe('the procedure’s code') }),
      produces: ['application/pdf'],
    },
    handler: async (request, reply) => pdf(reply, await procedurePoster(request.actor, request.params.id, request.params.code, deps)),
  });
}
