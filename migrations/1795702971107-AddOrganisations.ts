import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations (schools, community groups, family-support desks) and their requesters' memberships.
 * A request now belongs to an organisation; the organisations named on existing requests become rows.
 */
export class AddOrganisations1795702971107 implements MigrationInterface {
  name = 'AddOrganisations1795702971107';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organisations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" text NOT NULL,
        "name" text NOT NULL,
        "district_code" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "organisations_kind_check" CHECK (kind IN ('school', 'community_group', 'family_support_desk')),
        CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "memberships" (
        "account_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        CONSTRAINT "PK_7643db37cb599b8b480090bb0dd" PRIMARY KEY ("account_id", "organisation_id")
      )
    `);
    await queryRunner.query(`ALTER TABLE "requests" ADD "organisation_id" uuid`);
    await queryRunner.query(`
      INSERT INTO "organisations" ("kind", "name", "district_code")
      SELECT DISTINCT ON (organisation_name)
             CASE kind WHEN 'school_visit' THEN 'school'
                       WHEN 'family_support' THEN 'family_support_desk'
                       ELSE 'community_group' END,
             organisation_name, district_code
        FROM "requests" ORDER BY organisation_name, created_at
    `);
    await queryRunner.query(`
      UPDATE "requests" r SET "organisation_id" = o."id" FROM "organisations" o WHERE o."name" = r."organisation_name"
    `);
    await queryRunner.query(`ALTER TABLE "requests" ALTER COLUMN "organisation_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "organisation_name"`);
    await queryRunner.query(`CREATE INDEX "requests_organisation_idx" ON "requests" ("organisation_id")`);
    await queryRunner.query(`
      ALTER TABLE "organisations" ADD CONSTRAINT "FK_f937cc8ca89a9f279b446017fff"
        FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "memberships" ADD CONSTRAINT "FK_cc6ac2e484c2f6e53d13ce1a97c"
        FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "memberships" ADD CONSTRAINT "FK_55c59139e9136eb9a76ed30c6dc"
        FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "requests" ADD CONSTRAINT "FK_909c7a47e6ffe8a791461db42eb"
        FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_909c7a47e6ffe8a791461db42eb"`);
    await queryRunner.query(`ALTER TABLE "requests" ADD "organisation_name" text`);
    await queryRunner.query(`
      UPDATE "requests" r SET "organisation_name" = o."name" FROM "organisations" o WHERE o."id" = r."organisation_id"
    `);
    await queryRunner.query(`ALTER TABLE "requests" ALTER COLUMN "organisation_name" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."requests_organisation_idx"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP COLUMN "organisation_id"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
