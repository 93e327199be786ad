/** Languages the generator and the bot speak. */
export type Lang = 'en' | 'es';

export type QuestionType =
  | 'cast' // who plays whom (either direction)
  | 'role' // who is what ("a hospital nurse")
  | 'relation' // fiancée, protégé, partner, right hand ...
  | 'place' // where an event happens
  | 'agent' // who did an event
  | 'reveal' // identity reveals (the traitor, Cobalt is ...)
  | 'quantity' // how many / how long
  | 'object' // named objects and their use
  | 'cloze'; // fill in the blank from an informative sentence

export type Difficulty = 1 | 2 | 3;

/** Where in the synopsis a fact or question comes from. */
export interface Provenance {
  sentenceIndex: number;
  /** Character span in the normalised synopsis body. */
  start: number;
  end: number;
}

export interface Question {
  /** Stable: same synopsis and generator version, same id. */
  id: string;
  packId: string;
  lang: Lang;
  type: QuestionType;
  prompt: string;
  /** Exactly four distinct options. */
  choices: [string, string, string, string];
  /** One of `choices`. */
  answer: string;
  /** Accepted typed answers (aliases, short forms), including `answer`. */
  accepted: string[];
  difficulty: Difficulty;
  /** The synopsis sentence the question came from, shown after the reveal. */
  source: string;
  provenance: Provenance;
}

export interface PackMeta {
  id: string;
  title: string;
  year?: number;
  lang: Lang;
  source?: string;
  words: number;
  generatorVersion: string;
}

/** A named thing of the synopsis, kept in the pack so other packs can borrow it as a distractor. */
export interface PackEntity {
  kind: 'person' | 'actor' | 'place' | 'org' | 'object';
  name: string;
  aliases: string[];
  mentions: number;
  city?: boolean;
}

export interface QuestionPack {
  meta: PackMeta;
  facts: unknown[];
  questions: Question[];
  entities?: PackEntity[];
}
