import type { LoadedPack } from '../questions/pack-bank.ts';
import type { PrismaClient } from './generated/client.ts';

/**
 * Mirrors the packs into the database so rounds and daily challenges reference real rows. Questions a regenerated
 * pack no longer has are retired, never deleted: history keeps pointing at what was asked. A pack whose file hash
 * is the one recorded is skipped, so the usual start (nothing changed) is one read.
 */
export async function syncPacks(prisma: PrismaClient, packs: readonly LoadedPack[]): Promise<number> {
  const recorded = new Map(
    (
      await prisma.questionPack.findMany({
        where: { id: { in: packs.map(({ pack }) => pack.meta.id) } },
        select: { id: true, checksum: true },
      })
    ).map((row) => [row.id, row.checksum]),
  );
  let changed = 0;
  for (const { pack, checksum } of packs) {
    if (recorded.get(pack.meta.id) === checksum) continue;
    changed++;
    const ids = pack.questions.map((question) => question.id);
    await prisma.$transaction([
      prisma.questionPack.upsert({
        where: { id: pack.meta.id },
        create: {
          id: pack.meta.id,
          title: pack.meta.title,
          lang: pack.meta.lang,
          questionCount: pack.questions.length,
          generatorVersion: pack.meta.generatorVersion,
          checksum,
        },
        update: {
          title: pack.meta.title,
          lang: pack.meta.lang,
          questionCount: pack.questions.length,
          generatorVersion: pack.meta.generatorVersion,
          checksum,
        },
      }),
      prisma.question.createMany({
        data: pack.questions.map((question) => ({
          id: question.id,
          packId: pack.meta.id,
          type: question.type,
          difficulty: question.difficulty,
          prompt: question.prompt,
          choices: question.choices,
          answerIndex: question.choices.indexOf(question.answer),
          source: question.source,
        })),
        skipDuplicates: true,
      }),
      prisma.question.updateMany({
        where: { packId: pack.meta.id, id: { notIn: ids } },
        data: { retired: true },
      }),
      prisma.question.updateMany({
        where: { packId: pack.meta.id, id: { in: ids } },
        data: { retired: false },
      }),
    ]);
  }
  return changed;
}
