import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts that sign in, and their sessions (only a hash of each token is kept). */

export class AddAccountsAndSessions1795701727064 implements MigrationInterface {
  name = 'AddAccountsAndSessions1795701727064';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "accounts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "name" text NOT NULL,
                "role" text NOT NULL,
                "status" text NOT NULL DEFAULT 'active',
                "password_hash" text,
                "volunteer_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "REL_4654c0791a89a5f86518c58e08" UNIQUE ("volunteer_id"),
                CONSTRAINT "accounts_volunteer_role_check" CHECK (
                    volunteer_id IS NULL
                    OR role = 'volunteer'
                ),
                CONSTRAINT "accounts_status_check" CHECK (status IN ('active', 'suspended')),
                CONSTRAINT "accounts_role_check" CHECK (
                    role IN ('volunteer', 'requester', 'coordinator', 'admin')
                ),
                CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE UNIQUE INDEX "accounts_email_key" ON "accounts" (lower("email"))`);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "account_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sessions_account_idx" ON "sessions" ("account_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts"
            ADD CONSTRAINT "FK_4654c0791a89a5f86518c58e081" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5"
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts" DROP CONSTRAINT "FK_4654c0791a89a5f86518c58e081"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sessions_account_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`DROP INDEX "public"."accounts_email_key"`);
    await queryRunner.query(`
            DROP TABLE "accounts"
        `);
  }
}
