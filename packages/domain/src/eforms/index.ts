// Interactive e-forms (tờ khai điện tử, docs/eforms.md): definitions as data, declarations checked, prefilled and verified.
export * from './form.ts';
export * from './definition.ts';
export * from './declaration.ts';
