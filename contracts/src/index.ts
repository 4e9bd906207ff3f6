export * from './common.ts';
export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './messages.ts';
export * from './calendar.ts';
export * from './tasks.ts';
export * from './notifications.ts';
