/**
 * Filters of the case list that look past the case row (a read model, docs/ARCHITECTURE.md §Ownership): the
 * organization's region (reads organizations) and when sessions were held (reads consultations, owned by
 * engagement; consultations_case_started_idx answers it per case). Each takes SQL over `c` (the case) and parameter
 * placeholders built by the caller.
 */

/** $region: the case's organization is in the region. */
export const inRegionSql = (region: string) => `c.organization_id IN (SELECT r.id FROM organizations r WHERE r.region = ${region})`;

/** A session of the case started in [from, to) (either bound optional). */
export const heldSessionSql = ({ from, to }: { from?: string; to?: string }) =>
  `EXISTS (SELECT 1 FROM consultations s WHERE ${['s.case_id = c.id', ...(from ? [`s.started_at >= ${from}`] : []), ...(to ? [`s.started_at < ${to}`] : [])].join(' AND ')})`;
