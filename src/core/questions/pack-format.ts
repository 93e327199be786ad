import { structuralProblem } from './gates.ts';
import type { Lang, PackEntity, PackMeta, Question, QuestionPack, QuestionType } from './question.ts';

/** A pack larger than this is refused before it is looked at. */
export const MAX_PACK_QUESTIONS = 2000;
export const MAX_PACK_FACTS = 5000;

const TYPES: readonly QuestionType[] = [
  'cast',
  'role',
  'relation',
  'place',
  'agent',
  'reveal',
  'quantity',
  'object',
  'cloze',
];
const ENTITY_KINDS: readonly PackEntity['kind'][] = ['person', 'actor', 'place', 'org', 'object'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const isLang = (v: unknown): v is Lang => v === 'en' || v === 'es';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseMeta(v: unknown): PackMeta | string {
  if (!isObj(v)) return 'meta must be an object';
  const { id, title, year, lang, source, words, generatorVersion } = v;
  if (!isStr(id, 64) || !/^[a-z0-9][a-z0-9-]*$/.test(id)) return 'meta.id must be a pack id';
  if (!isStr(title, 200) || !isLang(lang) || !isInt(words) || !isStr(generatorVersion, 40))
    return 'meta is incomplete';
  if (year !== undefined && !isInt(year)) return 'meta.year must be an integer';
  if (source !== undefined && !isStr(source, 500)) return 'meta.source must be a string';
  return {
    id,
    title,
    ...(year !== undefined ? { year } : {}),
    lang,
    ...(source !== undefined ? { source } : {}),
    words,
    generatorVersion,
  };
}

function parseQuestion(v: unknown, meta: PackMeta, index: number): Question | string {
  const where = `questions[${index}]`;
  if (!isObj(v)) return `${where} must be an object`;
  const { id, packId, lang, type, prompt, choices, answer, accepted, difficulty, source, provenance } = v;
  if (!isStr(id, 100) || packId !== meta.id || !isLang(lang)) return `${where} has a bad id, packId or lang`;
  if (typeof type !== 'string' || !TYPES.includes(type as QuestionType)) return `${where}.type is unknown`;
  if (!isStr(prompt) || !isStr(answer) || !isStr(source, 4000))
    return `${where} needs prompt, answer and source`;
  if (!Array.isArray(choices) || choices.length !== 4 || !choices.every((c) => isStr(c)))
    return `${where}.choices must be 4 strings`;
  if (!Array.isArray(accepted) || accepted.length > 50 || !accepted.every((a) => isStr(a)))
    return `${where}.accepted must be strings`;
  if (difficulty !== 1 && difficulty !== 2 && difficulty !== 3)
    return `${where}.difficulty must be 1, 2 or 3`;
  if (
    !isObj(provenance) ||
    !isInt(provenance['sentenceIndex']) ||
    !isInt(provenance['start']) ||
    !isInt(provenance['end'])
  ) {
    return `${where}.provenance is malformed`;
  }
  const question: Question = {
    id,
    packId: meta.id,
    lang,
    type: type as QuestionType,
    prompt,
    choices: choices as Question['choices'],
    answer,
    accepted: accepted,
    difficulty: difficulty,
    source,
    provenance: {
      sentenceIndex: provenance['sentenceIndex'],
      start: provenance['start'],
      end: provenance['end'],
    },
  };
  const problem = structuralProblem(question);
  return problem ? `${where} is invalid: ${problem}` : question;
}

function parseEntity(v: unknown): PackEntity | undefined {
  if (!isObj(v) || !isStr(v['name'], 200) || !ENTITY_KINDS.includes(v['kind'] as PackEntity['kind']))
    return undefined;
  const aliases = Array.isArray(v['aliases']) ? v['aliases'].filter((a): a is string => isStr(a, 200)) : [];
  return {
    kind: v['kind'] as PackEntity['kind'],
    name: v['name'],
    aliases,
    mentions: isInt(v['mentions']) ? v['mentions'] : 0,
    ...(v['city'] === true ? { city: true } : {}),
  };
}

/** Validates a pack read from JSON; the bot loads packs only through this. */
export function parsePack(json: unknown): QuestionPack | { error: string } {
  if (!isObj(json)) return { error: 'pack must be an object' };
  const meta = parseMeta(json['meta']);
  if (typeof meta === 'string') return { error: meta };
  const { facts, questions, entities } = json;
  if (!Array.isArray(facts) || facts.length > MAX_PACK_FACTS || !facts.every(isObj))
    return { error: 'facts must be an array of objects' };
  if (!Array.isArray(questions) || questions.length > MAX_PACK_QUESTIONS)
    return { error: `questions must be an array of at most ${MAX_PACK_QUESTIONS}` };
  const parsed: Question[] = [];
  const ids = new Set<string>();
  for (const [i, q] of questions.entries()) {
    const result = parseQuestion(q, meta, i);
    if (typeof result === 'string') return { error: result };
    if (ids.has(result.id)) return { error: `questions[${i}].id is a duplicate` };
    ids.add(result.id);
    parsed.push(result);
  }
  const pack: QuestionPack = { meta, facts, questions: parsed };
  if (entities !== undefined) {
    if (!Array.isArray(entities) || entities.length > MAX_PACK_FACTS)
      return { error: 'entities must be an array' };
    pack.entities = entities.map(parseEntity).filter((e): e is PackEntity => e !== undefined);
  }
  return pack;
}
