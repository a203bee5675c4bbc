import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Escalation1764500000000 implements MigrationInterface {
  name = 'Escalation1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per timer effect ever applied; the unique key is what makes sweeps exactly-once.
    await q.query(`
      CREATE TABLE "sweep_effects" (
        "dedupe_key" varchar(200) PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "kind" varchar(40) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "sweep_effects_case_idx" ON "sweep_effects" ("case_id", "created_at" DESC)`);
    await q.query(`CREATE INDEX "follow_ups_open_due_idx" ON "follow_ups" ("due_at") WHERE "status" = 'scheduled'`);
    await q.query(`CREATE INDEX "cases_active_activity_idx" ON "cases" ("last_activity_at") WHERE "status" = 'active'`);
    await q.query(`CREATE INDEX "cases_first_response_due_idx" ON "cases" ("first_response_due_at") WHERE "first_response_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "cases_first_response_due_idx"`);
    await q.query(`DROP INDEX "cases_active_activity_idx"`);
    await q.query(`DROP INDEX "follow_ups_open_due_idx"`);
    await q.query(`DROP TABLE "sweep_effects"`);
  }
}
