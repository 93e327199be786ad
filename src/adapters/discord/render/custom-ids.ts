// Button custom ids: short, versioned by prefix, and parsed strictly (anything else is rejected as forged).
export type ButtonAction =
  | { kind: 'answer'; gameId: string; roundIndex: number; choiceIndex: number }
  | { kind: 'join'; gameId: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ANSWER = new RegExp(`^a:(${UUID}):(\\d{1,2}):([0-3])$`);
const JOIN = new RegExp(`^j:(${UUID})$`);

export function answerId(gameId: string, roundIndex: number, choiceIndex: number): string {
  return `a:${gameId}:${roundIndex}:${choiceIndex}`;
}

export function joinId(gameId: string): string {
  return `j:${gameId}`;
}

export function parseButtonId(customId: string): ButtonAction | undefined {
  const answer = ANSWER.exec(customId);
  if (answer) {
    return {
      kind: 'answer',
      gameId: answer[1]!,
      roundIndex: Number(answer[2]),
      choiceIndex: Number(answer[3]),
    };
  }
  const join = JOIN.exec(customId);
  if (join) return { kind: 'join', gameId: join[1]! };
  return undefined;
}
