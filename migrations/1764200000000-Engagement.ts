import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Engagement1764200000000 implements MigrationInterface {
  name = 'Engagement1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "consultations" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "consultant_id" uuid NOT NULL REFERENCES "users"("id"),
        "started_at" timestamptz NOT NULL,
        "duration_minutes" int NOT NULL CHECK ("duration_minutes" BETWEEN 1 AND 600),
        "modality" varchar(12) NOT NULL CHECK ("modality" IN ('video', 'phone', 'onsite', 'email', 'webinar', 'training')),
        "attendee_contact_ids" uuid[] NOT NULL DEFAULT '{}',
        "headcount" int CHECK ("headcount" > 0),
        "topics" text[] NOT NULL DEFAULT '{}',
        "summary" text NOT NULL,
        "next_steps" text NOT NULL DEFAULT '',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "consultations_case_started_idx" ON "consultations" ("case_id", "started_at" DESC)`);
    await q.query(`CREATE INDEX "consultations_started_idx" ON "consultations" ("started_at")`);
    await q.query(`CREATE INDEX "consultations_consultant_started_idx" ON "consultations" ("consultant_id", "started_at")`);

    await q.query(`
      CREATE TABLE "action_plan_goals" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "title" varchar(200) NOT NULL,
        "goal_area" varchar(20) NOT NULL CHECK ("goal_area" IN ('readiness', 'capacity', 'fidelity', 'retention')),
        "sort_order" int NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "action_plan_goals_case_idx" ON "action_plan_goals" ("case_id", "sort_order")`);
    await q.query(`
      CREATE TABLE "action_items" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "goal_id" uuid NOT NULL REFERENCES "action_plan_goals"("id") ON DELETE CASCADE,
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "description" varchar(500) NOT NULL,
        "owner_contact_id" uuid REFERENCES "contacts"("id"),
        "owner_user_id" uuid REFERENCES "users"("id"),
        "due_date" date,
        "status" varchar(12) NOT NULL DEFAULT 'todo' CHECK ("status" IN ('todo', 'in_progress', 'done', 'blocked')),
        "completed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "action_items_one_owner" CHECK (("owner_contact_id" IS NULL) <> ("owner_user_id" IS NULL))
      )`);
    await q.query(`CREATE INDEX "action_items_case_idx" ON "action_items" ("case_id")`);
    await q.query(`CREATE INDEX "action_items_open_due_idx" ON "action_items" ("due_date") WHERE "status" <> 'done'`);

    await q.query(`
      CREATE TABLE "follow_ups" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "due_at" timestamptz NOT NULL,
        "assignee_id" uuid NOT NULL REFERENCES "users"("id"),
        "kind" varchar(20) NOT NULL CHECK ("kind" IN ('check_in', 'send_resource', 'review_plan', 'other')),
        "note" text NOT NULL DEFAULT '',
        "status" varchar(12) NOT NULL DEFAULT 'scheduled' CHECK ("status" IN ('scheduled', 'done', 'cancelled', 'missed')),
        "completed_at" timestamptz,
        "created_by" uuid REFERENCES "users"("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "follow_ups_case_idx" ON "follow_ups" ("case_id", "due_at")`);
    await q.query(`CREATE INDEX "follow_ups_assignee_open_idx" ON "follow_ups" ("assignee_id", "due_at") WHERE "status" = 'scheduled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "follow_ups"`);
    await q.query(`DROP TABLE "action_items"`);
    await q.query(`DROP TABLE "action_plan_goals"`);
    await q.query(`DROP TABLE "consultations"`);
  }
}
