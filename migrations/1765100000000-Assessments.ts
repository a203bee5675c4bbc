import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Readiness assessments (libs/assessments): versioned instruments, rounds, respondents and their answers. */
export class Assessments1765100000000 implements MigrationInterface {
  name = 'Assessments1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "instruments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "code" varchar(60) NOT NULL,
        "version" integer NOT NULL CHECK ("version" > 0),
        "title" varchar(200) NOT NULL,
        "scale_min" integer NOT NULL,
        "scale_max" integer NOT NULL CHECK ("scale_max" > "scale_min"),
        "definition" jsonb NOT NULL,
        "loaded_by" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "instruments_code_version_key" UNIQUE ("code", "version")
      )`);
    await q.query(`
      CREATE TABLE "assessments" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
        "instrument_id" uuid NOT NULL REFERENCES "instruments"("id"),
        "purpose" varchar(20) NOT NULL CHECK ("purpose" IN ('baseline', 'follow_up')),
        "case_id" uuid REFERENCES "cases"("id") ON DELETE SET NULL,
        "status" varchar(20) NOT NULL DEFAULT 'open' CHECK ("status" IN ('open', 'closed')),
        "expires_at" timestamptz NOT NULL,
        "created_by" uuid NOT NULL REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "closed_at" timestamptz,
        "reassess_reminded_at" timestamptz
      )`);
    await q.query(`CREATE INDEX "assessments_organization_idx" ON "assessments" ("organization_id", "created_at")`);
    await q.query(`CREATE INDEX "assessments_closed_idx" ON "assessments" ("closed_at") WHERE "status" = 'closed'`);
    await q.query(`
      CREATE TABLE "assessment_respondents" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "assessment_id" uuid NOT NULL REFERENCES "assessments"("id") ON DELETE CASCADE,
        "contact_id" uuid REFERENCES "contacts"("id") ON DELETE SET NULL,
        "name" varchar(200) NOT NULL,
        "source" varchar(20) NOT NULL CHECK ("source" IN ('invited', 'entered')),
        "token_hash" char(64) UNIQUE,
        "status" varchar(20) NOT NULL CHECK ("status" IN ('invited', 'draft', 'submitted')),
        "entered_by" uuid REFERENCES "users"("id"),
        "submitted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "assessment_respondents_assessment_idx" ON "assessment_respondents" ("assessment_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "assessment_respondents_invited_key" ON "assessment_respondents" ("assessment_id", "contact_id") WHERE "source" = 'invited'`,
    );
    await q.query(`
      CREATE TABLE "assessment_answers" (
        "respondent_id" uuid NOT NULL REFERENCES "assessment_respondents"("id") ON DELETE CASCADE,
        "item_code" varchar(60) NOT NULL,
        "score" integer NOT NULL,
        "comment" varchar(2000),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("respondent_id", "item_code")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assessment_answers"`);
    await q.query(`DROP TABLE "assessment_respondents"`);
    await q.query(`DROP TABLE "assessments"`);
    await q.query(`DROP TABLE "instruments"`);
  }
}
