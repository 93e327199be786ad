import { createInflate, constants as zlibConstants } from 'node:zlib';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord } from '../../src/adapters/sandbox/fake-discord/index.ts';

/** Raw protocol checks, below what discord.js exercises by default. */
describe('fake Discord wire protocol', () => {
  let fake: FakeDiscord;
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    fake = await FakeDiscord.start();
  });

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.terminate());
    await fake.close();
  });

  const open = (query: string): WebSocket => {
    const socket = new WebSocket(`${fake.gatewayUrl}?${query}`);
    sockets.push(socket);
    return socket;
  };
  const closeCode = (socket: WebSocket): Promise<number> =>
    new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  const identify = (token: string) =>
    JSON.stringify({
      op: GatewayOpcodes.Identify,
      d: { token, intents: GatewayIntentBits.Guilds, properties: {}, shard: [0, 1] },
    });

  it('when a client asks for zlib-stream, then every payload is a sync-flushed deflate chunk of one context', async () => {
    fake.createGuild({ name: 'compressed' });
    const socket = open('v=10&encoding=json&compress=zlib-stream');
    const inflate = createInflate({ chunkSize: 65_535 });
    const received: { op: number; t: string | null }[] = [];
    let text = '';
    inflate.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      try {
        received.push(JSON.parse(text) as { op: number; t: string | null });
        text = '';
      } catch {
        // Partial payload: wait for the rest.
      }
    });
    socket.on('message', (data: Buffer) => {
      expect(data.subarray(-4)).toEqual(Buffer.from([0, 0, 0xff, 0xff]));
      inflate.write(data);
      inflate.flush(zlibConstants.Z_SYNC_FLUSH);
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(identify(fake.token));

    await expect
      .poll(() => received.map((p) => p.t ?? p.op))
      .toEqual([GatewayOpcodes.Hello, 'READY', 'GUILD_CREATE']);
  });

  it('when a client identifies with a wrong token, then the gateway closes with 4004', async () => {
    const socket = open('v=10&encoding=json');
    const code = closeCode(socket);
    await new Promise((resolve) => socket.once('open', resolve));

    socket.send(identify('not-the-token'));

    expect(await code).toBe(GatewayCloseCodes.AuthenticationFailed);
  });

  it('when a client asks for etf or an old version, then the gateway refuses it', async () => {
    expect(await closeCode(open('v=10&encoding=etf'))).toBe(GatewayCloseCodes.DecodeError);
    expect(await closeCode(open('v=6&encoding=json'))).toBe(GatewayCloseCodes.InvalidAPIVersion);
  });

  it('when a client resumes an unknown session, then it gets INVALID_SESSION false', async () => {
    const socket = open('v=10&encoding=json');
    const payloads: { op: number; d: unknown }[] = [];
    socket.on('message', (data: Buffer) =>
      payloads.push(JSON.parse(data.toString('utf8')) as { op: number; d: unknown }),
    );
    await new Promise((resolve) => socket.once('open', resolve));

    socket.send(
      JSON.stringify({ op: GatewayOpcodes.Resume, d: { token: fake.token, session_id: 'nope', seq: 3 } }),
    );

    await expect
      .poll(() => payloads.at(-1))
      .toEqual({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
  });

  it('when a REST call lacks the bot token, then it is answered 401 and recorded', async () => {
    const response = await fetch(`${fake.restUrl}/v10/users/@me`);

    expect(response.status).toBe(401);
    expect(fake.errors).toMatchObject([{ status: 401, path: '/users/@me' }]);
  });

  it('when the bot calls an endpoint the fake does not know, then it is answered 404 and recorded', async () => {
    const response = await fetch(`${fake.restUrl}/v10/guilds/1/bans`, {
      headers: { Authorization: `Bot ${fake.token}` },
    });

    expect(response.status).toBe(404);
    expect(fake.errors).toMatchObject([{ status: 404, method: 'GET', path: '/guilds/1/bans' }]);
  });
});
