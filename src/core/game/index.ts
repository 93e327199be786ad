export * from './settings.ts';
export * from './types.ts';
export * from './machine.ts';
