// In-memory stand-ins for the daily challenge's outside world: Discord (a recording publisher), the question
// bank, the clock and the logger. The database is always real.
import type {
  DailyPostView,
  DailyPublisher,
  FindPostResult,
  PostFailure,
  PostResult,
} from '../../src/core/daily/ports.ts';
import type { Clock } from '../../src/core/ports.ts';
import type { Question } from '../../src/core/questions/question.ts';
import type { PackSummary, QuestionBank } from '../../src/core/storage.ts';
import type { AppLogger } from '../../src/app/logger-port.ts';

export interface RecordedPost {
  channelId: string;
  messageId: string;
  view: DailyPostView;
}

/** Records what would be posted. Channels can be made to fail; a send can "crash" before or after posting. */
export class FakePublisher implements DailyPublisher {
  readonly posts: RecordedPost[] = [];
  readonly failing = new Map<string, PostFailure>();
  /** The next sends throw as if the process died: before anything reached Discord, or right after. */
  crash: 'before-send' | 'after-send' | undefined;
  lookups = 0;
  readonly retracted: string[] = [];
  /** Sends in progress now, and the most there ever were at once (a tick's fan-out). */
  inFlight = 0;
  maxInFlight = 0;
  /** Holds the next send until `release` is called (a send that outlives its lease). */
  private gate: { entered: () => void; wait: Promise<void> } | undefined;
  private next = 1;

  constructor(private readonly latencyMs = 0) {}

  /** The next send waits; resolves `entered` once it is inside postChallenge. */
  holdNextSend(): { entered: Promise<void>; release: () => void } {
    let entered: () => void = () => undefined;
    let release: () => void = () => undefined;
    const enteredPromise = new Promise<void>((resolve) => (entered = resolve));
    const wait = new Promise<void>((resolve) => (release = resolve));
    this.gate = { entered, wait };
    return { entered: enteredPromise, release };
  }

  async postChallenge(channelId: string, view: DailyPostView): Promise<PostResult> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await this.send(channelId, view);
    } finally {
      this.inFlight--;
    }
  }

  private async send(channelId: string, view: DailyPostView): Promise<PostResult> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) {
      gate.entered();
      await gate.wait;
    }
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (this.crash === 'before-send') throw new Error('process died before sending');
    const failure = this.failing.get(channelId);
    if (failure) return { ok: false, error: failure };
    const messageId = `msg-${this.next++}`;
    this.posts.push({ channelId, messageId, view });
    if (this.crash === 'after-send') throw new Error('process died after sending');
    return { ok: true, messageId };
  }

  findChallengePost(channelId: string, challengeId: string): Promise<FindPostResult> {
    this.lookups++;
    const post = this.posts.find((p) => p.channelId === channelId && p.view.challengeId === challengeId);
    return Promise.resolve(post ? { kind: 'found', messageId: post.messageId } : { kind: 'not-found' });
  }

  retractPost(_channelId: string, messageId: string): Promise<void> {
    this.retracted.push(messageId);
    return Promise.resolve();
  }

  /** Posts still in their channels. */
  visible(): RecordedPost[] {
    return this.posts.filter((post) => !this.retracted.includes(post.messageId));
  }

  postsIn(channelId: string): RecordedPost[] {
    return this.posts.filter((post) => post.channelId === channelId);
  }
}

export class FakeClock implements Clock {
  constructor(public at: number) {}
  now(): number {
    return this.at;
  }
  set(at: number): void {
    this.at = at;
  }
}

export class MemoryBank implements QuestionBank {
  private readonly byId = new Map<string, Question>();
  constructor(private readonly all: Question[]) {
    for (const question of all) this.byId.set(question.id, question);
  }
  packs(): PackSummary[] {
    const ids = [...new Set(this.all.map((q) => q.packId))];
    return ids.map((id) => ({
      id,
      title: id,
      year: undefined,
      lang: this.all.find((q) => q.packId === id)?.lang ?? 'en',
      questionCount: this.all.filter((q) => q.packId === id).length,
    }));
  }
  pack(packId: string): PackSummary | undefined {
    return this.packs().find((pack) => pack.id === packId);
  }
  questions(packId: string): Question[] {
    return this.all.filter((q) => q.packId === packId);
  }
  question(questionId: string): Question | undefined {
    return this.byId.get(questionId);
  }
}

export class MemoryLogger implements AppLogger {
  readonly lines: { level: string; fields: object; message: string }[] = [];
  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', fields, message });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }
  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', fields, message });
  }
}
