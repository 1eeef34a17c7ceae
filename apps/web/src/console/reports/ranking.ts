/**
 * The ranking of units: by on-time rate, ties broken by digitization rate, then by volume
 * (dossiers received). The rates are the server's fractions, compared as sent. Units that
 * resolved fewer than `minResolved` dossiers keep their place but are flagged: a rate over a
 * handful of dossiers says little.
 */

export interface RankableRow {
  agency: string;
  agencyName: string;
  received: number;
  resolved: number;
  onTimeRate: number | null;
  digitizationRate: number | null;
}

export interface RankedRow<R extends RankableRow> {
  /** 1-based; units equal on all three keys share a rank (1, 1, 3). */
  rank: number;
  row: R;
  fewDossiers: boolean;
}

/** Below this many resolved dossiers a unit's on-time rate is flagged as thin. */
export const minResolvedForRanking = 30;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Descending, `null` (no denominator) after every number. */
function byRateDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function compareKeys(a: RankableRow, b: RankableRow): number {
  return byRateDesc(a.onTimeRate, b.onTimeRate) || byRateDesc(a.digitizationRate, b.digitizationRate) || b.received - a.received;
}

export function rankAgencies<R extends RankableRow>(rows: readonly R[], minResolved = minResolvedForRanking): Array<RankedRow<R>> {
  const sorted = [...rows].sort((a, b) => compareKeys(a, b) || collator.compare(a.agencyName, b.agencyName));
  const out: Array<RankedRow<R>> = [];
  sorted.forEach((row, i) => {
    const previous = out[i - 1];
    const rank = previous && compareKeys(previous.row, row) === 0 ? previous.rank : i + 1;
    out.push({ rank, row, fewDossiers: row.resolved < minResolved });
  });
  return out;
}
