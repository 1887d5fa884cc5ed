import type { PersonalDataCipher } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Seals ID numbers stored in plain text before encryption arrived (the migration cannot:
 * it has no key), in batches, then leaves the plain column empty.
 */
export async function sealLegacyIdNumbers(em: EntityManager, pii: PersonalDataCipher): Promise<number> {
  const conn = em.getConnection();
  let sealed = 0;
  for (;;) {
    const rows = await conn.execute<{ id: string; id_number: string }[]>(`select id, id_number from member where id_number is not null limit 5000`);
    if (!rows.length) return sealed;
    await em.transactional(async (tx) => {
      for (const row of rows) {
        const s = pii.seal(row.id_number);
        await tx.getConnection().execute(
          `update member set id_number = null, id_number_encrypted = ?, id_number_index = ?, id_number_masked = ? where id = ?`,
          [s.idNumberEncrypted, s.idNumberIndex, s.idNumberMasked, row.id],
          'run',
          tx.getTransactionContext(),
        );
      }
    });
    sealed += rows.length;
  }
}
