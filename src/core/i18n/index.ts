export * from './locale.ts';
export * from './messages.ts';
export * from './translate.ts';
export { en } from './en.ts';
export { es } from './es.ts';
export * from './help.ts';
