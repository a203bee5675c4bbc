import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email conversation on a case (libs/conversation): each case's reply token and "new reply" flag, the messages
 * (outbound, inbound, unmatched), and the outbox's envelope for emails a person writes (libs/mail).
 * `messages.outbox_email_id` has no foreign key: the outbox belongs to libs/mail, which may purge its old rows; a
 * message whose email row is gone shows as sent (its status is read through a LEFT JOIN).
 */
export class Conversation1765300000000 implements MigrationInterface {
  name = 'Conversation1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "case_threads" (
        "case_id" uuid PRIMARY KEY REFERENCES "cases"("id") ON DELETE CASCADE,
        "reply_token" varchar(20) NOT NULL UNIQUE,
        "unread" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "messages" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid REFERENCES "cases"("id") ON DELETE CASCADE,
        "direction" varchar(10) NOT NULL CHECK ("direction" IN ('outbound', 'inbound')),
        "origin" varchar(20) NOT NULL CHECK ("origin" IN ('staff', 'email', 'status_page')),
        "matched_by" varchar(20) CHECK ("matched_by" IN ('reply_address', 'thread', 'reference', 'assigned', 'status_page')),
        "from_address" varchar(320),
        "from_name" varchar(200),
        "to_addresses" text[] NOT NULL DEFAULT '{}',
        "cc_addresses" text[] NOT NULL DEFAULT '{}',
        "subject" varchar(998) NOT NULL DEFAULT '',
        "body" text NOT NULL DEFAULT '',
        "visible_body" text NOT NULL DEFAULT '',
        "message_id" varchar(998) UNIQUE,
        "in_reply_to" varchar(998),
        "references" text[] NOT NULL DEFAULT '{}',
        "inbound_key" varchar(1000) UNIQUE,
        "mailbox_uid" varchar(60),
        "raw" bytea,
        "auto_reply" varchar(30),
        "author_id" uuid REFERENCES "users"("id"),
        "outbox_email_id" uuid,
        "attachments_stored" boolean NOT NULL DEFAULT true,
        "sent_at" timestamptz,
        "received_at" timestamptz,
        "assigned_by" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "messages_case_created_idx" ON "messages" ("case_id", "created_at")`);
    await q.query(`CREATE INDEX "messages_unmatched_idx" ON "messages" ("created_at") WHERE "case_id" IS NULL`);
    await q.query(`ALTER TABLE "outbound_emails" ADD COLUMN "envelope" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbound_emails" DROP COLUMN "envelope"`);
    await q.query(`DROP TABLE "messages"`);
    await q.query(`DROP TABLE "case_threads"`);
  }
}
