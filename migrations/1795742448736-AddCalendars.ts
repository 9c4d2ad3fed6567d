import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCalendars1795742448736 implements MigrationInterface {
  name = 'AddCalendars1795742448736';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" bytea NOT NULL,
                "owner" text NOT NULL,
                "volunteer_id" uuid,
                "organisation_id" uuid,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_df53b5f17d35a6bac0fb13e16ad" UNIQUE ("token_hash"),
                CONSTRAINT "calendar_feeds_owner_check" CHECK (
                    (
                        owner = 'resident'
                        AND volunteer_id IS NOT NULL
                        AND organisation_id IS NULL
                    )
                    OR (
                        owner = 'organisation'
                        AND organisation_id IS NOT NULL
                        AND volunteer_id IS NULL
                    )
                ),
                CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feeds_live_organisation_key" ON "calendar_feeds" ("organisation_id")
            WHERE revoked_at IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feeds_live_resident_key" ON "calendar_feeds" ("volunteer_id")
            WHERE revoked_at IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "request_slots"
            ADD "sequence" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "request_slots"
            ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            ALTER TABLE "proposals"
            ADD "accepted_at" TIMESTAMP WITH TIME ZONE
        `);
    // Activities accepted before this column existed: the last change is the best guess at when.
    await queryRunner.query(`
            UPDATE "proposals" SET "accepted_at" = "updated_at" WHERE "status" IN ('accepted', 'completed')
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_ce4e2677bf76d62cca5652ab957" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds"
            ADD CONSTRAINT "FK_d4de59560f98b4d36bdab415690" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_d4de59560f98b4d36bdab415690"
        `);
    await queryRunner.query(`
            ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_ce4e2677bf76d62cca5652ab957"
        `);
    await queryRunner.query(`
            ALTER TABLE "proposals" DROP COLUMN "accepted_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_slots" DROP COLUMN "updated_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_slots" DROP COLUMN "sequence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."calendar_feeds_live_resident_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."calendar_feeds_live_organisation_key"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
  }
}
