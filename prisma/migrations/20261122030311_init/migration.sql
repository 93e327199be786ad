-- CreateEnum
CREATE TYPE "ServerLanguage" AS ENUM ('en', 'es', 'auto');

-- CreateEnum
CREATE TYPE "GameStatus" AS ENUM ('running', 'finished', 'stopped', 'idle', 'interrupted');

-- CreateEnum
CREATE TYPE "EndReason" AS ENUM ('deadline', 'all_answered', 'stopped', 'interrupted');

-- CreateEnum
CREATE TYPE "DailyPostStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "Server" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "language" "ServerLanguage" NOT NULL DEFAULT 'auto',
    "defaultQuestions" INTEGER NOT NULL DEFAULT 10,
    "defaultSeconds" INTEGER NOT NULL DEFAULT 20,
    "defaultPackId" TEXT,
    "enabledPackIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "dailyChannelId" TEXT,
    "dailyTime" TEXT NOT NULL DEFAULT '09:00',
    "dailyEnabled" BOOLEAN NOT NULL DEFAULT false,
    "dailyLastError" TEXT,
    "dailyLastErrorAt" TIMESTAMPTZ(3),
    "dailyErrorNotified" BOOLEAN NOT NULL DEFAULT true,
    "season" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Server_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Player" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL DEFAULT '',
    "locale" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Player_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionPack" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "generatorVersion" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "QuestionPack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "difficulty" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "choices" TEXT[],
    "answerIndex" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Game" (
    "id" UUID NOT NULL,
    "serverId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "runningInChannelId" TEXT,
    "packId" TEXT NOT NULL,
    "startedBy" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "secondsPerQuestion" INTEGER NOT NULL,
    "difficulty" INTEGER,
    "status" "GameStatus" NOT NULL DEFAULT 'running',
    "messageId" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Game_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" UUID NOT NULL,
    "gameId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "choiceOrder" INTEGER[],
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "endReason" "EndReason",
    "messageId" TEXT,

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "playerId" TEXT NOT NULL,
    "serverId" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "choiceIndex" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreTotal" (
    "scope" TEXT NOT NULL,
    "season" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "accuracyBp" INTEGER NOT NULL DEFAULT 0,
    "reachedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScoreTotal_pkey" PRIMARY KEY ("scope","season","period","playerId")
);

-- CreateTable
CREATE TABLE "PlayerStats" (
    "scope" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "gamesPlayed" INTEGER NOT NULL DEFAULT 0,
    "fastestCorrectMs" INTEGER,
    "currentRun" INTEGER NOT NULL DEFAULT 0,
    "bestRun" INTEGER NOT NULL DEFAULT 0,
    "lastGameId" UUID,

    CONSTRAINT "PlayerStats_pkey" PRIMARY KEY ("scope","playerId")
);

-- CreateTable
CREATE TABLE "LeaderboardReset" (
    "id" UUID NOT NULL,
    "serverId" TEXT NOT NULL,
    "resetBy" TEXT NOT NULL,
    "fromSeason" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderboardReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyChallenge" (
    "id" UUID NOT NULL,
    "serverId" TEXT NOT NULL,
    "localDate" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "questionIds" TEXT[],
    "channelId" TEXT NOT NULL,
    "status" "DailyPostStatus" NOT NULL DEFAULT 'pending',
    "messageId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "resetsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DailyChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyEntry" (
    "id" UUID NOT NULL,
    "challengeId" UUID NOT NULL,
    "playerId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "correct" INTEGER NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyAnswer" (
    "challengeId" UUID NOT NULL,
    "playerId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "choiceIndex" INTEGER,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "askedAt" TIMESTAMPTZ(3) NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DailyAnswer_pkey" PRIMARY KEY ("challengeId","playerId","questionIndex")
);

-- CreateTable
CREATE TABLE "DailyStreak" (
    "serverId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "current" INTEGER NOT NULL DEFAULT 0,
    "best" INTEGER NOT NULL DEFAULT 0,
    "lastLocalDate" TEXT NOT NULL,

    CONSTRAINT "DailyStreak_pkey" PRIMARY KEY ("serverId","playerId")
);

-- CreateIndex
CREATE INDEX "Server_dailyEnabled_dailyTime_idx" ON "Server"("dailyEnabled", "dailyTime");

-- CreateIndex
CREATE INDEX "Question_packId_retired_idx" ON "Question"("packId", "retired");

-- CreateIndex
CREATE UNIQUE INDEX "Game_runningInChannelId_key" ON "Game"("runningInChannelId");

-- CreateIndex
CREATE INDEX "Game_channelId_startedAt_idx" ON "Game"("channelId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Game_status_idx" ON "Game"("status");

-- CreateIndex
CREATE INDEX "Round_questionId_idx" ON "Round"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "Round_gameId_index_key" ON "Round"("gameId", "index");

-- CreateIndex
CREATE INDEX "Answer_playerId_serverId_idx" ON "Answer"("playerId", "serverId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_roundId_playerId_key" ON "Answer"("roundId", "playerId");

-- CreateIndex
CREATE INDEX "ScoreTotal_rank_idx" ON "ScoreTotal"("scope", "season", "period", "points" DESC, "accuracyBp" DESC, "reachedAt", "playerId");

-- CreateIndex
CREATE INDEX "ScoreTotal_playerId_idx" ON "ScoreTotal"("playerId");

-- CreateIndex
CREATE INDEX "PlayerStats_playerId_idx" ON "PlayerStats"("playerId");

-- CreateIndex
CREATE INDEX "LeaderboardReset_serverId_at_idx" ON "LeaderboardReset"("serverId", "at");

-- CreateIndex
CREATE INDEX "DailyChallenge_status_createdAt_idx" ON "DailyChallenge"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DailyChallenge_serverId_localDate_key" ON "DailyChallenge"("serverId", "localDate");

-- CreateIndex
CREATE INDEX "DailyEntry_playerId_idx" ON "DailyEntry"("playerId");

-- CreateIndex
CREATE UNIQUE INDEX "DailyEntry_challengeId_playerId_key" ON "DailyEntry"("challengeId", "playerId");

-- CreateIndex
CREATE INDEX "DailyStreak_serverId_current_idx" ON "DailyStreak"("serverId", "current" DESC);

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_packId_fkey" FOREIGN KEY ("packId") REFERENCES "QuestionPack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Game" ADD CONSTRAINT "Game_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "Game"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreTotal" ADD CONSTRAINT "ScoreTotal_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayerStats" ADD CONSTRAINT "PlayerStats_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderboardReset" ADD CONSTRAINT "LeaderboardReset_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyChallenge" ADD CONSTRAINT "DailyChallenge_serverId_fkey" FOREIGN KEY ("serverId") REFERENCES "Server"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyEntry" ADD CONSTRAINT "DailyEntry_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "DailyChallenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyEntry" ADD CONSTRAINT "DailyEntry_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyAnswer" ADD CONSTRAINT "DailyAnswer_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "DailyChallenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyAnswer" ADD CONSTRAINT "DailyAnswer_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyStreak" ADD CONSTRAINT "DailyStreak_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;
