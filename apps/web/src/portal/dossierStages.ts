/**
 * The five stages a citizen recognises — filed, received, being processed, result ready, result
 * returned — with the date each was reached, read from the public status's steps. Side paths
 * (a supplement request, a refusal, a withdrawal) mark the stage where they happened.
 */
import type { PublicDossier } from './dossiers.api.ts';

export type StageKey = 'submitted' | 'received' | 'processing' | 'resolved' | 'returned';
export const stageKeys: readonly StageKey[] = ['submitted', 'received', 'processing', 'resolved', 'returned'];

export interface Stage {
  key: StageKey;
  at: string | null;
  state: 'done' | 'current' | 'pending' | 'stopped';
}

const stageOfStatus: Record<string, StageKey> = {
  draft: 'submitted',
  submitted: 'submitted',
  received: 'received',
  processing: 'processing',
  supplement_requested: 'processing',
  paused: 'processing',
  resolved: 'resolved',
  rejected: 'resolved',
  returned: 'returned',
};

export function stagesOf(dossier: Pick<PublicDossier, 'status' | 'steps'>): Stage[] {
  const reachedAt = new Map<StageKey, string>();
  for (const step of dossier.steps) {
    const stage = stageOfStatus[step.status];
    if (stage && !reachedAt.has(stage)) reachedAt.set(stage, step.at);
  }
  // Refused at intake or withdrawn: the path stops where the dossier stood.
  const ended = dossier.status === 'refused' || dossier.status === 'withdrawn';
  const last = dossier.steps.map((s) => stageOfStatus[s.status]).filter(Boolean).at(-1) ?? 'submitted';
  const current = ended ? last : stageOfStatus[dossier.status] ?? 'submitted';
  const currentIndex = stageKeys.indexOf(current);
  return stageKeys.map((key, index) => ({
    key,
    at: index <= currentIndex ? reachedAt.get(key) ?? null : null,
    state: index < currentIndex ? 'done'
      : index === currentIndex ? (ended ? 'stopped' : key === 'returned' ? 'done' : 'current')
        : 'pending',
  }));
}
