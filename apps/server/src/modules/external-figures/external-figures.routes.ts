/** External figures (docs/rules/service-quality.md): SIPAS and PAR Index as published, entered by administrators, never computed. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { externalFigureKinds, externalFigureLimits, inputText } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, staffWith } from '../../http/access.ts';
import { auditContextOf } from '../../http/context.ts';
import { IdParams, listOf } from '../../http/schemas.ts';
import { ExternalFigure } from '../surveys/surveys.schemas.ts';
import { enterFigure, figureList, removeFigure } from './external-figures.usecases.ts';

const FigureBody = z.object({
  agency: inputText().max(64).describe('code of the province or district the figure is published for'),
  kind: z.enum(externalFigureKinds).describe('sipas: Chỉ số hài lòng về sự phục vụ hành chính; par_index: Chỉ số cải cách hành chính'),
  year: z.number().int().min(externalFigureLimits.yearMin).max(externalFigureLimits.yearMax).describe('the year the index measures'),
  value: z.number().min(0).max(100).describe('as published: a percentage 0–100, two decimals at most'),
  rank: z.number().int().min(1).max(externalFigureLimits.rankMax).nullable().optional(),
  rankOf: z.number().int().min(1).max(externalFigureLimits.rankMax).nullable().optional().describe('out of how many agencies ranked'),
  source: inputText().trim().min(1).max(externalFigureLimits.sourceMax).describe('the publishing decision, e.g. "Quyết định số …/QĐ-BNV ngày …"'),
  publishedOn: z.iso.date().nullable().optional(),
  note: inputText().max(externalFigureLimits.noteMax).nullable().optional(),
});

export function registerExternalFigureRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['service quality'];

  r.get('/api/v1/external-figures', {
    config: { access: anyStaff, problems: ['agency.not_found'] },
    schema: {
      tags,
      summary: 'SIPAS and PAR Index as the Ministry of Home Affairs published them (never computed by Motcua): of `agency`, the agencies above and below it, or of all',
      querystring: z.object({
        agency: inputText().max(64).optional(),
        year: z.coerce.number().int().min(externalFigureLimits.yearMin).max(externalFigureLimits.yearMax).optional(),
        latest: z.stringbool().optional().describe('with `year`: for each agency and index, the figure of that year or the latest published before it'),
        kind: z.enum(externalFigureKinds).optional(),
      }),
      response: { 200: listOf(ExternalFigure) },
    },
    handler: async (request) => figureList(request.query, deps),
  });

  r.put('/api/v1/external-figures', {
    config: { access: staffWith('admin'), problems: ['agency.not_found', 'external_figure.invalid_agency'] },
    schema: {
      tags,
      summary: 'Enter (or correct) the published figure of a province or district for a year, with the decision that published it; audited',
      body: FigureBody,
      response: { 200: ExternalFigure },
    },
    handler: async (request) => enterFigure(auditContextOf(request), request.body, deps),
  });

  r.delete('/api/v1/external-figures/:id', {
    config: { access: staffWith('admin'), problems: ['external_figure.not_found'] },
    schema: { tags, summary: 'Delete a figure entered by mistake; audited', params: IdParams, response: { 204: z.undefined().describe('Deleted') } },
    handler: async (request, reply) => {
      await removeFigure(auditContextOf(request), request.params.id, deps);
      return reply.status(204).send();
    },
  });
}
