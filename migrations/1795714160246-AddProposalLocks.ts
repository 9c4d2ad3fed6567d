import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProposalLocks1795714160246 implements MigrationInterface {
  name = 'AddProposalLocks1795714160246';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "proposals"
            ADD "locked_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "proposals" DROP COLUMN "locked_at"
        `);
  }
}
