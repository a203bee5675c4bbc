import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Casework (README "Casework"): organizations record the peer roles they employ or plan (the request form asks),
 * action items can be cancelled with their case's open work, and every case waits for
 * a first response, whatever its source. Cases opened before from phone, email, events or outreach get the default
 * due time (2 business days at the same New York clock time; weekends skipped here, holidays not: a backfill).
 */
export class Casework1764800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organizations" ADD COLUMN "peer_roles" text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "action_items" DROP CONSTRAINT "action_items_status_check"`);
    await q.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "action_items_status_check" CHECK ("status" IN ('todo', 'in_progress', 'done', 'blocked', 'cancelled'))`,
    );
    await q.query(`DROP INDEX "action_items_open_due_idx"`);
    await q.query(`CREATE INDEX "action_items_open_due_idx" ON "action_items" ("due_date") WHERE "status" NOT IN ('done', 'cancelled')`);
    // My follow-ups lists missed ones too, until they are handled.
    await q.query(`DROP INDEX "follow_ups_assignee_open_idx"`);
    await q.query(
      `CREATE INDEX "follow_ups_assignee_open_idx" ON "follow_ups" ("assignee_id", "due_at") WHERE "status" IN ('scheduled', 'missed')`,
    );
    // The second weekday after the day it opened (New York days), at the same New York clock time.
    await q.query(`
      UPDATE cases c SET first_response_due_at = (
        SELECT (d.day + (c.opened_at AT TIME ZONE 'America/New_York')::time) AT TIME ZONE 'America/New_York'
        FROM (SELECT (c.opened_at AT TIME ZONE 'America/New_York')::date + n AS day FROM generate_series(1, 7) AS n) d
        WHERE extract(isodow FROM d.day) < 6
        ORDER BY d.day OFFSET 1 LIMIT 1)
      WHERE c.first_response_due_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organizations" DROP COLUMN "peer_roles"`);
    await q.query(`UPDATE "action_items" SET "status" = 'todo' WHERE "status" = 'cancelled'`);
    await q.query(`ALTER TABLE "action_items" DROP CONSTRAINT "action_items_status_check"`);
    await q.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "action_items_status_check" CHECK ("status" IN ('todo', 'in_progress', 'done', 'blocked'))`,
    );
    await q.query(`DROP INDEX "action_items_open_due_idx"`);
    await q.query(`CREATE INDEX "action_items_open_due_idx" ON "action_items" ("due_date") WHERE "status" <> 'done'`);
    await q.query(`DROP INDEX "follow_ups_assignee_open_idx"`);
    await q.query(`CREATE INDEX "follow_ups_assignee_open_idx" ON "follow_ups" ("assignee_id", "due_at") WHERE "status" = 'scheduled'`);
  }
}
