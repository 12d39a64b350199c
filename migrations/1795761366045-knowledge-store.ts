import { MigrationInterface, QueryRunner } from 'typeorm';

export class KnowledgeStore1795761366045 implements MigrationInterface {
  name = 'KnowledgeStore1795761366045';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stored_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "storage_key" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "uploaded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d876a11b7afb1d51658687cd302" UNIQUE ("storage_key"), CONSTRAINT "PK_5d5be862bf53851c1794b4adf4e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "stored_files_group_idx" ON "stored_files"  ("group_id") `);
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "title" text NOT NULL, "title_key" text NOT NULL, "body" text NOT NULL DEFAULT '', "body_html" text NOT NULL DEFAULT '', "tags" text array NOT NULL DEFAULT '{}', "parent_id" uuid, "template_for" text, "version" integer NOT NULL DEFAULT '1', "author_id" uuid, "updated_by_id" uuid, "source_url" text, "source_url_key" text, "publisher" text, "source_published_at" date, "relevance" smallint, "meeting_date" date, "decisions" text array NOT NULL DEFAULT '{}', "decisions_html" text array NOT NULL DEFAULT '{}', "link_url" text, "file_id" uuid, "published_in_group_at" TIMESTAMP WITH TIME ZONE, "published_by_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "documents_template_for_check" CHECK ("template_for" IS NULL OR "kind" = 'page'), CONSTRAINT "documents_relevance_check" CHECK ("relevance" IS NULL OR "relevance" BETWEEN 1 AND 5), CONSTRAINT "documents_status_check" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "documents_kind_check" CHECK ("kind" IN ('page', 'ci_note', 'meeting_summary', 'resource')), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "documents_parent_id_idx" ON "documents"  ("parent_id") `);
    await queryRunner.query(
      `CREATE INDEX "documents_group_source_key_idx" ON "documents"  ("group_id", "source_url_key") `,
    );
    await queryRunner.query(`CREATE INDEX "documents_group_title_key_idx" ON "documents"  ("group_id", "title_key") `);
    await queryRunner.query(`CREATE INDEX "documents_group_kind_idx" ON "documents"  ("group_id", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "action_items" ("id" uuid NOT NULL, "document_id" uuid NOT NULL, "group_id" uuid NOT NULL, "position" integer NOT NULL, "description" text NOT NULL, "owner_user_id" uuid, "owner_organisation_id" uuid, "due_date" date, "status" text NOT NULL DEFAULT 'open', "updated_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "action_items_owner_check" CHECK ("owner_user_id" IS NOT NULL OR "owner_organisation_id" IS NOT NULL), CONSTRAINT "action_items_status_check" CHECK ("status" IN ('open', 'done', 'dropped')), CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "action_items_document_idx" ON "action_items"  ("document_id") `);
    await queryRunner.query(`CREATE INDEX "action_items_group_status_idx" ON "action_items"  ("group_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "document_links" ("source_id" uuid NOT NULL, "target_key" text NOT NULL, "group_id" uuid NOT NULL, "target_id" uuid, CONSTRAINT "PK_2c974725d4ff5aac5c8f0e3d5d1" PRIMARY KEY ("source_id", "target_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "document_links_group_key_idx" ON "document_links"  ("group_id", "target_key") `,
    );
    await queryRunner.query(`CREATE INDEX "document_links_target_idx" ON "document_links"  ("target_id") `);
    await queryRunner.query(
      `CREATE TABLE "document_organisations" ("document_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "PK_6480f7b592e6969b1101d044413" PRIMARY KEY ("document_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "document_organisations_organisation_idx" ON "document_organisations"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "version" integer NOT NULL, "action" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "fields" jsonb NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "document_revisions_document_version_key" UNIQUE ("document_id", "version"), CONSTRAINT "PK_1db6c1e7658e3cf826ffe1b386d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "user_id" uuid, "organisation_id" uuid, CONSTRAINT "meeting_attendees_someone_check" CHECK ("user_id" IS NOT NULL OR "organisation_id" IS NOT NULL), CONSTRAINT "PK_b49884a61337dbfb2f3018710da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meeting_attendees_organisation_idx" ON "meeting_attendees"  ("organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "meeting_attendees_document_idx" ON "meeting_attendees"  ("document_id") `);
    await queryRunner.query(
      `ALTER TABLE "stored_files" ADD CONSTRAINT "FK_f98c5b552a888071f7e8143be9e" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stored_files" ADD CONSTRAINT "FK_aa2d3ee25c799163ed356b026fc" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_867ddd9dc0764647e27b3e8519b" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_7c6e6c32aa728e4ab55901554af" FOREIGN KEY ("parent_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "FK_85d4e65f38815d121b87e9ed7aa" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "documents_file_fk" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "FK_936a1e26a1ab466c8bb7848abd5" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_user_fk" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_organisation_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_links" ADD CONSTRAINT "FK_312709b5966b1e513ef9d55a9ac" FOREIGN KEY ("source_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_links" ADD CONSTRAINT "FK_c8c7cf1707f31eb7e128323d03c" FOREIGN KEY ("target_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_organisations" ADD CONSTRAINT "FK_121197128be95c43cc5c8472223" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_organisations" ADD CONSTRAINT "document_organisations_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_revisions" ADD CONSTRAINT "FK_d5da7634bc080a6d8a2f94fbd8e" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_revisions" ADD CONSTRAINT "FK_573fbdea6ece4ac2bfe3cbf5880" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendees" ADD CONSTRAINT "FK_113fb171016286151e2ca95d35f" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_attendees" DROP CONSTRAINT "meeting_attendees_organisation_fk"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendees" DROP CONSTRAINT "meeting_attendees_user_fk"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendees" DROP CONSTRAINT "FK_113fb171016286151e2ca95d35f"`);
    await queryRunner.query(`ALTER TABLE "document_revisions" DROP CONSTRAINT "FK_573fbdea6ece4ac2bfe3cbf5880"`);
    await queryRunner.query(`ALTER TABLE "document_revisions" DROP CONSTRAINT "FK_d5da7634bc080a6d8a2f94fbd8e"`);
    await queryRunner.query(
      `ALTER TABLE "document_organisations" DROP CONSTRAINT "document_organisations_organisation_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "document_organisations" DROP CONSTRAINT "FK_121197128be95c43cc5c8472223"`);
    await queryRunner.query(`ALTER TABLE "document_links" DROP CONSTRAINT "FK_c8c7cf1707f31eb7e128323d03c"`);
    await queryRunner.query(`ALTER TABLE "document_links" DROP CONSTRAINT "FK_312709b5966b1e513ef9d55a9ac"`);
    await queryRunner.query(`ALTER TABLE "action_items" DROP CONSTRAINT "action_items_owner_organisation_fk"`);
    await queryRunner.query(`ALTER TABLE "action_items" DROP CONSTRAINT "action_items_owner_user_fk"`);
    await queryRunner.query(`ALTER TABLE "action_items" DROP CONSTRAINT "FK_936a1e26a1ab466c8bb7848abd5"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "documents_file_fk"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_85d4e65f38815d121b87e9ed7aa"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_7c6e6c32aa728e4ab55901554af"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "FK_867ddd9dc0764647e27b3e8519b"`);
    await queryRunner.query(`ALTER TABLE "stored_files" DROP CONSTRAINT "FK_aa2d3ee25c799163ed356b026fc"`);
    await queryRunner.query(`ALTER TABLE "stored_files" DROP CONSTRAINT "FK_f98c5b552a888071f7e8143be9e"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_attendees_document_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_attendees_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_attendees"`);
    await queryRunner.query(`DROP TABLE "document_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."document_organisations_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "document_organisations"`);
    await queryRunner.query(`DROP INDEX "public"."document_links_target_idx"`);
    await queryRunner.query(`DROP INDEX "public"."document_links_group_key_idx"`);
    await queryRunner.query(`DROP TABLE "document_links"`);
    await queryRunner.query(`DROP INDEX "public"."action_items_group_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."action_items_document_idx"`);
    await queryRunner.query(`DROP TABLE "action_items"`);
    await queryRunner.query(`DROP INDEX "public"."documents_group_kind_idx"`);
    await queryRunner.query(`DROP INDEX "public"."documents_group_title_key_idx"`);
    await queryRunner.query(`DROP INDEX "public"."documents_group_source_key_idx"`);
    await queryRunner.query(`DROP INDEX "public"."documents_parent_id_idx"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."stored_files_group_idx"`);
    await queryRunner.query(`DROP TABLE "stored_files"`);
  }
}
