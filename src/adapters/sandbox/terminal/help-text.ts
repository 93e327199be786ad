// What the sandbox says on start and on `?`: plain lines, styled by the caller.

export interface BannerInfo {
  guildName: string;
  channelName: string;
  playerName: string;
  /** Where the bot keeps its data, e.g. "embedded PGlite in /home/me/plot-trivia/data". */
  database: string;
  /** Where the bot's JSON logs go. */
  logs: string;
  /** Whether EOF waits for a running game (piped input) or quits at once (a terminal's Ctrl-D). */
  interactive: boolean;
}

export function bannerLines(info: BannerInfo): string[] {
  return [
    '══════════════════════════════════════════════════════════════════════',
    ' Plot Trivia: LOCAL SANDBOX',
    '══════════════════════════════════════════════════════════════════════',
    ' No Discord connection. A fake Discord runs inside this process and the',
    ' real bot is logged into it; you play as simulated users in the terminal.',
    ` Server "${info.guildName}", channel #${info.channelName}, you are @${info.playerName} (the server owner).`,
    ` Data: ${info.database}`,
    ` Bot logs: ${info.logs}`,
    ' To connect to the real Discord instead, put DISCORD_TOKEN=... in .env',
    ' (see README and docs/sandbox.md) and run npm start again.',
    '',
    ...keysLines(info.interactive),
  ];
}

export function keysLines(interactive: boolean): string[] {
  return [
    ' Type slash commands as in Discord (Tab completes in a terminal):',
    '   /trivia start                                   a game with the server defaults',
    '   /trivia start questions:5 seconds:15 pack:mission-impossible-iii',
    '   /trivia stop   /trivia packs   /help   /leaderboard period:week   /stats player:@name   /daily',
    '   /trivia-admin show   /trivia-admin defaults questions:3   (values with spaces: name:"two words")',
    ' Play:',
    '   A, B, C or D   click that answer on the latest question',
    '   join           click the Join button of the latest game',
    '   /as <name>     switch to (or create) another simulated player, for multiplayer',
    '   /players       who is here     ?   these keys again',
    `   /quit          leave (or Ctrl-C${interactive ? ', Ctrl-D' : ''})`,
    interactive
      ? ''
      : ' Piped input: A-D waits for the next question; at end of input the sandbox waits (up to 2 min) for a running game to finish, then exits.',
  ].filter((line) => line !== '');
}
