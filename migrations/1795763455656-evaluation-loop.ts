// Events (invitations, registration, attendance) and surveys (question bank with versions, waves,
// responses with anonymous answers kept apart from the respondents) for the evaluation loop.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class EvaluationLoop1795763455656 implements MigrationInterface {
  name = 'EvaluationLoop1795763455656';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "place" text, "online" boolean NOT NULL DEFAULT false, "group_id" uuid, "parent_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "events_place_check" CHECK ("online" OR "place" IS NOT NULL), CONSTRAINT "events_kind_check" CHECK ("kind" IN ('cluster_day', 'thematic_workshop', 'group_meeting')), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "events_parent_id_idx" ON "events"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "events_group_id_idx" ON "events"  ("group_id") `);
    await queryRunner.query(`CREATE INDEX "events_starts_at_idx" ON "events"  ("starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "event_attendances" ("event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bfa3bbacc1b2a5ec3d719c50f4e" PRIMARY KEY ("event_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "event_attendances_organisation_idx" ON "event_attendances"  ("organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "event_attendances_user_idx" ON "event_attendances"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "event_invitations" ("event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91e2e549ad2d41b30e290b8430f" PRIMARY KEY ("event_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "event_invitations_organisation_idx" ON "event_invitations"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_registrations" ("event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_73e2fef1cef19c806dcd5a8c4fd" PRIMARY KEY ("event_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "event_registrations_organisation_idx" ON "event_registrations"  ("organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "event_registrations_user_idx" ON "event_registrations"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "survey_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "current_version" integer NOT NULL DEFAULT '1', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_questions_kind_check" CHECK ("kind" IN ('rating', 'single_choice', 'multiple_choice', 'free_text')), CONSTRAINT "PK_131815624efb0f0e15a220102de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_question_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "version" integer NOT NULL, "prompt" text NOT NULL, "options" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_question_versions_question_version_key" UNIQUE ("question_id", "version"), CONSTRAINT "PK_a29b33362d01f0a3d82fd8e3dc4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "event_id" uuid, "group_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b5e3d4aaeb2321ffa98498c971" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "surveys_group_id_idx" ON "surveys"  ("group_id") `);
    await queryRunner.query(`CREATE INDEX "surveys_event_id_idx" ON "surveys"  ("event_id") `);
    await queryRunner.query(
      `CREATE TABLE "survey_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "question_id" uuid NOT NULL, "position" integer NOT NULL, "label" text, "event_id" uuid, CONSTRAINT "PK_cab81933836362d9059df0b1559" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "survey_items_survey_idx" ON "survey_items"  ("survey_id", "position") `);
    await queryRunner.query(
      `CREATE TABLE "survey_waves" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "label" text NOT NULL, "anonymous" boolean NOT NULL, "status" text NOT NULL DEFAULT 'open', "event_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "survey_waves_survey_label_key" UNIQUE ("survey_id", "label"), CONSTRAINT "survey_waves_status_check" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "PK_fe8d580aa6fdda6700f27b24f9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_respondents" ("wave_id" uuid NOT NULL, "user_id" uuid NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d377a1df3024e41f9c3eec15b3" PRIMARY KEY ("wave_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "wave_id" uuid NOT NULL, "user_id" uuid, "organisation_id" uuid, "organisation_kind" text, "organisation_sector" text, "edit_token_hash" text, "updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "survey_responses_wave_user_key" UNIQUE ("wave_id", "user_id"), CONSTRAINT "survey_responses_identity_check" CHECK ("user_id" IS NULL OR "edit_token_hash" IS NULL), CONSTRAINT "PK_349995c51959d139d8e485a58ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "survey_responses_edit_token_idx" ON "survey_responses"  ("wave_id", "edit_token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "response_id" uuid NOT NULL, "item_id" uuid NOT NULL, "question_version_id" uuid NOT NULL, "rating" smallint, "choices" text array, "text" text, CONSTRAINT "survey_answers_rating_check" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5), CONSTRAINT "PK_e4cab112318f766c93435f77a1a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "survey_answers_version_idx" ON "survey_answers"  ("question_version_id") `);
    await queryRunner.query(`CREATE INDEX "survey_answers_item_idx" ON "survey_answers"  ("item_id") `);
    await queryRunner.query(`CREATE INDEX "survey_answers_response_idx" ON "survey_answers"  ("response_id") `);
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_a85d92ff2a2197092445c47c163" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_17eb93d8176ac075264a64d1af7" FOREIGN KEY ("parent_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_08e606dc5182b142dc916e7abab" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendances" ADD CONSTRAINT "FK_641a7010ac57511808275cabbc0" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendances" ADD CONSTRAINT "event_attendances_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_attendances" ADD CONSTRAINT "FK_3361301204b1b40eff039ec107a" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_invitations" ADD CONSTRAINT "FK_2ae6a8d87d5dfa578ab085bc59a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_invitations" ADD CONSTRAINT "event_invitations_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_28b0a253c87a80a4b013c437f7d" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_2ffaad7337d69125a924a837a98" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_questions" ADD CONSTRAINT "FK_70e1a934633921fd69d0e286bb8" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_question_versions" ADD CONSTRAINT "FK_3e1bc54fc0a06a3046b3df23254" FOREIGN KEY ("question_id") REFERENCES "survey_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "surveys" ADD CONSTRAINT "surveys_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "surveys" ADD CONSTRAINT "FK_f760680fad164ec15b5cf28a85e" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "surveys" ADD CONSTRAINT "FK_ed63005b2c83de54855639c4f38" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_items" ADD CONSTRAINT "FK_eaefb62989dbf31441d24ff7a06" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_items" ADD CONSTRAINT "survey_items_question_fk" FOREIGN KEY ("question_id") REFERENCES "survey_questions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_items" ADD CONSTRAINT "survey_items_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_waves" ADD CONSTRAINT "FK_79494f78979a71f7660f2ee9cb1" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_respondents" ADD CONSTRAINT "FK_c215b3273375877626b129648a4" FOREIGN KEY ("wave_id") REFERENCES "survey_waves"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_respondents" ADD CONSTRAINT "FK_0c43df19b0f0c16b0a440365a09" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_98943a9af596d1f25d68101bfdd" FOREIGN KEY ("wave_id") REFERENCES "survey_waves"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_15c9124bfeb633545c5de42edb6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "FK_2828b7aed7f572b92fce9007491" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_answers" ADD CONSTRAINT "FK_17c609d07c16be4606cd579c5aa" FOREIGN KEY ("response_id") REFERENCES "survey_responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_item_fk" FOREIGN KEY ("item_id") REFERENCES "survey_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_version_fk" FOREIGN KEY ("question_version_id") REFERENCES "survey_question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_answers" DROP CONSTRAINT "survey_answers_question_version_fk"`);
    await queryRunner.query(`ALTER TABLE "survey_answers" DROP CONSTRAINT "survey_answers_item_fk"`);
    await queryRunner.query(`ALTER TABLE "survey_answers" DROP CONSTRAINT "FK_17c609d07c16be4606cd579c5aa"`);
    await queryRunner.query(`ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_2828b7aed7f572b92fce9007491"`);
    await queryRunner.query(`ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_15c9124bfeb633545c5de42edb6"`);
    await queryRunner.query(`ALTER TABLE "survey_responses" DROP CONSTRAINT "FK_98943a9af596d1f25d68101bfdd"`);
    await queryRunner.query(`ALTER TABLE "survey_respondents" DROP CONSTRAINT "FK_0c43df19b0f0c16b0a440365a09"`);
    await queryRunner.query(`ALTER TABLE "survey_respondents" DROP CONSTRAINT "FK_c215b3273375877626b129648a4"`);
    await queryRunner.query(`ALTER TABLE "survey_waves" DROP CONSTRAINT "survey_waves_event_fk"`);
    await queryRunner.query(`ALTER TABLE "survey_waves" DROP CONSTRAINT "FK_79494f78979a71f7660f2ee9cb1"`);
    await queryRunner.query(`ALTER TABLE "survey_items" DROP CONSTRAINT "survey_items_event_fk"`);
    await queryRunner.query(`ALTER TABLE "survey_items" DROP CONSTRAINT "survey_items_question_fk"`);
    await queryRunner.query(`ALTER TABLE "survey_items" DROP CONSTRAINT "FK_eaefb62989dbf31441d24ff7a06"`);
    await queryRunner.query(`ALTER TABLE "surveys" DROP CONSTRAINT "FK_ed63005b2c83de54855639c4f38"`);
    await queryRunner.query(`ALTER TABLE "surveys" DROP CONSTRAINT "FK_f760680fad164ec15b5cf28a85e"`);
    await queryRunner.query(`ALTER TABLE "surveys" DROP CONSTRAINT "surveys_event_fk"`);
    await queryRunner.query(`ALTER TABLE "survey_question_versions" DROP CONSTRAINT "FK_3e1bc54fc0a06a3046b3df23254"`);
    await queryRunner.query(`ALTER TABLE "survey_questions" DROP CONSTRAINT "FK_70e1a934633921fd69d0e286bb8"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_2ffaad7337d69125a924a837a98"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "event_registrations_user_fk"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_28b0a253c87a80a4b013c437f7d"`);
    await queryRunner.query(`ALTER TABLE "event_invitations" DROP CONSTRAINT "event_invitations_organisation_fk"`);
    await queryRunner.query(`ALTER TABLE "event_invitations" DROP CONSTRAINT "FK_2ae6a8d87d5dfa578ab085bc59a"`);
    await queryRunner.query(`ALTER TABLE "event_attendances" DROP CONSTRAINT "FK_3361301204b1b40eff039ec107a"`);
    await queryRunner.query(`ALTER TABLE "event_attendances" DROP CONSTRAINT "event_attendances_user_fk"`);
    await queryRunner.query(`ALTER TABLE "event_attendances" DROP CONSTRAINT "FK_641a7010ac57511808275cabbc0"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_08e606dc5182b142dc916e7abab"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_17eb93d8176ac075264a64d1af7"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_a85d92ff2a2197092445c47c163"`);
    await queryRunner.query(`DROP INDEX "public"."survey_answers_response_idx"`);
    await queryRunner.query(`DROP INDEX "public"."survey_answers_item_idx"`);
    await queryRunner.query(`DROP INDEX "public"."survey_answers_version_idx"`);
    await queryRunner.query(`DROP TABLE "survey_answers"`);
    await queryRunner.query(`DROP INDEX "public"."survey_responses_edit_token_idx"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
    await queryRunner.query(`DROP TABLE "survey_respondents"`);
    await queryRunner.query(`DROP TABLE "survey_waves"`);
    await queryRunner.query(`DROP INDEX "public"."survey_items_survey_idx"`);
    await queryRunner.query(`DROP TABLE "survey_items"`);
    await queryRunner.query(`DROP INDEX "public"."surveys_event_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."surveys_group_id_idx"`);
    await queryRunner.query(`DROP TABLE "surveys"`);
    await queryRunner.query(`DROP TABLE "survey_question_versions"`);
    await queryRunner.query(`DROP TABLE "survey_questions"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_registrations_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "event_registrations"`);
    await queryRunner.query(`DROP INDEX "public"."event_invitations_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "event_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."event_attendances_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."event_attendances_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "event_attendances"`);
    await queryRunner.query(`DROP INDEX "public"."events_starts_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."events_group_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."events_parent_id_idx"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
