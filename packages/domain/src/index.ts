export * from './errors.ts';
export * from './text/fold.ts';
export * from './access/actor.ts';
export * from './agencies/tree.ts';
export * from './dossier/index.ts';
export * from './calendar/index.ts';
export * from './catalogue/index.ts';
export * from './reports/index.ts';
