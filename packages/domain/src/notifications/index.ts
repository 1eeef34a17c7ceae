// Notifications (SPEC §12, docs/rules/notifications.md): kinds, channels, templates.
export * from './kinds.ts';
export * from './render.ts';
export * from './sms.ts';
export * from './default-templates.ts';
export * from './triggers.ts';
export * from './reminders.ts';
export * from './phone.ts';
