import { fork, type ChildProcess } from 'node:child_process';
import type { ChildReply, ChildRequest } from './bot-protocol.ts';

type Reply<T extends ChildReply['type']> = Extract<ChildReply, { type: T }>;
type StartRequest = Extract<ChildRequest, { type: 'start' }>;

/** The bot (or the bare reference client) in a child process, driven over IPC. */
export class BotProcess {
  private constructor(private readonly child: ChildProcess) {}

  static spawn(): BotProcess {
    const child = fork(new URL('./bot-child.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new BotProcess(child);
  }

  /** Starts the bot (or the bare reference) against `fake` and resolves once it is ready. */
  async start(
    fake: { restUrl: string; token: string },
    options: Omit<StartRequest, 'type' | 'restUrl' | 'token'>,
  ): Promise<void> {
    await this.request({ type: 'start', restUrl: fake.restUrl, token: fake.token, ...options }, 'ready');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  request<T extends ChildReply['type']>(
    message: ChildRequest,
    expect: T,
    timeoutMs = 180_000,
  ): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`bot process: no ${expect} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (reply: ChildReply) => {
        if (reply.type === 'failed') {
          cleanup();
          reject(new Error(`bot process failed: ${reply.error}`));
        } else if (reply.type === expect) {
          cleanup();
          resolve(reply as Reply<T>);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`bot process exited (${code}) before ${expect}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
      this.child.send(message);
    });
  }

  /** Ends the process at once (SIGKILL to its pid): after a measurement, when a graceful stop would first drain a backlog. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** Graceful stop, then the process must exit; killed (by its pid) if it does not within 20 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request({ type: 'stop' }, 'stopped', 60_000);
    } catch {
      // fall through to the kill below
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
