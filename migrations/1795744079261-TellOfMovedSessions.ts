import { MigrationInterface, QueryRunner } from 'typeorm';

/** A new kind of notification: a session moved to another time. */
export class TellOfMovedSessions1795744079261 implements MigrationInterface {
  name = 'TellOfMovedSessions1795744079261';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check"`);
    await queryRunner.query(`
      ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN (
        'proposalApproved', 'proposalAnswered', 'informationRequested', 'residentActivated',
        'requestCancelled', 'sessionMoved', 'sessionReminder', 'requestShort', 'coordinatorDigest'))
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE kind = 'sessionMoved'`);
    await queryRunner.query(`DELETE FROM "notification_opt_outs" WHERE kind = 'sessionMoved'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check"`);
    await queryRunner.query(`
      ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN (
        'proposalApproved', 'proposalAnswered', 'informationRequested', 'residentActivated',
        'requestCancelled', 'sessionReminder', 'requestShort', 'coordinatorDigest'))
    `);
  }
}
