import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1764300000000 implements MigrationInterface {
  name = 'Outbox1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "outbound_emails" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "recipient" varchar(254) NOT NULL,
        "template" varchar(60) NOT NULL,
        "data" jsonb NOT NULL DEFAULT '{}',
        "dedupe_key" varchar(200) NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'sent', 'failed')),
        "attempts" int NOT NULL DEFAULT 0,
        "last_error" text,
        "sent_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "outbound_emails_dedupe_key" ON "outbound_emails" ("dedupe_key")`);
    await q.query(`CREATE INDEX "outbound_emails_status_idx" ON "outbound_emails" ("status", "updated_at") WHERE "status" <> 'sent'`);
    await q.query(`CREATE INDEX "outbound_emails_created_idx" ON "outbound_emails" ("created_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbound_emails"`);
  }
}
