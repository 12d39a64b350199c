// How a person's last membership of a group ended (the role they held, and whether a
// facilitator or admin removed them), so leaving and re-joining an open group cannot turn an
// observer or a removed member into a member (issue 12, item 4). Departures before this
// migration were not recorded: those people count as newcomers.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipDepartures1796285326109 implements MigrationInterface {
  name = 'MembershipDepartures1796285326109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "membership_departures" ("group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "removed" boolean NOT NULL, "removed_by_id" uuid, "left_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "membership_departures_role_check" CHECK ("role" IN ('facilitator', 'member', 'observer')), CONSTRAINT "PK_3ed453b11d8f5d89f68799fa1bf" PRIMARY KEY ("group_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "membership_departures_user_id_idx" ON "membership_departures"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_departures" ADD CONSTRAINT "FK_594d70dff39deff8cdd5d732d4e" FOREIGN KEY ("group_id") REFERENCES "working_groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_departures" ADD CONSTRAINT "FK_78f09aae79fdedd8842157c1fd6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership_departures" ADD CONSTRAINT "FK_38523454dce392ddb4796024d7d" FOREIGN KEY ("removed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "membership_departures" DROP CONSTRAINT "FK_38523454dce392ddb4796024d7d"`);
    await queryRunner.query(`ALTER TABLE "membership_departures" DROP CONSTRAINT "FK_78f09aae79fdedd8842157c1fd6"`);
    await queryRunner.query(`ALTER TABLE "membership_departures" DROP CONSTRAINT "FK_594d70dff39deff8cdd5d732d4e"`);
    await queryRunner.query(`DROP INDEX "public"."membership_departures_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "membership_departures"`);
  }
}
