import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports of registers from CSV: runs with their stored file and progress, each row's outcome, and the city's reference numbers of imported requests. */

export class AddRegisterImports1795743981921 implements MigrationInterface {
  name = 'AddRegisterImports1795743981921';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "imported_request_refs" (
                "reference" text NOT NULL,
                "request_id" uuid NOT NULL,
                CONSTRAINT "REL_3b7ce65ced39661b9f4bfa9d09" UNIQUE ("request_id"),
                CONSTRAINT "PK_1d3df96c5b31c888a52e94d3377" PRIMARY KEY ("reference")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "import_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "dry_run" boolean NOT NULL,
                "file_name" text NOT NULL,
                "encoding" text NOT NULL,
                "content" bytea,
                "unknown_columns" text array NOT NULL DEFAULT '{}',
                "total_rows" integer NOT NULL,
                "processed_rows" integer NOT NULL DEFAULT '0',
                "counts" jsonb NOT NULL,
                "created_by" text NOT NULL,
                "actor" jsonb NOT NULL,
                "failure" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "import_runs_progress_check" CHECK (
                    processed_rows BETWEEN 0 AND total_rows
                ),
                CONSTRAINT "import_runs_status_check" CHECK (
                    status IN (
                        'queued',
                        'running',
                        'previewed',
                        'applied',
                        'failed'
                    )
                ),
                CONSTRAINT "import_runs_kind_check" CHECK (kind IN ('residents', 'requests')),
                CONSTRAINT "PK_2f4f95d6fde4a7602f6b79f10e8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "import_runs_created_by_idx" ON "import_runs" ("created_by")
        `);
    await queryRunner.query(`
            CREATE TABLE "import_run_rows" (
                "run_id" uuid NOT NULL,
                "line" integer NOT NULL,
                "outcome" text NOT NULL,
                "reasons" jsonb NOT NULL DEFAULT '[]',
                "changed_columns" text array NOT NULL DEFAULT '{}',
                "subject_id" uuid,
                CONSTRAINT "PK_59765e2e3e20b2570f549dc2d89" PRIMARY KEY ("run_id", "line")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "imported_request_refs"
            ADD CONSTRAINT "FK_3b7ce65ced39661b9f4bfa9d099" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "import_run_rows"
            ADD CONSTRAINT "FK_5c7324e040fd9bc3e2b1f85947c" FOREIGN KEY ("run_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "import_run_rows" DROP CONSTRAINT "FK_5c7324e040fd9bc3e2b1f85947c"
        `);
    await queryRunner.query(`
            ALTER TABLE "imported_request_refs" DROP CONSTRAINT "FK_3b7ce65ced39661b9f4bfa9d099"
        `);
    await queryRunner.query(`
            DROP TABLE "import_run_rows"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."import_runs_created_by_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "import_runs"
        `);
    await queryRunner.query(`
            DROP TABLE "imported_request_refs"
        `);
  }
}
