import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1764400000000 implements MigrationInterface {
  name = 'Intake1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "intake_submissions" (
        "id" uuid PRIMARY KEY,
        "payload" jsonb NOT NULL,
        "organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
        "organization_created" boolean NOT NULL,
        "contact_id" uuid NOT NULL REFERENCES "contacts"("id"),
        "contact_created" boolean NOT NULL,
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "token_hash" char(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "intake_submissions_token_hash_key" ON "intake_submissions" ("token_hash")`);
    await q.query(`CREATE INDEX "intake_submissions_case_idx" ON "intake_submissions" ("case_id")`);
    await q.query(`CREATE INDEX "contacts_email_domain_idx" ON "contacts" (lower(split_part("email", '@', 2)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "contacts_email_domain_idx"`);
    await q.query(`DROP TABLE "intake_submissions"`);
  }
}
