import type { Lang } from './question.ts';

/** Question wording per language. Every slot is a string the generator has already checked. */
export interface Templates {
  castActor(character: string): string;
  castCharacter(actor: string): string;
  roleWho(role: string): string;
  titleWho(title: string): string;
  roleWhat(subject: string): string;
  relationWho(relation: string, of: string): string;
  relationWhose(relation: string, subject: string): string;
  revealIdentity(subject: string): string;
  revealRole(role: string): string;
  agentWho(predicate: string): string;
  byWhom(inverted: string): string;
  where(inverted: string, city: boolean): string;
  howMany(echo: string): string;
  codename(description: string): string;
  cloze(text: string): string;
  /** Words that replace a number inside an echo question ("within how many hours"). */
  howManyWords(unit: string | undefined): string;
}

/** Spanish article for a role or relation noun: "la mano derecha", "el socio". */
function articleEs(noun: string): string {
  const head = noun.split(' ')[0] ?? noun;
  return /^(mano|madre|mujer|esposa|novia|hermana|hija|prometida|amiga|jefa|socia|compañera|protegida)$/.test(
    head,
  ) ||
    (/a$/.test(head) &&
      !/^(analista|estratega|espía|policía|guía|colega|rival|piloto|deportista)$/.test(head))
    ? 'la'
    : 'el';
}

/** "a mysterious object" → "the mysterious object"; "un objeto" → "del objeto". */
function definite(description: string, lang: Lang): string {
  if (lang === 'en') return description.replace(/^(?:a|an)\s+/i, 'the ');
  if (/^una\s+/i.test(description)) return `de la ${description.replace(/^una\s+/i, '')}`;
  return `del ${description.replace(/^un\s+/i, '')}`;
}

const UNIT_GENDER_FEMININE = /^(horas|semanas|personas|millas|veces)$/;

export const TEMPLATES: Record<Lang, Templates> = {
  en: {
    castActor: (c) => `Who plays ${c}?`,
    castCharacter: (a) => `Which character does ${a} play?`,
    roleWho: (r) => `Who is ${r}?`,
    titleWho: (t) => `Who holds the title "${t}"?`,
    roleWhat: (s) => `How does the synopsis describe ${s}?`,
    relationWho: (r, of) => `Who is ${of}'s ${r}?`,
    relationWhose: (r, s) => `Whose ${r} is ${s}?`,
    revealIdentity: (s) => `Who is ${s} really?`,
    revealRole: (r) => `Who turns out to be ${r}?`,
    agentWho: (p) => `Who ${p}?`,
    byWhom: (i) => `By whom ${i}?`,
    where: (i, city) => `${city ? 'In which city' : 'Where'} ${i}?`,
    howMany: (e) => `${e}?`,
    codename: (d) => `What is the codename of ${definite(d, 'en')}?`,
    cloze: (t) => `Fill in the blank: "${t}"`,
    howManyWords: (u) => (u ? `how many ${u}` : 'what number'),
  },
  es: {
    castActor: (c) => `¿Quién interpreta a ${c}?`,
    castCharacter: (a) => `¿A qué personaje interpreta ${a}?`,
    roleWho: (r) => `¿Quién es ${r}?`,
    titleWho: (t) => `¿Quién ostenta el cargo de "${t}"?`,
    roleWhat: (s) => `¿Cómo describe la sinopsis a ${s}?`,
    relationWho: (r, of) => `¿Quién es ${articleEs(r)} ${r} de ${of}?`,
    relationWhose: (r, s) => `¿De quién es ${r} ${s}?`,
    revealIdentity: (s) => `¿Quién es en realidad ${s}?`,
    revealRole: (r) => `¿Quién resulta ser ${r}?`,
    agentWho: (p) => `¿Quién ${p}?`,
    byWhom: (i) => `¿Por quién ${i}?`,
    where: (i, city) => `¿${city ? 'En qué ciudad' : 'Dónde'} ${i}?`,
    howMany: (e) => `¿${e}?`,
    codename: (d) => `¿Cuál es el nombre en clave ${definite(d, 'es')}?`,
    cloze: (t) => `Completa el hueco: «${t}»`,
    howManyWords: (u) => (u ? `${UNIT_GENDER_FEMININE.test(u) ? 'cuántas' : 'cuántos'} ${u}` : 'qué número'),
  },
};
