export * from './points.ts';
export * from './standings.ts';
export * from './stats.ts';
