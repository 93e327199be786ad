-- AlterTable
ALTER TABLE "DailyChallenge" ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3);
