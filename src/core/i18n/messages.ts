import type { Lang } from '../questions/question.ts';
import { en } from './en.ts';

export type { Lang };
export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

/** The {placeholders} of a template string, as a union of names. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | PlaceholdersOf<Rest>
  : never;

export type ParamValue = string | number;
export type ParamsFor<K extends MessageKey> = { readonly [P in PlaceholdersOf<(typeof en)[K]>]: ParamValue };

/** Names of the placeholders in a template, in order of appearance, without repeats. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? ''))];
}
