/**
 * Statements on organizations and contacts (owned by this lib), each with its row type.
 */

/**
 * The organization and contact a public request belongs to, found or created in one statement (in the caller's
 * transaction). A known person (the contact's email, case-insensitively, oldest first) keeps their organization;
 * otherwise the organization is matched by normalized name and region, then (unless the mailbox is a shared provider's,
 * $4 null) by a contact with the same email domain; otherwise created. A matched organization gains the peer roles the
 * request names ($5, kept in the order of $6, PEER_ROLES). An unknown person becomes a contact.
 *
 * $1 email, $2 normalized name, $3 region, $4 email domain or null, $5 peer roles named, $6 every peer role in order,
 * $7 name, $8 county, $9 populations, $10 stage, $11 contact name, $12 phone or null, $13 contact role.
 * COALESCE evaluates its subqueries lazily, so a known person's request runs only the first lookup.
 */
export const FIND_OR_CREATE_FOR_INTAKE = `
WITH known AS (
  SELECT c.id, c.organization_id FROM contacts c WHERE lower(c.email) = lower($1) ORDER BY c.created_at LIMIT 1
),
matched AS (
  SELECT coalesce(
    (SELECT organization_id FROM known),
    (SELECT o.id FROM organizations o WHERE o.normalized_name = $2 AND o.region = $3 ORDER BY o.created_at LIMIT 1),
    (SELECT o.id FROM organizations o
      WHERE $4::text IS NOT NULL
        AND o.id IN (SELECT c.organization_id FROM contacts c WHERE lower(split_part(c.email, '@', 2)) = $4)
      ORDER BY o.created_at LIMIT 1)) AS id
),
noted AS (
  UPDATE organizations o
  SET peer_roles = ARRAY(SELECT r FROM unnest($6::text[]) WITH ORDINALITY AS x(r, i)
                         WHERE r = ANY(o.peer_roles) OR r = ANY($5::text[]) ORDER BY i),
      updated_at = now()
  FROM matched WHERE o.id = matched.id AND NOT (o.peer_roles @> $5::text[])
),
created AS (
  INSERT INTO organizations (name, normalized_name, kind, region, county, populations, stage, peer_roles, peer_nycps, peer_ypa, peer_fpa, notes)
  SELECT $7, $2, 'mhotrs_clinic', $3, $8, $9::text[], $10, $5::text[], 0, 0, 0, ''
  FROM matched WHERE matched.id IS NULL
  RETURNING id, name
),
organization AS (
  SELECT o.id, o.name, false AS created FROM organizations o JOIN matched ON o.id = matched.id
  UNION ALL
  SELECT id, name, true FROM created
),
new_contact AS (
  INSERT INTO contacts (organization_id, name, email, phone, title, role)
  SELECT organization.id, $11, $1, $12, NULL, $13 FROM organization WHERE NOT EXISTS (SELECT 1 FROM known)
  RETURNING id
)
SELECT organization.id AS organization_id, organization.name AS organization_name, organization.created AS organization_created,
       coalesce((SELECT id FROM known), (SELECT id FROM new_contact)) AS contact_id,
       NOT EXISTS (SELECT 1 FROM known) AS contact_created
FROM organization`;

export interface IntakeOrganizationRow {
  organization_id: string;
  organization_name: string;
  organization_created: boolean;
  contact_id: string;
  contact_created: boolean;
}
