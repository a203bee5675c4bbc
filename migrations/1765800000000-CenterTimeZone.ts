import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The functions that counted days in New York by name; from now on they read center_time_zone(). */
const ZONED_FUNCTIONS = [
  'next_case_reference',
  'reporting_facts_consultations_ins',
  'reporting_facts_consultations_del',
  'reporting_facts_consultations_upd',
  'reporting_facts_cases_upd',
  'reporting_facts_cases_del',
  'reporting_facts_organizations_upd',
  'reporting_facts_organizations_del',
];

/** Rewrites each function's definition, replacing `from` with `to` (pg_get_functiondef gives CREATE OR REPLACE). */
const rewrite = (from: string, to: string) => `
  DO $do$
  DECLARE f oid;
  BEGIN
    FOR f IN SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = current_schema() AND p.proname = ANY(ARRAY['${ZONED_FUNCTIONS.join("','")}']) LOOP
      EXECUTE replace(pg_get_functiondef(f), ${from}, ${to});
    END LOOP;
  END $do$`;

/**
 * The center's time zone is one setting (CENTER_TIME_ZONE, ARCHITECTURE §Contracts): every connection sets
 * `ta.center_time_zone` from it (libs/database), and SQL reads it through center_time_zone(), America/New_York when a
 * connection did not set it (psql, a maintenance script). The reporting triggers bucket sessions into months of that
 * zone, so changing the zone of a running center means rebuilding the monthly facts (README, Configuration).
 */
export class CenterTimeZone1765800000000 implements MigrationInterface {
  name = 'CenterTimeZone1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION center_time_zone() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT coalesce(nullif(current_setting('ta.center_time_zone', true), ''), 'America/New_York') $$`);
    await q.query(rewrite(`'''America/New_York'''`, `'center_time_zone()'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(rewrite(`'center_time_zone()'`, `'''America/New_York'''`));
    await q.query(`DROP FUNCTION center_time_zone()`);
  }
}
