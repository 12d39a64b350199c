import { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchIndex1795761514844 implements MigrationInterface {
  name = 'SearchIndex1795761514844';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Accent folding and trigram typo tolerance (contrib modules; trusted, so no superuser needed).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Text search configurations that fold accents before stemming, so `hidrogeno` finds
    // `hidrógeno` and ts_headline still highlights the original accented word.
    for (const [name, base, stem] of [
      ['auzolan_simple', 'simple', 'simple'],
      ['auzolan_en', 'english', 'english_stem'],
      ['auzolan_es', 'spanish', 'spanish_stem'],
    ]) {
      await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${base})`);
      await queryRunner.query(
        `ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${stem}`,
      );
    }
    await queryRunner.query(
      `CREATE TABLE "search_entries" ("type" text NOT NULL, "id" uuid NOT NULL, "version" bigint NOT NULL, "deleted" boolean NOT NULL DEFAULT false, "group_id" uuid, "kind" text NOT NULL DEFAULT '', "title" text NOT NULL DEFAULT '', "body" text NOT NULL DEFAULT '', "tags" text array NOT NULL DEFAULT '{}', "author_id" uuid, "organisation_id" uuid, "language" text, "url" text NOT NULL DEFAULT '', "extra" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tsv" tsvector NOT NULL, "title_folded" text NOT NULL DEFAULT '', "generation" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_1c88fe33198600e3236d19df6e0" PRIMARY KEY ("type", "id"))`,
    );
    await queryRunner.query(`CREATE INDEX "search_entries_group_idx" ON "search_entries"  ("group_id", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING GIN ("tsv")`);
    await queryRunner.query(
      `CREATE INDEX "search_entries_title_trgm_idx" ON "search_entries" USING GIN ("title_folded" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE TABLE "worker_leases" ("name" text NOT NULL, "holder" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_24436c3c8959e31506dd0bc5657" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "worker_leases"`);
    await queryRunner.query(`DROP INDEX "public"."search_entries_title_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."search_entries_tsv_idx"`);
    await queryRunner.query(`DROP INDEX "public"."search_entries_group_idx"`);
    await queryRunner.query(`DROP TABLE "search_entries"`);
    for (const name of ['auzolan_simple', 'auzolan_en', 'auzolan_es']) {
      await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    }
  }
}
