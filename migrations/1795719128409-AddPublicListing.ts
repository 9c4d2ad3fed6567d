import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPublicListing1795719128409 implements MigrationInterface {
  name = 'AddPublicListing1795719128409';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "volunteers"
            ADD "listed_publicly" boolean NOT NULL DEFAULT false
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "volunteers" DROP COLUMN "listed_publicly"
        `);
  }
}
