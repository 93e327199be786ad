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

// ---- daily challenge: the play button's id is also the marker that finds a post again (docs/daily.md)
export type DailyButtonAction =
  | { kind: 'daily-play'; challengeId: string }
  | { kind: 'daily-answer'; challengeId: string; questionIndex: number; choiceIndex: number }
  | { kind: 'daily-share'; challengeId: string };

const DAILY_PLAY = new RegExp(`^dp:(${UUID})$`);
const DAILY_ANSWER = new RegExp(`^da:(${UUID}):(\\d{1,2}):([0-3])$`);
const DAILY_SHARE = new RegExp(`^ds:(${UUID})$`);

export function dailyPlayId(challengeId: string): string {
  return `dp:${challengeId}`;
}

export function dailyAnswerId(challengeId: string, questionIndex: number, choiceIndex: number): string {
  return `da:${challengeId}:${questionIndex}:${choiceIndex}`;
}

export function dailyShareId(challengeId: string): string {
  return `ds:${challengeId}`;
}

export function parseDailyButtonId(customId: string): DailyButtonAction | undefined {
  const play = DAILY_PLAY.exec(customId);
  if (play) return { kind: 'daily-play', challengeId: play[1]! };
  const answer = DAILY_ANSWER.exec(customId);
  if (answer) {
    return {
      kind: 'daily-answer',
      challengeId: answer[1]!,
      questionIndex: Number(answer[2]),
      choiceIndex: Number(answer[3]),
    };
  }
  const share = DAILY_SHARE.exec(customId);
  if (share) return { kind: 'daily-share', challengeId: share[1]! };
  return undefined;
}
