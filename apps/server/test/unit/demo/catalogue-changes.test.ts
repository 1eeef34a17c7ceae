import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCatalogueChanges } from '../../../src/demo/catalogue-changes.ts';
import { demoBundleDir } from '../../../src/demo/demo.ts';

const catalogue = JSON.parse(fs.readFileSync(path.join(demoBundleDir, 'procedures.json'), 'utf8')) as Array<Record<string, unknown> & { code: string }>;

describe('the demo catalogue changes', () => {
  it('fall three and two months before the month of the load and next month, across a new year', () => {
    const dates = (today: string) => demoCatalogueChanges(today, catalogue).map((e) => (e as { validFrom: string }).validFrom);
    expect(dates('2026-11-27')).toEqual(['2026-08-10', '2026-09-15', '2026-12-01']);
    expect(dates('2026-01-05')).toEqual(['2025-10-10', '2025-11-15', '2026-02-01']);
    expect(dates('2026-12-31')).toEqual(['2026-09-10', '2026-10-15', '2027-01-01']);
  });

  it('amend and abolish procedures of the demo bundle and add one it does not have', () => {
    const [amended, created, abolished] = demoCatalogueChanges('2026-11-27', catalogue) as Array<{ code: string; status?: string }>;
    const codes = catalogue.map((e) => e.code);
    expect(codes).toContain(amended!.code);
    expect(codes).not.toContain(created!.code);
    expect(abolished).toMatchObject({ code: 'DEMO.013', status: 'abolished' });
    expect(codes).toContain('DEMO.013');
  });
});
