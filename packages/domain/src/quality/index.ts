// Service quality (docs/rules/service-quality.md): ratings, surveys, feedback and petitions, the 766 index, rankings, reform plans.
export * from './vocabulary.ts';
export * from './feedback.ts';
export * from './feedback-figures.ts';
export * from './feedback-redaction.ts';
export * from './ratings.ts';
export * from './surveys.ts';
export * from './sampling.ts';
export * from './survey-results.ts';
export * from './external-figures.ts';
export * from './index-indicators.ts';
export * from './index-versions.ts';
export * from './index-score.ts';
export * from './index-ranking.ts';
export * from './reform-plans.ts';
