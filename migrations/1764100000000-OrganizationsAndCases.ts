import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Topic → funder goal area (docs/ARCHITECTURE.md §Domain), kept as data. Labels are the plain words clinics see. */
const TOPICS: Array<[code: string, label: string, goalArea: string]> = [
  ['org_readiness', 'Organizational readiness for peer services', 'readiness'],
  ['leadership_buy_in', 'Leadership buy-in', 'readiness'],
  ['culture_change', 'Culture change and recovery orientation', 'readiness'],
  ['scope_of_practice', 'Peer scope of practice', 'capacity'],
  ['job_descriptions', 'Peer job descriptions', 'capacity'],
  ['recruitment', 'Recruiting peer staff', 'capacity'],
  ['hiring_onboarding', 'Hiring and onboarding', 'capacity'],
  ['billing_documentation', 'Billing and documentation', 'capacity'],
  ['peer_values_fidelity', 'Fidelity to peer values', 'fidelity'],
  ['competency_training', 'Peer competency training', 'fidelity'],
  ['role_clarity', 'Role clarity on the team', 'fidelity'],
  ['supervision', 'Peer-informed supervision', 'retention'],
  ['retention', 'Retaining peer staff', 'retention'],
  ['staff_wellbeing', 'Staff wellbeing', 'retention'],
  ['career_ladder', 'Career ladders for peers', 'retention'],
];

export class OrganizationsAndCases1764100000000 implements MigrationInterface {
  name = 'OrganizationsAndCases1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE "organizations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "normalized_name" varchar(200) NOT NULL,
        "kind" varchar(20) NOT NULL CHECK ("kind" IN ('mhotrs_clinic', 'agency', 'other')),
        "region" varchar(20) NOT NULL CHECK ("region" IN ('western', 'central', 'hudson_river', 'nyc', 'long_island')),
        "county" varchar(60) NOT NULL,
        "populations" text[] NOT NULL DEFAULT '{}',
        "stage" varchar(20) NOT NULL CHECK ("stage" IN ('exploring', 'starting', 'expanding', 'improving')),
        "peer_nycps" int NOT NULL DEFAULT 0 CHECK ("peer_nycps" >= 0),
        "peer_ypa" int NOT NULL DEFAULT 0 CHECK ("peer_ypa" >= 0),
        "peer_fpa" int NOT NULL DEFAULT 0 CHECK ("peer_fpa" >= 0),
        "notes" text NOT NULL DEFAULT '',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "organizations_normalized_name_idx" ON "organizations" ("normalized_name")`);
    await q.query(`CREATE INDEX "organizations_region_idx" ON "organizations" ("region", "stage")`);
    await q.query(`
      CREATE TABLE "contacts" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
        "name" varchar(120) NOT NULL,
        "email" varchar(254) NOT NULL,
        "phone" varchar(40),
        "title" varchar(120),
        "role" varchar(30) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "contacts_organization_id_idx" ON "contacts" ("organization_id")`);
    await q.query(`CREATE INDEX "contacts_email_lower_idx" ON "contacts" (lower("email"))`);

    await q.query(`
      CREATE TABLE "topics" (
        "code" varchar(40) PRIMARY KEY,
        "label" varchar(120) NOT NULL,
        "goal_area" varchar(20) NOT NULL CHECK ("goal_area" IN ('readiness', 'capacity', 'fidelity', 'retention')),
        "sort_order" int NOT NULL
      )`);
    for (const [index, [code, label, goalArea]] of TOPICS.entries()) {
      await q.query(`INSERT INTO "topics" ("code", "label", "goal_area", "sort_order") VALUES ($1, $2, $3, $4)`, [
        code,
        label,
        goalArea,
        index + 1,
      ]);
    }

    // References come from a sequence, so concurrent creates never share one; past 99,999 the number just grows.
    await q.query(`CREATE SEQUENCE "case_reference_seq"`);
    await q.query(`
      CREATE FUNCTION next_case_reference() RETURNS varchar LANGUAGE plpgsql AS $$
      DECLARE n bigint := nextval('case_reference_seq');
      BEGIN
        RETURN 'TA-' || to_char(now() AT TIME ZONE 'America/New_York', 'YYYY') || '-' || lpad(n::text, greatest(5, length(n::text)), '0');
      END $$`);
    await q.query(`
      CREATE TABLE "cases" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "reference" varchar(20) NOT NULL DEFAULT next_case_reference(),
        "organization_id" uuid NOT NULL REFERENCES "organizations"("id"),
        "primary_contact_id" uuid REFERENCES "contacts"("id") ON DELETE SET NULL,
        "title" varchar(200) NOT NULL,
        "description" text NOT NULL,
        "source" varchar(20) NOT NULL CHECK ("source" IN ('web_form', 'email', 'phone', 'event', 'outreach')),
        "priority" varchar(10) NOT NULL CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')),
        "topics" text[] NOT NULL DEFAULT '{}',
        "service_lines" text[] NOT NULL DEFAULT '{}',
        "intensity" varchar(12) CHECK ("intensity" IN ('universal', 'targeted', 'intensive')),
        "assignee_id" uuid REFERENCES "users"("id"),
        "status" varchar(12) NOT NULL CHECK ("status" IN ('new', 'triaged', 'active', 'on_hold', 'resolved', 'closed')),
        "status_reason" varchar(30) CHECK ("status_reason" IN ('goals_met', 'clinic_withdrew', 'no_response', 'duplicate', 'referred_elsewhere', 'out_of_scope', 'other')),
        "stall_level" varchar(10) NOT NULL DEFAULT 'none' CHECK ("stall_level" IN ('none', 'at_risk', 'escalated')),
        "opened_at" timestamptz NOT NULL,
        "first_response_due_at" timestamptz,
        "first_response_at" timestamptz,
        "last_activity_at" timestamptz NOT NULL,
        "resolved_at" timestamptz,
        "closed_at" timestamptz,
        "version" int NOT NULL,
        "search_vector" tsvector NOT NULL DEFAULT ''::tsvector,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX "cases_reference_key" ON "cases" ("reference")`);
    await q.query(`CREATE INDEX "cases_status_activity_idx" ON "cases" ("status", "last_activity_at" DESC)`);
    await q.query(`CREATE INDEX "cases_assignee_activity_idx" ON "cases" ("assignee_id", "last_activity_at" DESC)`);
    await q.query(`CREATE INDEX "cases_organization_idx" ON "cases" ("organization_id", "opened_at" DESC)`);
    await q.query(`CREATE INDEX "cases_opened_at_idx" ON "cases" ("opened_at" DESC)`);
    await q.query(`CREATE INDEX "cases_last_activity_idx" ON "cases" ("last_activity_at" DESC)`);
    await q.query(`CREATE INDEX "cases_stall_idx" ON "cases" ("stall_level") WHERE "stall_level" <> 'none'`);
    await q.query(`CREATE INDEX "cases_topics_idx" ON "cases" USING gin ("topics")`);
    await q.query(`CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search_vector")`);

    // Full text over reference, title, description and the organization's name, kept current by triggers.
    await q.query(`
      CREATE FUNCTION cases_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', coalesce(NEW.reference, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce((SELECT o.name FROM organizations o WHERE o.id = NEW.organization_id), '')), 'B') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER cases_search_vector BEFORE INSERT OR UPDATE OF title, description, organization_id ON cases
      FOR EACH ROW EXECUTE FUNCTION cases_search_vector_update()`);
    await q.query(`
      CREATE FUNCTION organizations_name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases SET title = title WHERE organization_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER organizations_name_changed AFTER UPDATE OF name ON organizations
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organizations_name_changed()`);

    await q.query(`
      CREATE TABLE "case_events" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "actor_id" uuid REFERENCES "users"("id"),
        "type" varchar(40) NOT NULL,
        "data" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX "case_events_case_created_idx" ON "case_events" ("case_id", "created_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_events"`);
    await q.query(`DROP TRIGGER "organizations_name_changed" ON "organizations"`);
    await q.query(`DROP FUNCTION organizations_name_changed()`);
    await q.query(`DROP TABLE "cases"`);
    await q.query(`DROP FUNCTION cases_search_vector_update()`);
    await q.query(`DROP FUNCTION next_case_reference()`);
    await q.query(`DROP SEQUENCE "case_reference_seq"`);
    await q.query(`DROP TABLE "topics"`);
    await q.query(`DROP TABLE "contacts"`);
    await q.query(`DROP TABLE "organizations"`);
  }
}
