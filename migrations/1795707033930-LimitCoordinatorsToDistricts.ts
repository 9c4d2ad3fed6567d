import { MigrationInterface, QueryRunner } from 'typeorm';

export class LimitCoordinatorsToDistricts1795707033930 implements MigrationInterface {
  name = 'LimitCoordinatorsToDistricts1795707033930';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "accounts"
            ADD "district_codes" text array
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts"
            ADD CONSTRAINT "accounts_district_codes_check" CHECK (
                    district_codes IS NULL
                    OR role = 'coordinator'
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "accounts" DROP CONSTRAINT "accounts_district_codes_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "accounts" DROP COLUMN "district_codes"
        `);
  }
}
