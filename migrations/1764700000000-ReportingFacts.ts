import type { MigrationInterface, QueryRunner } from 'typeorm';

const TZ = 'America/New_York';

interface Source {
  /** FROM … (a consultation `k`, its case's columns and its organization's columns reachable). */
  from: string;
  caseTopics: string;
  serviceLines: string;
  organization: string;
  region: string;
  populations: string;
}

/**
 * The two upserts that add (sign 1) or remove (sign -1) sessions to the monthly facts. Grouped and ordered by key, so
 * concurrent writers lock fact rows in the same order.
 */
function apply(sign: 1 | -1, s: Source): string {
  const month = `date_trunc('month', k.started_at AT TIME ZONE '${TZ}')::date`;
  const topics = `CASE WHEN cardinality(k.topics) > 0 THEN k.topics ELSE ${s.caseTopics} END`;
  return `
    INSERT INTO reporting_session_facts AS f (month, modality, region, populations, service_lines, topics, sessions, minutes)
    SELECT ${month}, k.modality, ${s.region}, ${s.populations}, ${s.serviceLines}, ${topics}, ${sign} * count(*), ${sign} * sum(k.duration_minutes)
    ${s.from}
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (month, modality, region, populations, service_lines, topics)
    DO UPDATE SET sessions = f.sessions + excluded.sessions, minutes = f.minutes + excluded.minutes;
    INSERT INTO reporting_org_months AS f (month, organization_id, sessions)
    SELECT ${month}, ${s.organization}, ${sign} * count(*)
    ${s.from}
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (month, organization_id) DO UPDATE SET sessions = f.sessions + excluded.sessions;`;
}

const joined = (rows: string): Source => ({
  from: `FROM ${rows} k JOIN cases c ON c.id = k.case_id JOIN organizations o ON o.id = c.organization_id`,
  caseTopics: 'c.topics',
  serviceLines: 'c.service_lines',
  organization: 'c.organization_id',
  region: 'o.region',
  populations: 'o.populations',
});
const ofCase = (row: 'OLD' | 'NEW'): Source => ({
  from: `FROM consultations k JOIN organizations o ON o.id = ${row}.organization_id WHERE k.case_id = ${row}.id`,
  caseTopics: `${row}.topics`,
  serviceLines: `${row}.service_lines`,
  organization: `${row}.organization_id`,
  region: 'o.region',
  populations: 'o.populations',
});
const ofOrganization = (row: 'OLD' | 'NEW'): Source => ({
  from: `FROM consultations k JOIN cases c ON c.id = k.case_id WHERE c.organization_id = ${row}.id`,
  caseTopics: 'c.topics',
  serviceLines: 'c.service_lines',
  organization: 'c.organization_id',
  region: `${row}.region`,
  populations: `${row}.populations`,
});

const fn = (name: string, body: string, returns = 'NULL') => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    ${body}
    RETURN ${returns};
  END $fn$`;

/**
 * Dashboard summary facts: sessions and minutes per New York month × modality × OMH region × populations × service
 * lines × (effective) topics, and sessions per month × organization (organizations served). Kept exact by triggers
 * in the writing transaction: consultations (insert, update, delete, truncate), the case columns a session is
 * counted by (organization, topics, service lines; deletion) and the organization's (region, populations; deletion).
 * The dashboard reads whole months from here and the partial months at a period's edges from consultations.
 * Every path joins the rows above a session, and each parent subtracts its sessions before it is deleted, so a
 * cascade never counts twice.
 */
export class ReportingFacts1764700000000 implements MigrationInterface {
  name = 'ReportingFacts1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reporting_session_facts" (
        "month" date NOT NULL,
        "modality" varchar(12) NOT NULL,
        "region" varchar(20) NOT NULL,
        "populations" text[] NOT NULL,
        "service_lines" text[] NOT NULL,
        "topics" text[] NOT NULL,
        "sessions" int NOT NULL,
        "minutes" bigint NOT NULL,
        UNIQUE ("month", "modality", "region", "populations", "service_lines", "topics")
      )`);
    await q.query(`
      CREATE TABLE "reporting_org_months" (
        "month" date NOT NULL,
        "organization_id" uuid NOT NULL,
        "sessions" int NOT NULL,
        PRIMARY KEY ("month", "organization_id")
      )`);

    await q.query(fn('reporting_facts_consultations_ins', apply(1, joined('new_rows'))));
    await q.query(fn('reporting_facts_consultations_del', apply(-1, joined('old_rows'))));
    await q.query(fn('reporting_facts_consultations_upd', apply(-1, joined('old_rows')) + apply(1, joined('new_rows'))));
    await q.query(fn('reporting_facts_consultations_truncate', 'TRUNCATE reporting_session_facts, reporting_org_months;'));
    await q.query(fn('reporting_facts_cases_upd', apply(-1, ofCase('OLD')) + apply(1, ofCase('NEW')), 'NEW'));
    await q.query(fn('reporting_facts_cases_del', apply(-1, ofCase('OLD')), 'OLD'));
    await q.query(fn('reporting_facts_organizations_upd', apply(-1, ofOrganization('OLD')) + apply(1, ofOrganization('NEW')), 'NEW'));
    await q.query(fn('reporting_facts_organizations_del', apply(-1, ofOrganization('OLD')), 'OLD'));

    await q.query(`CREATE TRIGGER reporting_facts_ins AFTER INSERT ON consultations REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_consultations_ins()`);
    await q.query(`CREATE TRIGGER reporting_facts_del AFTER DELETE ON consultations REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_consultations_del()`);
    await q.query(`CREATE TRIGGER reporting_facts_upd AFTER UPDATE ON consultations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_consultations_upd()`);
    await q.query(`CREATE TRIGGER reporting_facts_truncate AFTER TRUNCATE ON consultations
      FOR EACH STATEMENT EXECUTE FUNCTION reporting_facts_consultations_truncate()`);
    await q.query(`CREATE TRIGGER reporting_facts_upd AFTER UPDATE OF organization_id, topics, service_lines ON cases FOR EACH ROW
      WHEN (OLD.organization_id IS DISTINCT FROM NEW.organization_id OR OLD.topics IS DISTINCT FROM NEW.topics
            OR OLD.service_lines IS DISTINCT FROM NEW.service_lines)
      EXECUTE FUNCTION reporting_facts_cases_upd()`);
    await q.query(`CREATE TRIGGER reporting_facts_del BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION reporting_facts_cases_del()`);
    await q.query(`CREATE TRIGGER reporting_facts_upd AFTER UPDATE OF region, populations ON organizations FOR EACH ROW
      WHEN (OLD.region IS DISTINCT FROM NEW.region OR OLD.populations IS DISTINCT FROM NEW.populations)
      EXECUTE FUNCTION reporting_facts_organizations_upd()`);
    await q.query(
      `CREATE TRIGGER reporting_facts_del BEFORE DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION reporting_facts_organizations_del()`,
    );

    // The sessions already there.
    await q.query(apply(1, joined('consultations')).split(';')[0] ?? '');
    await q.query(apply(1, joined('consultations')).split(';')[1] ?? '');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reporting_facts_del ON organizations`);
    await q.query(`DROP TRIGGER reporting_facts_upd ON organizations`);
    await q.query(`DROP TRIGGER reporting_facts_del ON cases`);
    await q.query(`DROP TRIGGER reporting_facts_upd ON cases`);
    await q.query(`DROP TRIGGER reporting_facts_truncate ON consultations`);
    await q.query(`DROP TRIGGER reporting_facts_upd ON consultations`);
    await q.query(`DROP TRIGGER reporting_facts_del ON consultations`);
    await q.query(`DROP TRIGGER reporting_facts_ins ON consultations`);
    for (const name of [
      'consultations_ins',
      'consultations_del',
      'consultations_upd',
      'consultations_truncate',
      'cases_upd',
      'cases_del',
    ]) {
      await q.query(`DROP FUNCTION reporting_facts_${name}()`);
    }
    await q.query(`DROP FUNCTION reporting_facts_organizations_upd()`);
    await q.query(`DROP FUNCTION reporting_facts_organizations_del()`);
    await q.query(`DROP TABLE "reporting_org_months"`);
    await q.query(`DROP TABLE "reporting_session_facts"`);
  }
}
