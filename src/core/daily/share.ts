export interface ShareInput {
  challengeNumber: number;
  results: readonly boolean[];
  streak: number;
}

/**
 * The spoiler-free line players paste: `Plot Trivia #42 4/5 ✅✅❌✅✅ 🔥 7`. The same in every language, so
 * results from different servers line up; the streak part is left out when there is no streak.
 */
export function shareLine({ challengeNumber, results, streak }: ShareInput): string {
  const correct = results.filter(Boolean).length;
  const squares = results.map((ok) => (ok ? '✅' : '❌')).join('');
  const base = `Plot Trivia #${challengeNumber} ${correct}/${results.length} ${squares}`;
  return streak > 0 ? `${base} 🔥 ${streak}` : base;
}
