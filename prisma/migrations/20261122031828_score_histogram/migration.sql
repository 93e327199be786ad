-- CreateTable
CREATE TABLE "ScoreHistogram" (
    "scope" TEXT NOT NULL,
    "season" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "players" INTEGER NOT NULL,

    CONSTRAINT "ScoreHistogram_pkey" PRIMARY KEY ("scope","season","period","size","start")
);


-- Hand-written (Prisma does not model functions or triggers): whatever deletes ScoreTotal rows (forget-me, the
-- Player cascade) takes them out of the histogram in the same statement. Inserts and updates are applied by the
-- statement that writes the totals (PrismaGameStore.recordAnswer), in key order, so concurrent answers always
-- lock histogram rows in the same order and cannot deadlock.
CREATE FUNCTION "ScoreHistogram_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ScoreHistogram" AS h (scope, season, period, size, start, players)
  SELECT gone.scope, gone.season, gone.period, sizes.size, gone.points - gone.points % sizes.size, -count(*)::int
  FROM gone CROSS JOIN (VALUES (1), (1024)) AS sizes(size)
  WHERE gone.points > 0
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (scope, season, period, size, start) DO UPDATE SET players = h.players + EXCLUDED.players;
  RETURN NULL;
END
$$;

CREATE TRIGGER "ScoreHistogram_on_delete" AFTER DELETE ON "ScoreTotal"
REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "ScoreHistogram_on_delete"();

-- Backfill from the totals already recorded.
INSERT INTO "ScoreHistogram" (scope, season, period, size, start, players)
SELECT t.scope, t.season, t.period, sizes.size, t.points - t.points % sizes.size, count(*)::int
FROM "ScoreTotal" t CROSS JOIN (VALUES (1), (1024)) AS sizes(size)
WHERE t.points > 0
GROUP BY 1, 2, 3, 4, 5;
