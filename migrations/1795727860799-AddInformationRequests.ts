import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddInformationRequests1795727860799 implements MigrationInterface {
  name = 'AddInformationRequests1795727860799';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "volunteers"
            ADD "information_requested" text
        `);
    await queryRunner.query(`
            ALTER TABLE "volunteers"
            ADD "information_requested_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "volunteers"
            ADD CONSTRAINT "volunteers_information_requested_check" CHECK (
                    (information_requested IS NULL) = (information_requested_at IS NULL)
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "volunteers" DROP CONSTRAINT "volunteers_information_requested_check"
        `);
    await queryRunner.query(`
            ALTER TABLE "volunteers" DROP COLUMN "information_requested_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "volunteers" DROP COLUMN "information_requested"
        `);
  }
}
