import { Migration } from '@mikro-orm/migrations';

/**
 * ID numbers leave plain text: ciphertext, a blind index for lookups and uniqueness, and
 * the masked form. Rows written before this migration are sealed at start-up by the
 * subgraph (`prepare`), which holds the key; the plain column is then empty everywhere and
 * may only ever be null from here on.
 */
export class Migration20261123100000_encrypt_id_numbers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table member add column id_number_encrypted text, add column id_number_index text, add column id_number_masked text`);
    this.addSql(`alter table member alter column id_number drop not null`);
    this.addSql(`alter table member drop constraint member_id_number_unique`);
    this.addSql(`create unique index member_id_number_index_unique on member (id_number_index)`);
    this.addSql(`alter table member add constraint member_id_number_sealed check (id_number is null or id_number_index is null)`);
  }
}
