import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * search_entries_group_idx (group, updated_at) led the planner to walk a group's entries by
 * date instead of using the full-text GIN index; candidates come from the GIN indexes now.
 */
export class DropSearchGroupIndex1796297881388 implements MigrationInterface {
  name = 'DropSearchGroupIndex1796297881388';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // IF EXISTS: databases created while the search-index migration lacked it never had it.
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."search_entries_group_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "search_entries_group_idx" ON "search_entries" ("group_id", "updated_at")`);
  }
}
