import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, textProblem, type FieldIssue } from '@motcua/domain';
import type { Deps } from '../../deps.ts';
import { anyStaff, publicAccess } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import { loadDossierContext } from '../dossiers/dossier.context.ts';
import { uploadMediaTypes } from '../../infra/sniff.ts';
import { fileErrors, storeUpload } from './files.usecases.ts';

const UploadedSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadToken: z.string().optional().describe('public uploads: present it with the submission'),
});

async function upload(request: FastifyRequest, deps: Deps) {
  if (!request.isMultipart()) throw fileErrors.missing();
  const part = await request.file({ limits: { fileSize: deps.config.maxUploadBytes + 1, files: 1 } });
  if (!part) throw fileErrors.missing();
  refuseUnacceptableText(part);
  const uploaded = await storeUpload(deps.db, deps.storage, request.actor, { filename: part.filename, stream: part.file }, { maxBytes: deps.config.maxUploadBytes, now: deps.clock() });
  if (part.file.truncated) throw fileErrors.tooLarge(deps.config.maxUploadBytes);
  return uploaded;
}

/** The file's name and the fields sent before it are text: held to the one rule for text input. */
function refuseUnacceptableText(part: MultipartFile): void {
  const issues: FieldIssue[] = [];
  const check = (path: string, value: string) => {
    const problem = textProblem(value);
    if (problem) issues.push({ path, message: problem });
  };
  check(`body.${part.fieldname}.filename`, part.filename);
  for (const [name, value] of Object.entries(part.fields)) {
    for (const field of ([] as unknown[]).concat(value)) {
      const f = field as { type?: string; value?: unknown };
      if (f.type === 'field' && typeof f.value === 'string') check(`body.${name}`, f.value);
    }
  }
  if (issues.length === 0) return;
  part.file.resume(); // drain the upload before answering
  throw new AppError('request.invalid', { issues });
}

export function registerFileRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const multipartDoc = { consumes: ['multipart/form-data'] };

  r.post('/api/v1/files', {
    config: { access: anyStaff },
    schema: { tags: ['files'], summary: 'Upload a scan (PDF, JPEG, PNG; field "file")', ...multipartDoc, response: { 201: UploadedSchema } },
    handler: async (request, reply) => reply.status(201).send(await upload(request, deps)),
  });

  r.post('/api/v1/public/files', {
    config: { access: publicAccess, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags: ['public'], summary: 'Upload a file for an online submission (PDF, JPEG, PNG; field "file")', ...multipartDoc, response: { 201: UploadedSchema } },
    handler: async (request, reply) => reply.status(201).send(await upload(request, deps)),
  });

  r.get('/api/v1/files/:id', {
    config: { access: anyStaff, problems: ['file.not_found'] },
    schema: {
      tags: ['files'], summary: 'Download a file of a dossier the caller may see', params: z.object({ id: z.uuid() }),
      produces: [...uploadMediaTypes],
    },
    handler: async (request, reply) => {
      const file = await deps.db.selectFrom('files').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      const notFound = new AppError('file.not_found', { messages: { vi: 'Không tìm thấy tệp', en: 'File not found' } });
      if (!file) throw notFound;
      const actor = request.actor;
      if (file.dossier_id === null) {
        if (actor.kind !== 'staff' || file.uploaded_by !== actor.userId) throw notFound;
      } else {
        await loadDossierContext(deps.db, deps.references, actor, file.dossier_id).catch(() => {
          throw notFound;
        });
      }
      return sendDownload(reply, { bytes: deps.storage.read(file.storage_key), mediaType: file.media_type, fileName: file.original_name });
    },
  });
}
