// Steady offered load against the fake Discord: clicks at a fixed rate, answers observed through the fake's event
// stream (one listener, not one waiter per click, so the driver stays cheap at thousands of clicks in flight).
import { performance } from 'node:perf_hooks';
import { InteractionResponseType } from 'discord-api-types/v10';
import type { FakeDiscord } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { sleep, summarize, type Summary } from './stats.ts';

export interface Click {
  messageId: string;
  customId: string;
  userId: string;
}

export interface LoadResult {
  offered: number;
  sent: number;
  sendSeconds: number;
  /** Clicks that showed "Locked in" (or `expected`), per second from the first click to the last answer. */
  achievedPerSecond: number;
  lockedIn: Summary;
  acknowledged: Summary;
  answered: number;
  /** Not acknowledged within 3 s, or never (Discord shows "This interaction failed"). */
  missed3s: number;
  /** Answered with something else than the expected text. */
  wrongAnswers: number;
  sampleWrong: string[];
  deferred: number;
  fakeErrors: number;
  /** No "Locked in" text (reply or edit) by the end of the drain, 15 s after the last click. */
  unanswered: number;
}

export async function offerClicks(
  fake: FakeDiscord,
  options: { ratePerSecond: number; seconds: number; click: (index: number) => Click; expected: RegExp },
): Promise<LoadResult> {
  const sentAt = new Map<string, number>();
  const lockedIn: number[] = [];
  const acknowledged: number[] = [];
  let lastAnswerAt = 0;
  let wrongAnswers = 0;
  let deferred = 0;
  let missed3s = 0;
  const sampleWrong: string[] = [];
  const pendingDeferred = new Set<string>();
  const errorsBefore = fake.errors.length;

  const answered = (interactionId: string, content: unknown): void => {
    const at = performance.now();
    const started = sentAt.get(interactionId);
    if (started === undefined) return;
    sentAt.delete(interactionId);
    lastAnswerAt = at;
    if (typeof content === 'string' && options.expected.test(content)) lockedIn.push(at - started);
    else {
      wrongAnswers++;
      if (sampleWrong.length < 5) sampleWrong.push(String(content));
    }
  };
  const offCallback = fake.on('interactionCallback', (callback) => {
    if (!sentAt.has(callback.interactionId)) return;
    acknowledged.push(callback.latencyMs);
    if (callback.latencyMs > 3000) missed3s++;
    if (callback.type === InteractionResponseType.ChannelMessageWithSource) {
      answered(callback.interactionId, (callback.data as { content?: unknown } | null)?.content);
    } else {
      deferred++;
      pendingDeferred.add(callback.interactionId);
    }
  });
  const offUpdate = fake.on('messageUpdate', (record) => {
    const id = record.interactionId;
    if (id && pendingDeferred.has(id) && record.message.content) {
      pendingDeferred.delete(id);
      answered(id, record.message.content);
    }
  });

  const total = Math.round(options.ratePerSecond * options.seconds);
  const began = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - began) / 1000) * options.ratePerSecond) + 1);
    while (sent < due) {
      const handle = fake.clickButton(options.click(sent));
      sentAt.set(handle.id, performance.now());
      sent++;
    }
    await sleep(2);
  }
  const sendSeconds = (performance.now() - began) / 1000;
  // Let the stragglers in (answers still coming after 15 s count as never answered).
  const drainUntil = performance.now() + 15_000;
  while (sentAt.size > 0 && performance.now() < drainUntil) await sleep(50);
  offCallback();
  offUpdate();
  const unanswered = sentAt.size;
  return {
    offered: options.ratePerSecond,
    sent,
    sendSeconds,
    achievedPerSecond: lockedIn.length / ((lastAnswerAt - began) / 1000),
    lockedIn: summarize(lockedIn),
    acknowledged: summarize(acknowledged),
    answered: lockedIn.length,
    missed3s: missed3s + (sent - acknowledged.length),
    wrongAnswers,
    sampleWrong,
    deferred,
    fakeErrors: fake.errors.length - errorsBefore,
    unanswered,
  };
}
