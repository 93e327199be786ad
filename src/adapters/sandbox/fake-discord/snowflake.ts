const DISCORD_EPOCH = 1_420_070_400_000n;
const MAX_INCREMENT = 0xfffn;

/** Monotonic Discord-style snowflakes: later calls always sort after earlier ones, like message ids do. */
export class SnowflakeGenerator {
  #lastMs = -1n;
  #increment = 0n;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly workerId = 1n,
  ) {}

  next(): string {
    let ms = BigInt(this.now()) - DISCORD_EPOCH;
    if (ms <= this.#lastMs) {
      ms = this.#lastMs;
      this.#increment++;
      if (this.#increment > MAX_INCREMENT) {
        ms++;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return ((ms << 22n) | ((this.workerId & 0x1fn) << 17n) | this.#increment).toString();
  }
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** The shard Discord routes a guild's events to: `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A guild id that lands on `shardId` of `shardCount`, for tests that need a guild on a given shard. */
export function guildIdOnShard(shardId: number, shardCount: number, generator: SnowflakeGenerator): string {
  const base = BigInt(generator.next());
  const current = (base >> 22n) % BigInt(shardCount);
  const delta = (BigInt(shardId) - current + BigInt(shardCount)) % BigInt(shardCount);
  return (base + (delta << 22n)).toString();
}
