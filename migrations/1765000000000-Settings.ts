import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings the center edits itself (libs/settings owns the table): one row per group, e.g. `center` for its name,
 * logo, reply-to address, phone and signature. A missing row means the defaults in libs/settings.
 */
export class Settings1765000000000 implements MigrationInterface {
  name = 'Settings1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "settings" (
        "key" varchar(60) PRIMARY KEY,
        "value" jsonb NOT NULL,
        "updated_by" uuid,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "settings"`);
  }
}
