/**
 * English strings: the reference catalogue. Every other language has exactly these keys and, per key, the same
 * {placeholders}. Markdown is Discord's. Placeholders are filled by `t`; numbers are formatted per language.
 */
export const en = {
  // Answers
  'answer.lockedIn': 'Locked in: **{choice}**. Good luck!',
  'answer.alreadyLocked': 'You already locked in **{choice}**. Your first answer counts.',
  'answer.tooLate': "Too late: time's up for this question.",
  'answer.noOpenRound': 'There is no question open right now.',
  'answer.invalidChoice': 'That is not one of the options.',
  'answer.notSaved': 'Your answer could not be saved, so it is not locked in. Please click again.',
  'answer.wrongChannel': 'That game is running in another channel; answer it there.',

  // Game lifecycle
  'game.noGameRunning': 'No game is running in this channel. Start one with `/trivia start`.',
  'game.alreadyRunning': 'A game is already running in this channel: {link}',
  'game.started': '{starter} started Plot Trivia: {count} questions from **{pack}**, {seconds} seconds each.',
  'game.joinPrompt': 'Press **Join** so rounds wait for you, or just answer.',
  'game.joinButton': 'Join',
  'game.joined': "You're in! Rounds now wait for your answer.",
  'game.alreadyJoined': "You're already in this game.",
  'game.noQuestions': 'There are no questions matching these settings. Try another pack or difficulty.',
  'game.packDisabled': 'The pack `{pack}` is turned off on this server. See `/trivia packs`.',
  'game.shuttingDown': 'The bot is restarting; please start a game again in a minute.',
  'game.startedReply': 'Game started! Good luck.',
  'game.stopped': 'Game stopped.',
  'game.questionHeader': 'Question {number} of {total}',
  'game.closesAt': 'Closes {time}',
  'game.answeredCount': 'Answers locked in: {count}',

  // Reveal
  'reveal.answer': 'The answer was **{answer}**.',
  'reveal.source': 'From the synopsis: "{source}"',
  'reveal.optionCount': '{option}: {count}',
  'reveal.rightPlayers': 'Right, fastest first: {players}',
  'reveal.nobodyRight': 'Nobody got it right.',
  'reveal.nobodyAnswered': 'Nobody answered.',
  'reveal.gained': '{player} +{points}',
  'reveal.closedEarly': 'Everyone answered, so the round closed early.',
  'reveal.standingsTitle': 'Standings',
  'reveal.standingLine': '{rank}. {player}: {points} pts',
  'reveal.nextQuestionIn': 'Next question {time}',

  // End of game
  'end.finalStandingsTitle': 'Final standings',
  'end.finalLine': '{rank}. {player}: {points} pts ({correct}/{answered} right)',
  'end.winner': '🏆 {player} wins with {points} points!',
  'end.noScores': 'Game over. Nobody answered this time.',
  'end.completed': 'That was the last question. Thanks for playing!',
  'end.stoppedBy': 'The game was stopped by {user}.',
  'end.stopNotAllowed': 'Only {starter}, who started the game, or a member with Manage Server can stop it.',
  'end.idle': 'Nobody answered {count} questions in a row, so the game has ended.',
  'end.interrupted':
    'This game was interrupted (the bot restarted or lost its database). Start a new one with `/trivia start`.',

  // Help
  'help.title': 'How to play Plot Trivia',
  'help.howToPlay':
    'Start a game with `/trivia start`. Each question comes from a film synopsis and has four options: press the button you think is right. Your first click is your answer. A round ends when time runs out, or early once everyone playing has answered.',
  'help.scoring':
    'A right answer scores {easy} (easy), {medium} (medium) or {hard} (hard) points, plus up to {bonus} more the faster you answer. Wrong answers score 0. Ties go to better accuracy, then to whoever got there first.',
  'help.endConditions':
    'A game ends after its last question, when its starter or a moderator uses `/trivia stop`, or after {idle} questions in a row nobody answers.',
  'help.daily':
    'Every day there is a {count}-question daily challenge. Play it once, keep your streak going, and share your result without spoilers.',
  'help.commands':
    "`/trivia start` start a game · `/trivia stop` stop it · `/trivia packs` list packs · `/daily` play today's challenge · `/leaderboard` · `/stats`",

  // Packs
  'packs.title': 'Question packs',
  'packs.line': '**{title}** ({year}): {count} questions, `{id}`',
  'packs.lineNoYear': '**{title}**: {count} questions, `{id}`',
  'packs.empty': 'No question packs are installed yet.',

  // Difficulty
  'difficulty.1': 'Easy',
  'difficulty.2': 'Medium',
  'difficulty.3': 'Hard',
  'difficulty.any': 'Any',

  // Errors
  'error.tryAgainLater': 'Something went wrong on our side. Please try again later.',
  'error.invalidOption': 'Invalid option `{option}`: {reason}',
  'error.unknownInteraction': 'This button or command is no longer active.',
  'error.needsManageServer': 'You need the **Manage Server** permission to do that.',
  'error.guildOnly': 'This command only works in a server.',

  // Settings validation
  'settings.questionsRange': 'Number of questions must be a whole number from {min} to {max}.',
  'settings.secondsRange': 'Seconds per question must be a whole number from {min} to {max}.',
  'settings.notWholeNumber': '{field} must be a whole number.',
  'settings.invalidDifficulty': 'Difficulty must be easy, medium, hard or any.',
  'settings.missingPack': 'Choose a question pack.',
  'settings.unknownPack': 'Unknown question pack `{pack}`. See `/trivia packs`.',
  'settings.unknownTimeZone': 'Unknown time zone `{timeZone}`. Use an IANA name such as `Europe/Madrid`.',
  'settings.invalidPostTime': 'The posting time must be HH:MM on a 24-hour clock, for example `09:00`.',
  'settings.channelNotPostable':
    'I cannot post in {channel}. Check that I can view it and send messages and embeds there.',
  'settings.saved': 'Settings saved.',
  'settings.fieldQuestions': 'Number of questions',
  'settings.fieldSeconds': 'Seconds per question',

  // Leaderboard and stats
  'leaderboard.title': 'Leaderboard: {period}',
  'leaderboard.period.day': 'today',
  'leaderboard.period.week': 'this week',
  'leaderboard.period.month': 'this month',
  'leaderboard.period.all': 'all time',
  'leaderboard.line': '{rank}. {player}: {points} pts',
  'leaderboard.empty': 'Nobody has scored in this period yet.',
  'leaderboard.yourRank': 'You are #{rank} with {points} pts.',
  'stats.title': 'Stats for {player}',
  'stats.points': 'Points',
  'stats.games': 'Games played',
  'stats.answered': 'Questions answered',
  'stats.accuracy': 'Accuracy',
  'stats.accuracyValue': '{percent}%',
  'stats.bestStreak': 'Best run of right answers',
  'stats.dailyStreak': 'Daily streak',
  'stats.bestDailyStreak': 'Best daily streak',
  'stats.none': '{player} has not played yet.',
  'leaderboard.titleGlobal': 'Global leaderboard: {period}',
  'leaderboard.footer': 'Page {page} of {pages} · {count} ranked players',
  'leaderboard.previous': 'Previous',
  'leaderboard.next': 'Next',
  'leaderboard.youUnranked': 'You have no points in this period yet.',
  'leaderboard.notYourButtons':
    'Only {player} can page through this leaderboard. Use `/leaderboard` to get your own.',
  'stats.fastest': 'Fastest right answer',
  'stats.seconds': '{seconds} s',
  'stats.favouritePack': 'Favourite pack',
  'stats.noValue': 'none yet',
  'stats.dailyStreakValue': '{current} (best: {best})',
  'stats.scopeServer': 'On this server; points and answers of the current season.',
  'stats.scopeGlobal': 'Across every server, all time.',
  'forget.confirm':
    'Delete everything Plot Trivia keeps about you, on every server: your answers, your points on every leaderboard (global included), your stats and your daily challenge plays and streaks? This cannot be undone.',
  'forget.confirmButton': 'Yes, delete my data',
  'forget.cancelButton': 'Cancel',
  'forget.cancelled': 'Cancelled. Nothing was deleted.',
  'forget.done':
    'Done. Deleted: {answers} answers, {scoreTotals} leaderboard entries, {playerStats} stats records, {dailyEntries} daily challenge plays, {dailyAnswers} daily challenge answers, {dailyStreaks} daily streaks and {players} player profile. If you play again, new answers are kept again.',
  'forget.nothing': 'There was nothing stored about you. Nothing was deleted.',
  'forget.notYourButton': 'Only the person who asked can use these buttons.',

  // Daily challenge
  'daily.announce':
    'Daily challenge #{number} is here: {count} questions, {seconds} seconds each. Can you get them all?',
  'daily.playButton': "Play today's challenge",
  'daily.alreadyPlayed': "You already played today's challenge. The next one is in {time}.",
  'daily.questionHeader': 'Challenge #{number}, question {index} of {total}',
  'daily.timeUp': "Time's up!",
  'daily.result': 'You got {correct}/{total} right for {points} points.',
  'daily.streak': '🔥 Streak: {current} (best: {best})',
  'daily.streakLost': 'Your streak was reset. Start a new one today!',
  'daily.nextIn': 'Next challenge in {time}.',
  'daily.shareHint': 'Share your result without spoilers:',
  'daily.notConfigured':
    'The daily challenge is not set up on this server. A moderator can enable it with `/trivia-admin daily`.',
  'daily.resetsAt': 'Resets {time}.',
  'daily.notYet': "Today's challenge is not out yet. It is posted {time}.",
  'daily.expired': "That challenge is over. Use `/daily` to play today's.",
  'daily.unavailable': "Today's challenge cannot be played: some of its questions were removed.",
  'daily.inProgress': "You have started today's challenge: press **Play** to continue where you left off.",
  'daily.notPlayed': "You have not played today's challenge #{number} yet.",
  'daily.nextPostAt': 'Next challenge {time}.',
  'daily.correct': 'Right! +{points}',
  'daily.wrong': 'Wrong. The answer was **{answer}**.',
  'daily.alreadyAnswered': 'You already answered that question. No going back!',
  'daily.shareButton': 'Post my result',
  'daily.revealTitle': "Yesterday's challenge #{number}: the answers",
  'daily.revealLine': '{index}. {prompt} **{answer}**',
  'daily.topPlayersTitle': 'Top players',
  'daily.topPlayerLine': '{rank}. {player}: {correct}/{total}, {points} pts',
  'daily.topStreaksTitle': 'Longest streaks',
  'daily.topStreakLine': '{rank}. {player}: 🔥 {current}',
  'daily.nobodyPlayed': 'Nobody played yesterday. Be the first today!',
  'daily.configSaved': 'Daily challenge: {channel} at {time} ({timeZone}). Next post {next}.',
  'daily.configOff': 'The daily challenge is off.',
  'daily.noChannel': 'Choose a channel for the daily challenge first.',
  'daily.lastError.channelMissing':
    'The last daily challenge could not be posted: its channel no longer exists. Choose another with `/trivia-admin daily`.',
  'daily.lastError.forbidden':
    'The last daily challenge could not be posted: I am missing permissions in its channel (view, send messages, embed links).',
  'daily.lastError.other':
    'The last daily challenge could not be posted ({error}). It will be retried tomorrow.',
  'daily.postTitle': 'Daily challenge #{number}',
  'daily.closesAt': 'Time runs out {time}',
  'daily.finishedTitle': 'Daily challenge #{number}: done!',
  'daily.statusTitle': 'Your daily challenge',
  'daily.statusStreak': 'Streak',
  'daily.statusFinished': "You played today's challenge #{number}.",
  'daily.notStarted': "Start the challenge with its **Play today's challenge** button first.",
  'daily.noChallenge': 'That challenge does not exist on this server.',
  'daily.notSaved': 'Your answer could not be saved. Press the button again.',
  'daily.invalidChoice': 'That is not one of the choices.',
  'daily.notFinished': 'Finish the challenge before sharing your result.',
  'daily.sharedLine': '{player} {line}',
  'daily.lastError.gaveUp':
    'The last daily challenge could not be posted: Discord kept failing. It will be tried again tomorrow.',

  // Durations
  'duration.hoursMinutes': '{hours} h {minutes} min',
  'duration.minutes': '{minutes} min',
  'duration.seconds': '{seconds} s',
  // Server settings (/trivia-admin)
  'admin.title': 'Plot Trivia settings',
  'admin.language': 'Language',
  'admin.languageAuto': "Each player's Discord language",
  'admin.languageEn': 'English',
  'admin.languageEs': 'Spanish',
  'admin.defaults': 'Game defaults',
  'admin.defaultsValue': '{questions} questions, {seconds} s each, pack: {pack}',
  'admin.packAny': 'chosen by language',
  'admin.timeZone': 'Time zone',
  'admin.packs': 'Enabled packs',
  'admin.packsAll': 'All',
  'admin.daily': 'Daily challenge',
  'admin.dailyOff': 'Off',
  'admin.dailyOn': '{channel} at {time} ({timeZone})',
  'admin.season': 'Leaderboard season',
  'admin.dailyFailed': '⚠️ The last daily challenge could not be posted: {error}',
  'admin.resetConfirm':
    "Start a new leaderboard season? This server's current standings are archived (not deleted) and everyone starts from 0.",
  'admin.resetButton': 'Yes, start a new season',
  'admin.cancelButton': 'Cancel',
  'admin.resetDone': 'Done: season {season} has started.',
  'admin.cancelled': 'Cancelled. Nothing changed.',
  'admin.notYourButton': 'Only the person who asked can use these buttons.',
  'admin.packLast': 'At least one pack must stay on.',
  'admin.packOn': 'Pack `{pack}` is now on.',
  'admin.packOff': 'Pack `{pack}` is now off.',
  'admin.unknownLanguage': 'Unknown language `{language}`.',
} as const;
