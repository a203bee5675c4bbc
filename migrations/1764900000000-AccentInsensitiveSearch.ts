import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search ignores accents as well as case: "Clinica" finds "Clínica" in case text and organization names. unaccent()
 * is only STABLE (its dictionary could change), so indexes use an IMMUTABLE wrapper with the dictionary named.
 * A case's reference is also found by any part of it ("00087", "2026-00087") through a trigram index.
 */
export class AccentInsensitiveSearch1764900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`
      CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`CREATE INDEX "organizations_name_unaccent_trgm_idx" ON "organizations" USING gin (f_unaccent("name") gin_trgm_ops)`);
    await q.query(`CREATE INDEX "cases_reference_trgm_idx" ON "cases" USING gin ("reference" gin_trgm_ops)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION cases_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', coalesce(NEW.reference, '')), 'A') ||
          setweight(to_tsvector('english', f_unaccent(coalesce(NEW.title, ''))), 'A') ||
          setweight(to_tsvector('english', f_unaccent(coalesce((SELECT o.name FROM organizations o WHERE o.id = NEW.organization_id), ''))), 'B') ||
          setweight(to_tsvector('english', f_unaccent(coalesce(NEW.description, ''))), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`UPDATE cases SET title = title`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION cases_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', coalesce(NEW.reference, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce((SELECT o.name FROM organizations o WHERE o.id = NEW.organization_id), '')), 'B') ||
          setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`UPDATE cases SET title = title`);
    await q.query(`DROP INDEX "cases_reference_trgm_idx"`);
    await q.query(`DROP INDEX "organizations_name_unaccent_trgm_idx"`);
    await q.query(`DROP FUNCTION f_unaccent(text)`);
  }
}
