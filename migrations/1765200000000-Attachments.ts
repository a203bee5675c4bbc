import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files on cases, sessions and messages (libs/attachments). `message_id` has no foreign key: the messages table belongs
 * to the conversation lib, which links files through AttachmentsService (docs/ARCHITECTURE.md "Attachments").
 * A deleted file keeps its row (name, size, checksum, who deleted it) for the audit trail; its bytes are removed.
 */
export class Attachments1765200000000 implements MigrationInterface {
  name = 'Attachments1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "attachments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"("id"),
        "consultation_id" uuid REFERENCES "consultations"("id") ON DELETE SET NULL,
        "message_id" uuid,
        "file_name" varchar(255) NOT NULL CHECK ("file_name" <> ''),
        "content_type" varchar(120) NOT NULL,
        "size_bytes" bigint NOT NULL CHECK ("size_bytes" >= 0),
        "sha256" char(64) NOT NULL,
        "storage_key" varchar(200) NOT NULL UNIQUE,
        "origin" varchar(30) NOT NULL CHECK ("origin" IN ('staff_upload', 'clinic_status_page', 'inbound_email')),
        "uploaded_by_user_id" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        "deleted_by_user_id" uuid REFERENCES "users"("id"),
        CONSTRAINT "attachments_deleted_by_check" CHECK ("deleted_at" IS NOT NULL OR "deleted_by_user_id" IS NULL)
      )`);
    await q.query(`CREATE INDEX "attachments_case_idx" ON "attachments" ("case_id", "created_at") WHERE "deleted_at" IS NULL`);
    await q.query(`CREATE INDEX "attachments_message_idx" ON "attachments" ("message_id") WHERE "message_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "attachments"`);
  }
}
