import fs from 'node:fs';
import path from 'node:path';
import type { EFormDefinition } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { renderDeclarationPdfDocument } from '../../../src/infra/pdf/declaration.ts';
import { pdfWords } from './poppler.ts';

const forms = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../bundles/demo/eforms.json'), 'utf8')) as EFormDefinition[];
const A4 = { width: 595.28, height: 841.89 };

describe('the printed e-form declaration', () => {
  it.each(forms.map((f) => [f.id, f] as const))('%s leaves the declarant’s signature slot between the instruction and their name', async (_id, form) => {
    const name = 'Nguyễn Thị Ánh Tuyết';
    const nameField = form.signer?.nameField;
    const { pdf, signatureSlot } = await renderDeclarationPdfDocument(form, nameField ? { [nameField]: name } : {}, {
      code: '000.41.00.H40-250304-0007', addressee: 'Ủy ban nhân dân xã Giao Thủy', place: 'Giao Thủy', filedAt: '2025-03-04T02:15:00Z',
    });
    const words = (await pdfWords(pdf)).filter((w) => w.page === signatureSlot.page + 1);
    const top = A4.height - (signatureSlot.y + signatureSlot.height);
    const bottom = A4.height - signatureSlot.y;
    expect(signatureSlot.height).toBeGreaterThanOrEqual(22 * (72 / 25.4) - 0.01);
    const hint = words.filter((w) => w.text === 'tên)').at(-1)!; // "(Ký, ghi rõ họ, chữ đệm, tên)"
    expect(hint.yMax).toBeLessThanOrEqual(top + 0.5);
    if (nameField) expect(words.find((w) => w.text === 'Tuyết' && w.yMin > top)!.yMin).toBeGreaterThanOrEqual(bottom - 0.5);
    expect(words.filter((w) => w.xMax > signatureSlot.x && w.xMin < signatureSlot.x + signatureSlot.width && w.yMax > top + 1 && w.yMin < bottom - 1)).toEqual([]);
  });
});
