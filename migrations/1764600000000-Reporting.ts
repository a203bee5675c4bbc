import Holidays from 'date-holidays';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The calendar covers these years; dates outside it count as calendar days in reports (see libs/reporting). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * New York State's public holidays, the same definition as libs/common/src/business-days.ts (date-holidays' US/NY
 * calendar, public holidays, observed dates included), frozen into the table when the migration runs.
 */
function nyHolidays(): string[] {
  const calendar = new Holidays('US', 'NY', { types: ['public'] });
  const dates: string[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const holiday of calendar.getHolidays(year)) dates.push(holiday.date.slice(0, 10));
  }
  return [...new Set(dates)];
}

export class Reporting1764600000000 implements MigrationInterface {
  name = 'Reporting1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per calendar day: `ordinal` counts the business days up to and including the day, so the business days
    // between two dates are one subtraction in SQL (dashboard percentiles of time to first response and resolution).
    await q.query(`
      CREATE TABLE "business_calendar" (
        "day" date PRIMARY KEY,
        "business_day" boolean NOT NULL,
        "ordinal" int NOT NULL
      )`);
    await q.query(
      `INSERT INTO "business_calendar" ("day", "business_day", "ordinal")
       SELECT d, b, sum(b::int) OVER (ORDER BY d)
       FROM (
         SELECT d::date AS d, extract(isodow FROM d) < 6 AND NOT (d::date = ANY($3::date[])) AS b
         FROM generate_series($1::date, $2::date, interval '1 day') AS d
       ) days`,
      [`${FIRST_YEAR}-01-01`, `${LAST_YEAR}-12-31`, nyHolidays()],
    );

    // Caseload: open cases per assignee by status and stall level, from the index alone.
    await q.query(`
      CREATE INDEX "cases_assignee_open_idx" ON "cases" ("assignee_id", "status", "stall_level")
      WHERE "status" IN ('new', 'triaged', 'active', 'on_hold')`);
    // Caseload: sessions and minutes per consultant in the last 30 days (index-only scan).
    await q.query(`
      CREATE INDEX "consultations_consultant_started_cover_idx" ON "consultations" ("consultant_id", "started_at")
      INCLUDE ("duration_minutes")`);
    // Summary and reports: the period's sessions, in (started_at, id) order for the streamed export, with every column
    // the summary reads, so both are index-only range scans instead of visits to a million-row heap.
    await q.query(`
      CREATE INDEX "consultations_started_cover_idx" ON "consultations" ("started_at", "id")
      INCLUDE ("case_id", "consultant_id", "duration_minutes", "modality", "topics")`);
    // Summary: cases resolved in the period (time to resolution).
    await q.query(`CREATE INDEX "cases_resolved_at_idx" ON "cases" ("resolved_at") WHERE "resolved_at" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "cases_resolved_at_idx"`);
    await q.query(`DROP INDEX "consultations_started_cover_idx"`);
    await q.query(`DROP INDEX "consultations_consultant_started_cover_idx"`);
    await q.query(`DROP INDEX "cases_assignee_open_idx"`);
    await q.query(`DROP TABLE "business_calendar"`);
  }
}
