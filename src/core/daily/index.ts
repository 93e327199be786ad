export * from './challenge.ts';
export * from './schedule.ts';
export * from './scoring.ts';
export * from './share.ts';
export * from './streak.ts';
export { isValidTimeZone, canonicalTimeZone, localDate } from '../time/zoned.ts';
export { isValidLocalTime, type LocalDateString } from '../time/calendar.ts';
export * from './run.ts';
