import { MAX_SYNOPSIS_BYTES, parseSynopsis } from '../synopsis/document.ts';
import { analyse } from '../synopsis/entities.ts';
import { extractFacts } from '../synopsis/facts.ts';
import type { Fact } from '../synopsis/facts.ts';
import { hashId } from '../synopsis/hash.ts';
import { seededRng, shuffled } from '../synopsis/rng.ts';
import { fold } from '../synopsis/text.ts';
import { AcceptedQuestions } from './accepted.ts';
import { candidatePools, chooseDistractors } from './distractors.ts';
import { draftQuestions } from './drafts.ts';
import type { Draft } from './drafts.ts';
import { gate } from './gates.ts';
import type { RejectReason } from './gates.ts';
import type { PackEntity, PackMeta, Question, QuestionPack } from './question.ts';

/** Bump when generation changes in a way that changes question ids. */
export const GENERATOR_VERSION = 'qgen-1';

export interface GenerateOptions {
  packId: string;
  /** Packs whose names, places and roles may serve as distractors, and whose full names join short mentions. */
  otherPacks?: readonly QuestionPack[];
}

export interface Rejection {
  reason: RejectReason;
  type: Question['type'];
  prompt: string;
  answer: string;
}

export type GenerateResult =
  { ok: true; pack: QuestionPack; rejected: Rejection[] } | { ok: false; error: string };

const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** UTF-8 size without TextEncoder, so core stays free of host APIs. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function titleFromId(packId: string): string {
  return packId
    .split('-')
    .map((w) => (/^[ivx]+$/.test(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

function questionId(packId: string, d: Draft): string {
  return `${packId}-${hashId(`${GENERATOR_VERSION}|${packId}|${d.type}|${d.prompt}|${d.answer}`)}`;
}

/** Turns a synopsis into a validated question pack. Pure: same text and options, same pack. */
export function generatePack(text: string, options: GenerateOptions): GenerateResult {
  if (!PACK_ID.test(options.packId))
    return { ok: false, error: 'pack id must be lowercase letters, digits and dashes (max 64)' };
  if (text.length > MAX_SYNOPSIS_BYTES || utf8Length(text) > MAX_SYNOPSIS_BYTES) {
    return { ok: false, error: `synopsis is larger than ${MAX_SYNOPSIS_BYTES / 1024} KB` };
  }
  const doc = parseSynopsis(text);
  if (doc.body.trim() === '') return { ok: false, error: 'synopsis is empty' };
  const others = options.otherPacks ?? [];
  const knownNames = others.flatMap((p) =>
    (p.entities ?? []).filter((e) => e.kind === 'person').map((e) => e.name),
  );
  const analysis = analyse(doc, { knownNames });
  const facts: Fact[] = extractFacts(analysis);
  const drafts = draftQuestions(analysis, facts);
  const foldedBody = fold(doc.body);
  const pools = candidatePools({ analysis, facts, otherPacks: others, lang: doc.lang, foldedBody });

  const accepted = new AcceptedQuestions(foldedBody);
  const rejected: Rejection[] = [];
  for (const d of drafts) {
    const id = questionId(options.packId, d);
    const rng = seededRng(id);
    const distractors = chooseDistractors(d, pools, rng);
    const sentence = analysis.sentences[d.sentenceIndex];
    const choices = shuffled([d.answer, ...distractors], rng);
    const question: Question = {
      id,
      packId: options.packId,
      lang: doc.lang,
      type: d.type,
      prompt: d.prompt,
      choices: choices as Question['choices'],
      answer: d.answer,
      accepted: [...new Set([d.answer, ...d.accepted])],
      difficulty: d.difficulty,
      source: sentence?.text ?? '',
      provenance: { sentenceIndex: d.sentenceIndex, start: d.start, end: d.end },
    };
    const reason = gate(question, { ...d, foldedBody }, accepted);
    if (reason) rejected.push({ reason, type: d.type, prompt: d.prompt, answer: d.answer });
    else accepted.add(question);
  }

  const meta: PackMeta = {
    id: options.packId,
    title: doc.header.title ?? titleFromId(options.packId),
    ...(doc.header.year !== undefined ? { year: doc.header.year } : {}),
    lang: doc.lang,
    ...(doc.header.source !== undefined ? { source: doc.header.source } : {}),
    words: analysis.words,
    generatorVersion: GENERATOR_VERSION,
  };
  const entities: PackEntity[] = analysis.entities.map((e) => ({
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    mentions: e.mentions.length,
    ...(e.city ? { city: true } : {}),
  }));
  return { ok: true, pack: { meta, facts, questions: accepted.list, entities }, rejected };
}

export interface SynopsisInput {
  packId: string;
  text: string;
}

/**
 * Builds every pack twice: the first pass gives each pack the others' names and places; the second uses them.
 * Deterministic for a given set of inputs, whatever their order.
 */
export function buildPacks(inputs: readonly SynopsisInput[]): { packId: string; result: GenerateResult }[] {
  const sorted = [...inputs].sort((a, b) => a.packId.localeCompare(b.packId));
  const first = sorted.map((i) => ({ packId: i.packId, result: generatePack(i.text, { packId: i.packId }) }));
  return sorted.map((input) => {
    const otherPacks = first.flatMap((f) =>
      f.packId !== input.packId && f.result.ok ? [f.result.pack] : [],
    );
    return { packId: input.packId, result: generatePack(input.text, { packId: input.packId, otherPacks }) };
  });
}
