import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1795739772637 implements MigrationInterface {
  name = 'AddNotifications1795739772637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "answer_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "proposal_id" uuid NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_d2798c884e2eeafac7c6e8a4d65" UNIQUE ("token_hash"),
                CONSTRAINT "PK_df1610dc35f4449009b85eff48d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "account_id" uuid NOT NULL,
                "dedupe_key" text NOT NULL,
                "request_id" uuid,
                "proposal_id" uuid,
                "slot_id" uuid,
                "facts" jsonb NOT NULL DEFAULT '{}',
                "send_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "outcome" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "unsubscribe_hash" bytea,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_1ce34a3c9fd97cd56bcb734ca9e" UNIQUE ("dedupe_key"),
                CONSTRAINT "UQ_dc4b431c95eb5b7b5a73f44e29c" UNIQUE ("unsubscribe_hash"),
                CONSTRAINT "notifications_status_check" CHECK (
                    status IN (
                        'queued',
                        'sending',
                        'sent',
                        'failed',
                        'cancelled'
                    )
                ),
                CONSTRAINT "notifications_kind_check" CHECK (
                    kind IN (
                        'proposalApproved',
                        'proposalAnswered',
                        'informationRequested',
                        'residentActivated',
                        'requestCancelled',
                        'sessionReminder',
                        'requestShort',
                        'coordinatorDigest'
                    )
                ),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_request_idx" ON "notifications" ("request_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "notifications_due_idx" ON "notifications" ("status", "send_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_opt_outs" (
                "account_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6e04f7ddb5c0523c2dcf95b3c40" PRIMARY KEY ("account_id", "kind")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts"
            ADD "locale" text NOT NULL DEFAULT 'ja'
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts"
            ADD CONSTRAINT "accounts_locale_check" CHECK (locale IN ('ja', 'en'))
        `);
    await queryRunner.query(`
            ALTER TABLE "answer_links"
            ADD CONSTRAINT "FK_8a60bee6b03542f1a85de1c4de8" FOREIGN KEY ("proposal_id") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_a1ec3b4b4f2017665b534e60256" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_opt_outs"
            ADD CONSTRAINT "FK_65b9a17b22bd43ea1c518fa2f50" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_opt_outs" DROP CONSTRAINT "FK_65b9a17b22bd43ea1c518fa2f50"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_a1ec3b4b4f2017665b534e60256"
        `);
    await queryRunner.query(`
            ALTER TABLE "answer_links" DROP CONSTRAINT "FK_8a60bee6b03542f1a85de1c4de8"
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts" DROP CONSTRAINT "accounts_locale_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts" DROP COLUMN "locale"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_opt_outs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notifications_due_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notifications_request_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    await queryRunner.query(`
            DROP TABLE "answer_links"
        `);
  }
}
