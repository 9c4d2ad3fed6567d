import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRequestExclusions1795713715027 implements MigrationInterface {
  name = 'AddRequestExclusions1795713715027';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "request_exclusions" (
                "request_id" uuid NOT NULL,
                "volunteer_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "excluded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_34a3273515b0f5cc2d34da31b14" PRIMARY KEY ("request_id", "volunteer_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "request_exclusions"
            ADD CONSTRAINT "FK_005bed76ea5623224f599197d07" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "request_exclusions"
            ADD CONSTRAINT "FK_0e2bd3deb941b260fcfb78c585d" FOREIGN KEY ("volunteer_id") REFERENCES "volunteers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "request_exclusions" DROP CONSTRAINT "FK_0e2bd3deb941b260fcfb78c585d"
        `);
    await queryRunner.query(`
            ALTER TABLE "request_exclusions" DROP CONSTRAINT "FK_005bed76ea5623224f599197d07"
        `);
    await queryRunner.query(`
            DROP TABLE "request_exclusions"
        `);
  }
}
