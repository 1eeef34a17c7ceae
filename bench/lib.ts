/**
 * Benchmark helpers. Every figure is printed readably and appended as one JSON line to
 * bench/results/latest.jsonl (docs/benchmarks.md): {bench, metric, value, unit, baseline?, ratio?, dataset?, at}.
 * `baseline` is the same work done the simplest direct way in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';

export const resultsFile = path.resolve(import.meta.dirname, 'results', 'latest.jsonl');

export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  dataset?: string;
}

export function record(figure: Figure): void {
  const ratio = figure.baseline ? figure.value / figure.baseline : undefined;
  const line = { ...figure, ...(ratio === undefined ? {} : { ratio: round(ratio, 4) }), at: new Date().toISOString() };
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.appendFileSync(resultsFile, JSON.stringify(line) + '\n');
  const base = figure.baseline === undefined ? '' : `  (baseline ${fmt(figure.baseline)} ${figure.unit}, ratio ${round(ratio!, 3)})`;
  console.log(`  ${figure.bench} · ${figure.metric}: ${fmt(figure.value)} ${figure.unit}${base}${figure.dataset ? `  [${figure.dataset}]` : ''}`);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : String(round(n, 3));
}

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns operations per second. */
export function opsPerSecond(fn: (i: number) => unknown, ms = 2000): number {
  let sink = 0;
  const warmUntil = performance.now() + Math.min(500, ms / 4);
  let i = 0;
  while (performance.now() < warmUntil) if (fn(i++)) sink++;
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 1000; k++) if (fn(n++)) sink++;
    now = performance.now();
  }
  if (sink < 0) console.log(sink);
  return (n / (now - start)) * 1000;
}

/** The p-th percentile (0..100) of `samples`. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
