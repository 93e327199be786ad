// Group commit across games: answers that arrive while a write is in flight, from any game, go together in the
// next statement. Each answer writes ~28 rows (totals of every period, histogram, stats) and many of those rows
// are shared (the global histogram's low scores), so one statement per click caps the bot at the database's
// statement rate and queues clicks on row locks; one statement per wave of clicks does not.
import type { AnswerRecord, RecordAnswerResult } from '../core/storage.ts';
import type { AppLogger } from './logger-port.ts';

export interface AnswerBatchStore {
  recordAnswers(batch: readonly AnswerRecord[]): Promise<RecordAnswerResult[]>;
}

interface PendingGroup {
  records: readonly AnswerRecord[];
  resolve: (results: RecordAnswerResult[]) => void;
  reject: (error: unknown) => void;
}

export class AnswerWriter {
  private pending: PendingGroup[] = [];
  /** The one write loop, while there is anything to write: one statement at a time, so shared rows never wait. */
  private writing: Promise<void> | undefined;
  /** Statements that committed and the answers they carried: how well clicks are being grouped. */
  readonly written = { statements: 0, answers: 0 };

  /**
   * @param maxAnswersPerWrite a cap per statement: an in-process database (PGlite) runs each statement on this
   *   thread, so a huge one would delay the very acknowledgements the batching is for.
   */
  constructor(
    private readonly store: AnswerBatchStore,
    readonly maxAnswersPerWrite: number,
    private readonly logger: AppLogger,
  ) {}

  /**
   * Writes one game's answers atomically (all or none of the group), possibly in the same statement as other
   * groups; results in input order. A group larger than the cap is written alone.
   */
  write(records: readonly AnswerRecord[]): Promise<RecordAnswerResult[]> {
    if (records.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.pending.push({ records, resolve, reject });
      this.writing ??= this.writeUntilDone();
    });
  }

  private async writeUntilDone(): Promise<void> {
    // Starts on the next turn of the event loop, so clicks delivered together share the first write.
    await new Promise((started) => setImmediate(started));
    try {
      while (this.pending.length > 0) await this.writeBatch(this.takeBatch());
    } finally {
      // In the same turn as the loop's last look at `pending`: a write queued after it starts a new loop.
      this.writing = undefined;
    }
  }

  /**
   * Whole groups in arrival order, up to the cap. A group whose player is already in the batch (one person
   * answering in two channels at once) waits for the next one: a statement may touch a player's totals once.
   */
  private takeBatch(): PendingGroup[] {
    const batch: PendingGroup[] = [];
    const later: PendingGroup[] = [];
    const players = new Set<string>();
    let size = 0;
    for (const group of this.pending) {
      const fits = batch.length === 0 || size + group.records.length <= this.maxAnswersPerWrite;
      if (!fits || group.records.some((record) => players.has(record.playerId))) {
        later.push(group);
        continue;
      }
      batch.push(group);
      size += group.records.length;
      for (const record of group.records) players.add(record.playerId);
    }
    this.pending = later;
    return batch;
  }

  private async writeBatch(batch: PendingGroup[]): Promise<void> {
    try {
      const records = batch.flatMap((group) => group.records);
      const results = await this.store.recordAnswers(records);
      this.written.statements++;
      this.written.answers += records.length;
      let offset = 0;
      for (const group of batch) {
        group.resolve(results.slice(offset, offset + group.records.length));
        offset += group.records.length;
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One game's bad answer must not fail the others: each group is tried again on its own.
      this.logger.warn(
        { err: error, groups: batch.length },
        'answer batch failed; writing its games one by one',
      );
      for (const group of batch) await this.writeBatch([group]);
    }
  }
}
